import { topologicalOrder, type Value } from '$lib/autograd';
import type { KeyPath, Problem } from '$lib/source';
import type { Model, Trace } from './trace';

/**
 * A model whose numbers are not all finite cannot be an exercise: the step can never be solved
 * and the worked step would print NaN. One problem per model: the quantity a learner would meet
 * (E_total if it is among them), why (the first node of the graph that went wrong, explained in
 * the lesson's own terms: "out_y rounds to exactly 1"), and where in the spec to change it.
 */
export function nonFiniteProblems(model: Model, trace: Trace): Problem[] {
	const bad = Object.keys(trace).filter((k) => !Number.isFinite(trace[k]));
	if (bad.length === 0) return [];
	const shown = bad.includes('E_total') ? 'E_total' : (bad[0] as string);
	const origin = firstBadNode(model);
	const cause = origin ? explain(origin) : guessFromName(shown);
	const others = bad.filter((k) => k !== shown);
	const also = others.length > 0 ? ` (also not finite: ${others.slice(0, 4).join(', ')}${others.length > 4 ? `, and ${others.length - 4} more` : ''})` : '';
	return [{ path: origin ? pathOf(model, origin.at) : [], message: `${shown} is not finite (${trace[shown]}): ${cause}${also}` }];
}

type Origin = { node: Value; at: Value; slope: boolean };

/** The first node, inputs before outputs, whose value or local derivative is not finite. */
function firstBadNode(model: Model): Origin | undefined {
	if (model.kind === 'architecture') return undefined;
	const seen = new Set<Value>();
	for (const root of model.nodes.values()) {
		for (const v of topologicalOrder(root)) {
			if (seen.has(v)) continue;
			seen.add(v);
			if (!Number.isFinite(v.data)) return { node: v, at: namedNear(v) ?? v, slope: false };
			if (v.local.some((x) => !Number.isFinite(x))) return { node: v, at: namedNear(v) ?? v, slope: true };
		}
	}
	return undefined;
}

/** The saturated output (exactly 0 or 1) or other named quantity nearest upstream of `v`. */
function namedNear(v: Value): Value | undefined {
	const queue: Array<[Value, number]> = [[v, 0]];
	let named: Value | undefined;
	for (let i = 0; i < queue.length; i++) {
		const [x, depth] = queue[i] as [Value, number];
		if (x.name && isSaturated(x)) return x;
		if (x.name && x.op !== 'leaf' && !named) named = x;
		if (depth < 3) for (const input of x.inputs) queue.push([input, depth + 1]);
	}
	return named;
}

const isSaturated = (x: Value) => (x.data === 0 || x.data === 1) && (x.op === 'sigmoid' || /^out_/.test(x.name ?? ''));

function explain({ node, at, slope }: Origin): string {
	const input = node.inputs[0];
	const x = input?.data;
	const what = describe(node);
	if (at !== node && isSaturated(at)) {
		const net = at.inputs.length === 1 ? `${at.inputs[0]?.name ?? 'its input'} = ${at.inputs[0]?.data}` : undefined;
		return `${at.name} rounds to exactly ${at.data}${net ? ` (${net})` : ''}, so ${what} is ${slope ? `${node.local.find((l) => !Number.isFinite(l))} in the backward pass` : node.data}`;
	}
	if (slope) return `the slope of ${what} at ${x} is ${node.local.find((l) => !Number.isFinite(l))}`;
	if (node.op === 'log') return `${what} is the log of ${x}, which is ${node.data}`;
	if (node.op === 'div') return `${what} divides by ${describe(node.inputs[1] as Value)} = 0`;
	if (node.op === 'exp') return `${what} = e^${x} overflows`;
	if (node.inputs.some((i) => !Number.isFinite(i.data))) return `${what} is ${node.data}`;
	return `${what} is ${node.data} (${node.op} of ${node.inputs.map((i) => i.data).join(', ')})`;
}

/** A node as the lesson names it, or as the expression it is: ln(1 − out_y). */
function describe(v: Value): string {
	if (v.name) return v.name;
	const plain = (i: Value) => i.name ?? (i.op === 'leaf' ? String(i.data) : describe(i));
	const [a, b] = v.inputs.map((i) => (i.name || i.op === 'leaf' ? plain(i) : `(${plain(i)})`));
	switch (v.op) {
		case 'log':
			return `ln(${plain(v.inputs[0] as Value)})`;
		case 'exp':
			return `e^${a}`;
		case 'sub':
			return `${a} − ${b}`;
		case 'div':
			return `${a} / ${b}`;
		case 'mul':
			return `${a} · ${b}`;
		case 'pow':
			return `${a}^${'exponent' in v.params ? v.params.exponent : '?'}`;
		default:
			return `${v.op}(${v.inputs.map((i) => i.name ?? i.data).join(', ')})`;
	}
}

function guessFromName(name: string): string {
	if (/_new$|_after_|_epoch_|after_update|after_training|^v_/.test(name)) return 'the update step diverges: try a smaller learningRate';
	if (/^numgrad|_plus_|_minus_/.test(name)) return 'the gradient check’s E_total is not finite at P ± ε: try a smaller epsilon';
	return 'a computation overflows';
}

/** Where in the spec to change the numbers that made `v`: its neuron, its definition or value. */
function pathOf(model: Model, v: Value): KeyPath {
	const name = v.name ?? '';
	if (model.kind === 'graph') {
		if (name in model.spec.define) return ['define', name];
		if (name in model.spec.values) return ['values', name];
		return [];
	}
	if (model.kind !== 'network') return [];
	const neuron = /^(?:out|net|E)_(\w+)$/.exec(name)?.[1];
	const layer = model.spec.layers.findIndex((l) => neuron !== undefined && neuron in l.neurons);
	if (layer >= 0) return ['layers', layer, 'neurons', neuron as string];
	if (name in model.spec.parameters) return ['parameters', name];
	if (name in model.spec.inputs) return ['inputs', name];
	return [];
}
