import { recomputeAll, type Value } from '$lib/autograd';
import { buildNetwork } from './network';
import type { Example, NetworkSpec } from './schema';
import { updateParameter, type UpdateRule } from './update';

/**
 * The training quantities of a network with a data set (spec.data) and a learning rate:
 * - `P_after_k`, every parameter P after the k-th update. Incremental (online) training updates
 *   after each example, in order: k = 1 … examples × epochs. Batch training updates once per
 *   epoch with the gradient summed (not averaged, as deck 000's delta rule sums ΔW over the
 *   examples): k = 1 … epochs.
 * - `E_total_epoch_k`, the error summed over all examples at the parameters the k-th epoch
 *   starts from, and `E_total_after_training`, the same sum after the last update.
 * - batch only: `dE_batch/dP`, the summed gradient at the initial parameters. It has a name of
 *   its own because `dE/dP` is the gradient for the single example of `inputs` and `targets`.
 * - `training.batchSize: b` splits the data set into mini-batches of b examples, in order (the
 *   last may be smaller): one update per mini-batch, ⌈examples / b⌉ per epoch; `dE_batch/dP` is
 *   then the first mini-batch's gradient. `training.average: true` uses the mean of the
 *   batch's gradients instead of their sum. `weightDecay` adds λ₂·w to each weight's gradient
 *   in every update (update.ts).
 * - With `training.report` (a list of update numbers, for long runs): `P_after_k`,
 *   `E_total_after_k` (the error summed over the data set after update k) and `E_total_epoch_k`
 *   only for the listed k, so that 10,000 updates give a handful of names, not 100,000.
 */
export function trainingTrace(spec: NetworkSpec): Record<string, number> {
	const { data, learningRate } = spec;
	if (!data || learningRate === undefined) return {};
	// A graph of its own: set to each example in turn, leaving the traced example's graph alone.
	const model = buildNetwork({ ...spec, targets: (data[0] as Example).targets });
	const loss = model.loss as Value;
	const node = (name: string) => model.nodes.get(name) as Value;
	const parameters = Object.keys(spec.parameters);
	const rule: UpdateRule = { rate: learningRate, momentum: spec.momentum };
	// Weight decay applies to weights, never to biases (deck 001: the j = 0 terms are left out).
	const ruleFor = (p: string): UpdateRule => (spec.weightDecay === undefined || model.biases.has(p) ? rule : { ...rule, decay: spec.weightDecay });
	const velocity = new Map(model.trainable.map((p) => [p, spec.velocities?.[p] ?? 0]));
	const trace: Record<string, number> = {};
	const report = spec.training?.report ? new Set(spec.training.report) : undefined;
	const reported = (k: number) => !report || report.has(k);

	/** E_total of one example at the current parameters; with gradients when asked. */
	const errorOf = (example: Example, withGradients: boolean) => {
		for (const [i, x] of Object.entries(example.inputs)) node(i).data = x;
		for (const [o, t] of Object.entries(example.targets)) (model.targets.get(o) as Value).data = t;
		recomputeAll(loss);
		if (withGradients) loss.backward();
		return loss.data;
	};
	const datasetError = () => data.reduce((sum, example) => sum + errorOf(example, false), 0);
	const update = (gradient: (p: string) => number, k: number) => {
		for (const p of model.trainable) {
			const next = updateParameter(node(p).data, gradient(p), velocity.get(p) as number, ruleFor(p));
			node(p).data = next.value;
			if (next.velocity !== undefined) velocity.set(p, next.velocity);
		}
		if (!reported(k)) return;
		for (const p of parameters) trace[`${p}_after_${k}`] = node(p).data;
		if (report) trace[`E_total_after_${k}`] = datasetError();
	};

	const mode = spec.training?.mode ?? 'incremental';
	const epochs = spec.training?.epochs ?? 1;
	let k = 0;
	for (let epoch = 1; epoch <= epochs; epoch++) {
		if (mode === 'incremental') {
			if (reported(epoch)) trace[`E_total_epoch_${epoch}`] = datasetError();
			for (const example of data) {
				errorOf(example, true);
				update((p) => node(p).grad, ++k);
			}
			continue;
		}
		if (reported(epoch)) trace[`E_total_epoch_${epoch}`] = datasetError();
		// Mini-batches of batchSize examples in order (one batch of all by default), each one update.
		const size = spec.training?.batchSize ?? data.length;
		for (let start = 0; start < data.length; start += size) {
			const batch = data.slice(start, start + size);
			const sum = new Map(parameters.map((p) => [p, 0]));
			for (const example of batch) {
				errorOf(example, true);
				for (const p of parameters) sum.set(p, (sum.get(p) as number) + node(p).grad);
			}
			const scale = spec.training?.average ? 1 / batch.length : 1;
			if (epoch === 1 && start === 0) for (const p of parameters) trace[`dE_batch/d${p}`] = (sum.get(p) as number) * scale;
			update((p) => (sum.get(p) as number) * scale, ++k);
		}
	}
	trace.E_total_after_training = datasetError();
	return trace;
}
