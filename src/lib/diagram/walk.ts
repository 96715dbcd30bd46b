import { topologicalOrder, type Value } from '$lib/autograd';
import type { GraphModel, NetworkModel } from '$lib/nn';
import { graphContext, localName } from '$lib/derivation';
import { formatQuantity, parseQuantity } from '$lib/nn/quantity';

/**
 * The backward pass as the engine runs it, one named node at a time: from the loss (or the
 * graph's output) back to the inputs, in reverse topological order. At each stop the gradient is
 * the sum over the named nodes that read this one of upstream gradient × local derivative, where
 * the local derivative runs through the unnamed nodes in between (the products inside a net input).
 */

/** One term of a stop's sum: the gradient of a node that reads this one, times its local derivative. */
export type WalkTerm = {
	/** The named node that reads this one, e.g. `net_o1` for `out_h1`. */
	consumer: string;
	/** The consumer's gradient: its trace name (`delta_o1`) and value. */
	upstream: { quantity: string; value: number };
	/** ∂consumer/∂this, its trace name (`dnet_o1/dout_h1`) and value. */
	local: { quantity: string; value: number };
};

export type WalkStop = {
	/** The engine's name of the node: `out_h1`, `net_h1`, `w5`, `E_total`, `q` … */
	name: string;
	/** The gradient's trace name: `delta_h1`, `dE/dout_h1`, `dE/dw5`, `df/dq` … */
	quantity: string;
	/** The gradient as the engine computed it. */
	value: number;
	/** Empty for the output, where the walk starts with a gradient of 1. */
	terms: WalkTerm[];
};

/** The quantities a stop shows: its gradient, and each term's upstream gradient and local derivative. */
export const quantitiesOfStop = (stop: WalkStop) => [stop.quantity, ...stop.terms.flatMap((t) => [t.upstream.quantity, t.local.quantity])];

/**
 * A stop as one line of plain text, upstream × local (+ …) = gradient; `hide` puts "?" for the
 * numbers the learner has not found yet. `format` writes a number.
 */
export function stopSummary(stop: WalkStop, hide: boolean, format: (x: number) => string): string {
	if (stop.terms.length === 0) return 'start: 1';
	const sum = stop.terms.map((t) => (hide ? '? × ?' : `${format(t.upstream.value)} × ${format(t.local.value)}`)).join(' + ');
	return `${sum} = ${hide ? '?' : format(stop.value)}`;
}

type Naming = { gradient(name: string): string; local(of: string, wrt: string): string };

export function backwardWalk(model: NetworkModel | GraphModel): WalkStop[] {
	if (model.kind === 'network') {
		if (!model.loss) return [];
		// ∂E/∂net_X has its own name, δ_X, as in the trace.
		const gradient = (name: string) => {
			const q = parseQuantity(name);
			return formatQuantity(q.kind === 'net' ? { kind: 'delta', neuron: q.neuron } : { kind: 'partial', of: 'E', wrt: name });
		};
		const local = (of: string, wrt: string) => formatQuantity({ kind: 'partial', of, wrt });
		return walk(model.loss, { gradient, local }, (v) => v.name === undefined || parseQuantity(v.name).kind !== 'target');
	}
	const context = graphContext(model, {});
	const F = model.spec.output;
	return walk(model.output, { gradient: (name) => `d${F}/d${name}`, local: (of, wrt) => localName(context, of, wrt) }, () => true);
}

function walk(root: Value, naming: Naming, keep: (v: Value) => boolean): WalkStop[] {
	root.backward();
	const order = topologicalOrder(root).reverse();
	const named = order.filter((v) => v.name !== undefined && keep(v));
	// For each named node, the named nodes it reads and ∂it/∂them through unnamed nodes.
	const readers = new Map<Value, Array<{ consumer: Value; local: number }>>();
	for (const consumer of named) {
		for (const [input, local] of localDerivatives(consumer)) {
			const list = readers.get(input) ?? [];
			list.push({ consumer, local });
			readers.set(input, list);
		}
	}
	return named.map((v) => {
		const name = v.name as string;
		const terms = (readers.get(v) ?? []).map(({ consumer, local }) => ({
			consumer: consumer.name as string,
			upstream: { quantity: naming.gradient(consumer.name as string), value: consumer.grad },
			local: { quantity: naming.local(consumer.name as string, name), value: local }
		}));
		return { name, quantity: naming.gradient(name), value: v.grad, terms };
	});
}

/** ∂consumer/∂N for each named N that `consumer` reads, through the unnamed nodes in between. */
function localDerivatives(consumer: Value): Map<Value, number> {
	const result = new Map<Value, number>();
	// The unnamed part below the consumer, ordered so each node's seed is complete before it is used.
	const inner: Value[] = [];
	const seen = new Set<Value>();
	const collect = (v: Value) => {
		for (const input of v.inputs) {
			if (seen.has(input) || input.name !== undefined || input.inputs.length === 0) continue;
			seen.add(input);
			collect(input);
			inner.push(input);
		}
	};
	collect(consumer);
	const seed = new Map<Value, number>([[consumer, 1]]);
	const spread = (v: Value) => {
		const s = seed.get(v) ?? 0;
		v.inputs.forEach((input, i) => {
			const d = s * (v.local[i] as number);
			if (input.name !== undefined) result.set(input, (result.get(input) ?? 0) + d);
			else seed.set(input, (seed.get(input) ?? 0) + d);
		});
	};
	spread(consumer);
	for (const v of inner.reverse()) spread(v);
	return result;
}
