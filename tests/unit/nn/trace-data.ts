import { checkModel, traceModel, type Model, type NetworkSpec, type Trace } from '$lib/nn';

/** Checks and builds a model given as plain data (what the YAML reads as); throws its problems. */
export function modelOf(data: unknown): Model {
	const result = checkModel(data);
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
	return result.build();
}

/** Traces a network, graph or architecture given as plain data. */
export const traceData = (data: unknown): Trace => traceModel(modelOf(data));

/** The checked spec of a network given as plain data. */
export function networkSpecOf(data: unknown): NetworkSpec {
	const result = checkModel(data);
	if (!result.ok || result.spec.kind !== 'network') throw new Error(result.ok ? 'not a network' : (result.problems[0]?.message ?? ''));
	const { kind: _, ...spec } = result.spec;
	return spec;
}

/** The keys of `expected` whose traced value is further than tol·|expected| + abs from it. */
export function far(trace: Trace, expected: Record<string, number>, tol = 1e-12, abs = 1e-16) {
	return Object.entries(expected)
		.filter(([k, e]) => !(Math.abs((trace[k] as number) - e) <= tol * Math.abs(e) + abs))
		.map(([key, e]) => ({ key, trace: trace[key], expected: e }));
}

/** Central finite difference (f(x + h) − f(x − h)) / 2h. */
export const central = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);
