import { parseQuantity } from '$lib/nn/quantity';
import type { Diagram } from './structure';

/**
 * Which nodes and edges of a diagram a quantity is about: `out_h1` is node h1, `dE/dw5` the
 * edge(s) of w5, `dnet_o1/dout_h1` the edge h1→o1 with both ends, `dq/dx` in a graph the edge
 * x→q. Used to highlight a step, and to find the steps about a node.
 */
export type Elements = { nodes: Set<string>; edges: Set<string> };

const empty = (): Elements => ({ nodes: new Set(), edges: new Set() });

/** The node or parameter a name is about: `net_h1` → `h1`, `w5_new` → `w5`, `E_o1` → `o1`, `E` → `E_total`. */
function atom(name: string): string {
	if (name === 'E') return 'E_total';
	const q = parseQuantity(name);
	switch (q.kind) {
		case 'net':
		case 'out':
		case 'error':
		case 'delta':
		case 'target':
			return q.neuron;
		case 'velocity':
		case 'updated':
			return q.parameter;
		case 'total-error':
			return 'E_total';
		default:
			return name;
	}
}

/** The names a quantity is made of: both sides of a ratio `dA/dB`, otherwise the name itself. */
function atomsOf(quantity: string): string[] {
	const q = parseQuantity(quantity);
	return q.kind === 'partial' ? [atom(q.of), atom(q.wrt)] : [atom(quantity)];
}

export function elementsOf(diagram: Diagram, quantity: string): Elements {
	const found = empty();
	const atoms = atomsOf(quantity);
	const nodeIds = new Set(diagram.nodes.map((n) => n.id));
	for (const a of atoms) {
		if (nodeIds.has(a)) found.nodes.add(a);
		for (const e of diagram.edges) {
			if (e.param === a) found.edges.add(e.id);
		}
		const bias = diagram.nodes.find((n) => n.kind === 'bias' && n.name === a);
		if (bias) found.nodes.add(bias.id);
	}
	// A ratio of two connected nodes (∂net_o1/∂out_h1, ∂q/∂x) is about the edge between them.
	if (atoms.length === 2) {
		const [top, bottom] = atoms as [string, string];
		for (const e of diagram.edges) if (e.from === bottom && e.to === top) found.edges.add(e.id);
	}
	// E_o1 is drawn on the edge from o1 to the loss.
	if (parseQuantity(quantity).kind === 'error') for (const e of diagram.edges) if (e.from === atom(quantity) && e.to === 'E_total') found.edges.add(e.id);
	return found;
}

export function merge(...parts: Elements[]): Elements {
	const all = empty();
	for (const p of parts) {
		p.nodes.forEach((n) => all.nodes.add(n));
		p.edges.forEach((e) => all.edges.add(e));
	}
	return all;
}

/** What a step is drawn as: the elements it produces, and the ones it reads. */
export type Highlight = { produces: Elements; reads: Elements };

/** The shape of a step that the highlight needs (a `Step` of $lib/derivation fits). */
export type StepShape = { quantity: string; kind: string; neuron?: string; needs: string[] };

/**
 * The elements a step reads and the one it produces. A net input reads every connection into its
 * neuron; the error of a hidden neuron (δ, ∂E/∂out) runs over every path from it to the loss.
 */
export function highlightOf(diagram: Diagram, step: StepShape): Highlight {
	const produces = elementsOf(diagram, step.quantity);
	const parts = step.needs.map((q) => elementsOf(diagram, q));
	const neuron = step.neuron ?? [...produces.nodes][0];
	if (neuron !== undefined && (step.kind === 'net' || step.kind === 'definition')) parts.push(incoming(diagram, neuron));
	if (neuron !== undefined && ['hidden-gradient', 'delta', 'graph-gradient'].includes(step.kind)) parts.push(pathsToEnd(diagram, neuron));
	if (step.kind === 'total-error') parts.push(incoming(diagram, 'E_total'));
	const reads = merge(...parts);
	for (const id of produces.nodes) reads.nodes.delete(id);
	for (const id of produces.edges) reads.edges.delete(id);
	return { produces, reads };
}

function incoming(diagram: Diagram, node: string): Elements {
	const found = empty();
	for (const e of diagram.edges) {
		if (e.to !== node) continue;
		found.edges.add(e.id);
		found.nodes.add(e.from);
	}
	return found;
}

/** Every edge and node downstream of `node`: the paths its gradient comes back along. */
export function pathsToEnd(diagram: Diagram, node: string): Elements {
	const found = empty();
	const queue = [node];
	while (queue.length > 0) {
		const at = queue.shift() as string;
		for (const e of diagram.edges) {
			if (e.from !== at || found.edges.has(e.id)) continue;
			found.edges.add(e.id);
			found.nodes.add(e.to);
			queue.push(e.to);
		}
	}
	return found;
}

/** A stop of the backward walk: it produces its node's gradient from the nodes that read it. */
export function highlightOfStop(diagram: Diagram, stop: { name: string; terms: Array<{ consumer: string; local: { quantity: string } }> }): Highlight {
	const reads = merge(...stop.terms.flatMap((t) => [elementsOf(diagram, t.consumer), elementsOf(diagram, t.local.quantity)]));
	return { produces: elementsOf(diagram, stop.name), reads };
}
