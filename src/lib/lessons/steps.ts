import { stepsFor, type Steps } from '$lib/derivation';
import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';

/** The engine's trace and steps of each of a lesson's networks. */
export function lessonSteps(networks: Record<string, ModelSpec>, labels: Record<string, string>) {
	const traces: Record<string, Trace> = {};
	const steps: Record<string, Steps> = {};
	for (const [name, spec] of Object.entries(networks)) {
		const model = buildModel(spec);
		traces[name] = traceModel(model);
		steps[name] = stepsFor(model, traces[name], labels);
	}
	return { traces, steps };
}
