import { topologicalOrder, type Value } from '$lib/autograd';
import { buildNetwork } from './network';
import type { NetworkSpec } from './schema';
import type { Trace } from './trace';

/**
 * The forward pass for several rows of inputs (a truth table, the columns of a matrix task):
 * the network is built once and re-evaluated for each row. Each row gives its inputs, net_X and
 * out_X for every neuron; an input a row leaves out keeps the value of spec.inputs.
 */
export function evaluateRows(spec: NetworkSpec, rows: Array<Record<string, number>>): Trace[] {
	const model = buildNetwork(spec);
	const inputs = Object.keys(spec.inputs);
	const outs = model.neurons.map((n) => model.nodes.get(`out_${n.name}`) as Value);
	// One order for the whole forward pass: every out_X after what it reads, each node once.
	const order = new Set<Value>();
	for (const out of outs) for (const v of topologicalOrder(out)) order.add(v);

	return rows.map((row, r) => {
		for (const name of Object.keys(row)) {
			if (!inputs.includes(name)) throw new Error(`row ${r + 1}: “${name}” is not an input of the network: use one of ${inputs.join(', ')}`);
		}
		for (const i of inputs) (model.nodes.get(i) as Value).data = row[i] ?? (spec.inputs[i] as number);
		for (const v of order) v.recompute();
		const trace: Trace = Object.fromEntries(inputs.map((i) => [i, (model.nodes.get(i) as Value).data]));
		for (const n of model.neurons) {
			trace[`net_${n.name}`] = (model.nodes.get(`net_${n.name}`) as Value).data;
			trace[`out_${n.name}`] = (model.nodes.get(`out_${n.name}`) as Value).data;
		}
		return trace;
	});
}
