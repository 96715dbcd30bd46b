import { stepsFor, type Steps } from '$lib/derivation';
import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';

/**
 * The engine's trace and steps of each of a lesson's networks. `training`: the training
 * quantities of these very networks, computed at build time (Lesson.training), used instead of
 * training again; only for the lesson's own numbers, never for a variant's.
 */
export function lessonSteps(networks: Record<string, ModelSpec>, labels: Record<string, string>, training: Record<string, Trace> = {}) {
	const traces: Record<string, Trace> = {};
	const steps: Record<string, Steps> = {};
	for (const [name, spec] of Object.entries(networks)) {
		const model = buildModel(spec);
		const known = training[name];
		traces[name] = traceModel(model, known ? { training: known } : {});
		steps[name] = stepsFor(model, traces[name], labels);
	}
	return { traces, steps };
}
