import { ContentErrors, readYaml, schemaProblems, type Problem, type YamlSource } from '$lib/source';
import { architectureProblems, buildArchitecture } from './architecture';
import { buildGraph } from './graph';
import { buildNetwork } from './network';
import { architectureSchema, graphSchema, networkSchema, type ModelSpec } from './schema';
import { traceModel, type Model } from './trace';
import { nonFiniteProblems } from './validate-finite';
import { networkProblems, planGraph } from './validate';

const VOCABULARY = [
	'inputs', 'layers', 'parameters', 'targets', 'loss', 'learningRate', 'update', 'biases',
	'activation', 'neurons', 'bias', 'type', 'threshold', 'temperature', 'atThreshold',
	'values', 'define', 'output', 'momentum', 'velocities', 'data', 'training', 'mode', 'epochs', 'report',
	'architecture', 'size', 'repeat', 'gradientCheck', 'epsilon', 'slope', 'weightDecay', 'batchSize', 'average'
];

export type ModelResult = { ok: true; spec: ModelSpec; build(): Model } | { ok: false; problems: Problem[] };

/**
 * Checks a parsed network or graph (plain data, from YAML) and returns a builder for its engine
 * graph, or every problem found, located by key path.
 */
export function checkModel(data: unknown): ModelResult {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return { ok: false, problems: [{ path: [], message: 'a network must be a mapping with inputs and layers, or a graph with values, define and output, or architecture: { layers: [...] }' }] };
	}
	if ('architecture' in data) {
		const parsed = architectureSchema.safeParse(data);
		if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, data, VOCABULARY) };
		const problems = architectureProblems(parsed.data);
		if (problems.length > 0) return { ok: false, problems };
		return { ok: true, spec: { kind: 'architecture', ...parsed.data }, build: () => buildArchitecture(parsed.data) };
	}
	if ('define' in data || 'values' in data) {
		const parsed = graphSchema.safeParse(data);
		if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, data, VOCABULARY) };
		const plan = planGraph(parsed.data);
		if (plan.problems.length > 0) return { ok: false, problems: plan.problems };
		return { ok: true, spec: { kind: 'graph', ...parsed.data }, build: () => buildGraph(parsed.data, plan.order) };
	}
	const parsed = networkSchema.safeParse(data);
	if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error, data, VOCABULARY) };
	const problems = networkProblems(parsed.data);
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, spec: { kind: 'network', ...parsed.data }, build: () => buildNetwork(parsed.data) };
}

/**
 * Reads a network or graph from YAML text (a network file, or a lesson's front matter at
 * `path`), throwing ContentErrors that name the file and line.
 */
export function loadModel(source: YamlSource | { text: string; file: string }, path: (string | number)[] = []) {
	const yaml = 'text' in source ? readYaml(source.text, source.file) : source;
	let data = yaml.data;
	for (const key of path) data = (data as Record<string | number, unknown> | undefined)?.[key];
	const result = checkModel(data);
	const located = (problems: Problem[]) => new ContentErrors(yaml.errorsFor(problems.map((p) => ({ ...p, path: [...path, ...p.path] }))));
	if (!result.ok) throw located(result.problems);
	// Numbers that make NaN or ±Infinity (a saturated sigmoid under a log) are a content error too.
	const model = result.build();
	const infinite = nonFiniteProblems(model, traceModel(model));
	if (infinite.length > 0) throw located(infinite);
	return result;
}


/** Builds the engine graph of a spec that was already checked (e.g. at build time, sent as data). */
export function buildModel(spec: ModelSpec): Model {
	const { kind, ...rest } = spec;
	const result = checkModel(rest);
	if (!result.ok) throw new Error(`${kind} spec no longer valid: ${result.problems[0]?.message}`);
	return result.build();
}
