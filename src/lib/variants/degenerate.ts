import { topologicalOrder, type Value } from '$lib/autograd';
import type { Model, Trace } from '$lib/nn';

/** One way a drawn variant would make a poor exercise, at one node of its graph. */
export type Degeneracy = { node: number; rule: string; message: string };

const SATURATED = 0.02;
const NEAR_THRESHOLD = 0.01;
const TIE = 1e-6;

/**
 * Where the numbers of `model` make a poor exercise: a saturated sigmoid or softmax output
 * (out < 0.02 or > 0.98) or tanh (|out| > 0.96, the same bound); a ReLU or step within 0.01 of
 * its threshold (the kink, where the slope is a convention); a tie for the largest input of a max
 * gate (where its gradient goes is a convention); a value that is not finite; and, given the
 * lesson's own trace, a quantity that is exactly 0 where the lesson's is not (a dead path).
 * Nodes are numbered in a fixed walk order, the same for two specs of the same structure.
 */
export function degeneracies(model: Model, trace: Trace, original?: Trace): Degeneracy[] {
	const softmaxOuts = new Set(
		model.kind === 'network' ? model.neurons.filter((n) => n.activation.type === 'softmax').map((n) => `out_${n.name}`) : []
	);
	const found: Degeneracy[] = [];
	nodesOf(model).forEach((v, node) => {
		const problem = nodeProblem(v, softmaxOuts.has(v.name ?? ''));
		if (problem) found.push({ node, rule: problem[0], message: `${v.name ?? v.op} ${problem[1]}` });
	});
	for (const [name, x] of Object.entries(trace)) {
		if (!Number.isFinite(x)) found.push({ node: -1, rule: `finite:${name}`, message: `${name} is ${x}` });
		else if (original && x === 0 && original[name] !== 0) found.push({ node: -1, rule: `zero:${name}`, message: `${name} is exactly 0` });
	}
	return found;
}

/** The rule one node breaks and how, if any. */
function nodeProblem(v: Value, isSoftmaxOut: boolean): [rule: string, message: string] | undefined {
	const input = v.inputs[0]?.data ?? Number.NaN;
	if (!Number.isFinite(v.data)) return ['finite', `is ${v.data}`];
	if ((v.op === 'sigmoid' || isSoftmaxOut) && (v.data < SATURATED || v.data > 1 - SATURATED)) {
		return ['saturated', `= ${v.data}: a saturated ${isSoftmaxOut ? 'softmax' : 'sigmoid'}`];
	}
	if (v.op === 'tanh' && Math.abs(v.data) > 1 - 2 * SATURATED) return ['saturated', `= ${v.data}: a saturated tanh`];
	if ((v.op === 'relu' || v.op === 'leaky_relu') && Math.abs(input) < NEAR_THRESHOLD) return ['threshold', `has input ${input}, at the ReLU's kink`];
	if (v.op === 'step' && 'threshold' in v.params && Math.abs(input - v.params.threshold) < NEAR_THRESHOLD) {
		return ['threshold', `has input ${input}, at the step's threshold`];
	}
	if (v.op === 'max' && v.inputs.filter((x) => v.data - x.data < TIE).length > 1) return ['tie', 'has a tie for its largest input'];
	return undefined;
}

/** Every node of a model once: each named node and what it depends on, in a fixed order. */
function nodesOf(model: Model): Value[] {
	if (model.kind === 'architecture') return [];
	const seen = new Set<Value>();
	for (const root of model.nodes.values()) for (const v of topologicalOrder(root)) seen.add(v);
	return [...seen];
}
