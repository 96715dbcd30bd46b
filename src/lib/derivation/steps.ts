import type { Model, Trace } from '$lib/nn';
import type { Get } from './formula';
import { graphContext, graphDerivation, graphStep, graphValues, isGivenInGraph } from './graph-steps';
import { engineValues, networkDerivation, networkStep, type Step } from './network-steps';
import { quantityTex, type Labels } from './tex';

/**
 * What the UI and the feedback need of any model (a network or a computational graph): the step
 * that computes a quantity, the ordered steps of a derivation, and the engine's values.
 */
export interface Steps {
	step(quantity: string): Step | undefined;
	derivation(target: string): Step[];
	/** The engine's value of any quantity, given ones (inputs, weights, targets) included. */
	value: Get;
	/** True for values the learner is given rather than asked: inputs, parameters, targets. */
	isGiven(name: string): boolean;
	/** Every quantity the engine has a value for (the trace's names). */
	quantities(): string[];
	/** The TeX of any name (a quantity, a weight, an input), the lesson's labels honoured. */
	tex(name: string): string;
	/**
	 * A network with a data set: how many examples its data-set errors add up (`E_total_epoch_k`…),
	 * and how many its batch gradient `dE_batch/dP` adds up (the first mini-batch; 0 when
	 * `training.average` takes their mean instead).
	 */
	examples?: { data: number; batch: number };
}

export function stepsFor(model: Model, trace: Trace, labels: Labels = {}): Steps {
	if (model.kind === 'graph') {
		const graph = graphContext(model, trace, labels);
		return {
			step: (quantity) => graphStep(graph, quantity),
			derivation: (target) => graphDerivation(graph, target),
			value: graphValues(graph),
			isGiven: (name) => isGivenInGraph(graph, name),
			quantities: () => Object.keys(trace),
			// A step's label writes `(local)` gradients as the page does; a given name has none.
			tex: (name) => graphStep(graph, name)?.label ?? quantityTex(name, labels)
		};
	}
	// An architecture is only counted (weights, biases, paths): it has values but no chain-rule steps.
	if (model.kind !== 'network') {
		return {
			step: () => undefined,
			derivation: () => [],
			value: (name) => {
				const value = trace[name];
				if (value === undefined) throw new Error(`no value for ${name}`);
				return value;
			},
			isGiven: () => false,
			quantities: () => Object.keys(trace),
			tex: (name) => quantityTex(name, labels)
		};
	}
	const context = { model, trace, labels };
	const { inputs, parameters } = model.spec;
	return {
		step: (quantity) => networkStep(context, quantity),
		derivation: (target) => networkDerivation(context, target),
		value: engineValues(context),
		isGiven: (name) => name in inputs || name in parameters || name.startsWith('target_'),
		quantities: () => Object.keys(trace),
		tex: (name) => quantityTex(name, labels),
		...(model.spec.data === undefined ? {} : { examples: examplesOf(model.spec) })
	};
}

function examplesOf(spec: { data?: unknown[]; training?: { batchSize?: number; average?: boolean } }): { data: number; batch: number } {
	const data = spec.data?.length ?? 0;
	const batch = spec.training?.average ? 0 : Math.min(spec.training?.batchSize ?? data, data);
	return { data, batch };
}
