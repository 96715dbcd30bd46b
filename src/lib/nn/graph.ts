import { Value } from '$lib/autograd';
import { buildExpression, type Expression } from './expr';
import { formatQuantity } from './quantity';
import type { GraphSpec } from './schema';

/** A computational graph: each value and definition is a named node of the engine. */
export type GraphModel = {
	kind: 'graph';
	spec: GraphSpec;
	nodes: Map<string, Value>;
	output: Value;
	/** Definitions in the order they were computed. */
	definitions: string[];
	/** The names each definition reads. */
	reads: Map<string, string[]>;
};

/** Builds the graph of a checked spec; `order` comes from planGraph (validate.ts). */
export function buildGraph(spec: GraphSpec, order: Array<[string, Expression]>): GraphModel {
	const nodes = new Map<string, Value>();
	for (const [name, x] of Object.entries(spec.values)) nodes.set(name, new Value(x).label(name));
	for (const [name, expr] of order) {
		let node = buildExpression(expr, (n) => nodes.get(n) as Value);
		// `b: a` would make b the very node a; an identity node gives b a node of its own.
		if (node.name !== undefined || node.op === 'leaf') node = node.identity();
		nodes.set(name, node.label(name));
	}
	return {
		kind: 'graph',
		spec,
		nodes,
		output: nodes.get(spec.output) as Value,
		definitions: order.map(([n]) => n),
		reads: new Map(order.map(([n, e]) => [n, e.names]))
	};
}

/**
 * Every local derivative ∂C/∂N of a definition C with respect to a name N it reads (the other
 * names held fixed), and every per-path term ∂F/∂C · ∂C/∂N of a name N that several definitions
 * on the way to the output F read (the terms that add up to ∂F/∂N). Names as in quantity.ts:
 * `dC/dN`, `dF/dN (local)` where the output's own local differs from the whole gradient, and
 * `dF/dC*dC/dN`. `grad` is each node's ∂F/∂node after F's backward pass.
 */
export function graphLocals(model: GraphModel, grad: (name: string) => number): Record<string, number> {
	const F = model.spec.output;
	// The names F depends on (iterative: a chain of thousands of definitions has no depth limit).
	const feeds = new Set<string>([F]);
	for (const stack = [F]; stack.length > 0; ) {
		for (const n of model.reads.get(stack.pop() as string) ?? []) if (!feeds.has(n)) (feeds.add(n), stack.push(n));
	}
	const readers = new Map<string, number>();
	for (const d of model.definitions) if (feeds.has(d)) for (const n of new Set(model.reads.get(d))) readers.set(n, (readers.get(n) ?? 0) + 1);
	const out: Record<string, number> = {};
	for (const c of model.definitions) {
		const names = model.reads.get(c) ?? [];
		const node = model.nodes.get(c) as Value;
		for (const n of names) {
			const local = localDerivative(node, model.nodes.get(n) as Value);
			const several = (readers.get(n) ?? 0) > 1;
			out[formatQuantity({ kind: 'partial', of: c, wrt: n, ...(c === F && several ? { local: true } : {}) })] = local;
			if (several && c !== F && feeds.has(c)) out[formatQuantity({ kind: 'path', of: F, through: c, wrt: n })] = grad(c) * local;
		}
	}
	return out;
}

/**
 * ∂C/∂N through C's own gates only: the gradient that reaches N from C, stopping at named nodes
 * (each is a leaf of C's definition), so a name read twice in C adds up, and nothing flows on
 * through the other names.
 */
function localDerivative(c: Value, n: Value): number {
	// C's own gates, each after its inputs; a named node other than C is a leaf here.
	const order: Value[] = [];
	const seen = new Set<Value>([c]);
	for (const stack: Array<[Value, boolean]> = [[c, false]]; stack.length > 0; ) {
		const [v, expanded] = stack.pop() as [Value, boolean];
		if (expanded) {
			order.push(v);
			continue;
		}
		stack.push([v, true]);
		if (v !== c && v.name !== undefined) continue;
		for (const i of v.inputs) if (!seen.has(i)) (seen.add(i), stack.push([i, false]));
	}
	const grads = new Map<Value, number>([[c, 1]]);
	for (let i = order.length - 1; i >= 0; i--) {
		const v = order[i] as Value;
		const g = grads.get(v) ?? 0;
		if (v !== c && v.name !== undefined) continue;
		v.inputs.forEach((input, k) => grads.set(input, (grads.get(input) ?? 0) + g * (v.local[k] as number)));
	}
	return grads.get(n) ?? 0;
}
