import { closest, type KeyPath, type Problem } from '$lib/source';
import type { NetworkSpec } from './schema';

const PROBABILITY_LOSSES = new Set(['cross-entropy', 'binary-cross-entropy']);
/** Activations whose outputs lie in (0, 1), so that ln(out) and ln(1 − out) exist. */
const PROBABILITY_OUTPUTS = new Set(['softmax', 'sigmoid']);

/** Checks the last layer against the loss, and the targets of the example and of the data set. */
export function outputProblems(spec: NetworkSpec): Problem[] {
	const problems: Problem[] = [];
	const last = spec.layers.length - 1;
	spec.layers.forEach((layer, l) => {
		if (layer.activation.type === 'softmax' && l !== last) {
			problems.push({ path: ['layers', l, 'activation'], message: 'softmax is only for the last layer (it turns the outputs into probabilities that sum to 1): use sigmoid, tanh, relu, step or linear here' });
		}
	});
	const lastActivation = spec.layers[last]?.activation.type;
	if (PROBABILITY_LOSSES.has(spec.loss) && lastActivation && !PROBABILITY_OUTPUTS.has(lastActivation)) {
		problems.push({ path: ['loss'], message: `${spec.loss} takes the log of the outputs, so they must lie between 0 and 1: use softmax or sigmoid in the last layer, not ${lastActivation}` });
	}
	if (spec.targets) problems.push(...targetProblems(spec, spec.targets, ['targets']));
	spec.data?.forEach((example, k) => problems.push(...targetProblems(spec, example.targets, ['data', k, 'targets'])));
	return problems;
}

function targetProblems(spec: NetworkSpec, targets: Record<string, number>, at: KeyPath): Problem[] {
	const problems: Problem[] = [];
	const outputs = Object.keys(spec.layers.at(-1)?.neurons ?? {});
	for (const [t, value] of Object.entries(targets)) {
		if (!outputs.includes(t)) problems.push({ path: [...at, t], message: `“${t}” is not an output neuron: targets are for ${outputs.join(', ')}` });
		else if (PROBABILITY_LOSSES.has(spec.loss) && !(value >= 0 && value <= 1)) {
			problems.push({ path: [...at, t], message: `a ${spec.loss} target is a probability: use a value from 0 to 1` });
		}
	}
	for (const o of outputs) {
		if (!(o in targets)) problems.push({ path: at, message: `the output “${o}” has no target: add ${o}: <number>` });
	}
	// Softmax outputs sum to 1, and δ = out − t (the form taught) holds only when the targets do too.
	const total = outputs.reduce((s, o) => s + (targets[o] ?? 0), 0);
	if (spec.loss === 'cross-entropy' && spec.layers.at(-1)?.activation.type === 'softmax' && outputs.every((o) => o in targets) && Math.abs(total - 1) > 1e-9) {
		const listed = outputs.map((o) => `${o}: ${targets[o]}`).join(', ');
		problems.push({ path: at, message: `softmax with cross-entropy needs targets that sum to 1 (a probability for each output), but ${listed} sum to ${+total.toPrecision(12)}: change them so they add up to 1, e.g. 1 for the right class and 0 for the others` });
	}
	return problems;
}

/**
 * Checks momentum's velocities, that a data set names the network's inputs and has a rate, and
 * that a gradient check has an error to check.
 */
export function trainingProblems(spec: NetworkSpec): Problem[] {
	const problems: Problem[] = [];
	const report = (path: KeyPath, message: string) => problems.push({ path, message });
	const parameters = Object.keys(spec.parameters);
	if (spec.velocities && spec.momentum === undefined) {
		report(['velocities'], 'velocities are for the momentum rule: add momentum (such as momentum: 0.9) or remove them');
	}
	for (const p of Object.keys(spec.velocities ?? {})) {
		if (!parameters.includes(p)) {
			const guess = closest(p, parameters);
			report(['velocities', p], `“${p}” is not a parameter: a velocity belongs to one of ${parameters.join(', ')}${guess ? ` (did you mean “${guess}”?)` : ''}`);
		}
	}
	if (spec.gradientCheck && !spec.targets) {
		report(['gradientCheck'], 'a gradient check compares finite differences of E_total with dE/dP, so it needs targets: add targets: { … }');
	}
	if (spec.training && !spec.data) report(['training'], 'training needs a data set: add data: [ { inputs: { … }, targets: { … } } ]');
	if (spec.training?.mode !== 'batch') {
		if (spec.training?.batchSize !== undefined) report(['training', 'batchSize'], 'batchSize is for batch training: add mode: batch (incremental training updates after every example)');
		if (spec.training?.average) report(['training', 'average'], 'average is for batch training: add mode: batch (incremental training updates after every example)');
	}
	if (spec.weightDecay !== undefined && spec.learningRate === undefined) report(['weightDecay'], 'weight decay is part of the update: add learningRate: 0.5 (for example)');
	if (spec.data && spec.learningRate === undefined) report(['data'], 'training on a data set needs a learningRate: add learningRate: 0.5 (for example)');
	const inputs = Object.keys(spec.inputs);
	spec.data?.forEach((example, k) => {
		for (const i of Object.keys(example.inputs)) {
			if (!inputs.includes(i)) {
				const guess = closest(i, inputs);
				report(['data', k, 'inputs', i], `“${i}” is not an input of the network: use one of ${inputs.join(', ')}${guess ? ` (did you mean “${guess}”?)` : ''}`);
			}
		}
		for (const i of inputs) {
			if (!(i in example.inputs)) report(['data', k, 'inputs'], `the input “${i}” has no value in this example: add ${i}: <number>`);
		}
	});
	return problems;
}

/** The most example passes (epochs × examples) a lesson may train for: the build stays fast. */
export const MAX_TRAINING_PASSES = 100_000;

/** Checks that the run is short enough to trace and that `report` names updates the run makes. */
export function trainingRunProblems(spec: NetworkSpec): Problem[] {
	if (!spec.data || !spec.training) return [];
	const problems: Problem[] = [];
	const { mode, epochs, report } = spec.training;
	const examples = spec.data.length;
	if (epochs * examples > MAX_TRAINING_PASSES) {
		problems.push({ path: ['training', 'epochs'], message: `${epochs} epochs of ${examples} examples is ${epochs * examples} passes, more than the ${MAX_TRAINING_PASSES.toLocaleString('en')} a lesson may train for: use fewer epochs (or the training lab for longer runs)` });
		return problems;
	}
	const perEpoch = mode === 'batch' ? Math.ceil(examples / (spec.training.batchSize ?? examples)) : examples;
	const updates = epochs * perEpoch;
	const how = mode === 'batch' ? `${epochs} epochs of batch training (${perEpoch} update${perEpoch === 1 ? '' : 's'} each)` : `${examples} example${examples === 1 ? '' : 's'} × ${epochs} epochs`;
	report?.forEach((k, i) => {
		if (k > updates) problems.push({ path: ['training', 'report', i], message: `update ${k} is past the last update: ${how} make ${updates} updates` });
	});
	return problems;
}
