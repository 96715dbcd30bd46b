import { Value } from '$lib/autograd';
import { buildExpression, type Expression } from './expr';
import type { GraphSpec } from './schema';

/** A computational graph: each value and definition is a named node of the engine. */
export type GraphModel = {
	kind: 'graph';
	spec: GraphSpec;
	nodes: Map<string, Value>;
	output: Value;
	/** Definitions in the order they were computed. */
	definitions: string[];
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
	return { kind: 'graph', spec, nodes, output: nodes.get(spec.output) as Value, definitions: order.map(([n]) => n) };
}
