import { add, Value } from '$lib/autograd';
import type { Activation, Loss, NetworkSpec } from './schema';

export type Connection = { source: string; weight: string | number };

export type NeuronInfo = {
	name: string;
	/** 0 for the first layer after the inputs. */
	layer: number;
	activation: Activation;
	inputs: Connection[];
	bias?: string | number;
	isOutput: boolean;
};

/** A network's graph: every named quantity is a node of the engine. */
export type NetworkModel = {
	kind: 'network';
	spec: NetworkSpec;
	neurons: NeuronInfo[];
	/** Inputs, parameters, net_X, out_X, and with targets E_X and E_total. */
	nodes: Map<string, Value>;
	/** E_total, when the network has targets. */
	loss?: Value;
	/** Parameters that one update step changes (biases may be kept fixed). */
	trainable: string[];
	/** Parameters used as a bias by some neuron. */
	biases: Set<string>;
};

export function neuronsOf(spec: NetworkSpec): NeuronInfo[] {
	const last = spec.layers.length - 1;
	return spec.layers.flatMap((layer, l) =>
		Object.entries(layer.neurons).map(([name, n]) => ({
			name,
			layer: l,
			activation: layer.activation,
			inputs: Object.entries(n.inputs).map(([source, weight]) => ({ source, weight })),
			...(n.bias === undefined ? {} : { bias: n.bias }),
			isOutput: l === last
		}))
	);
}

/** Builds the graph of a checked network spec (see validate.ts). */
export function buildNetwork(spec: NetworkSpec): NetworkModel {
	const nodes = new Map<string, Value>();
	const named = (name: string, v: Value) => (nodes.set(name, v), v.label(name));
	for (const [name, x] of Object.entries(spec.inputs)) named(name, new Value(x));
	for (const [name, x] of Object.entries(spec.parameters)) named(name, new Value(x));
	const weight = (w: string | number) => (typeof w === 'number' ? new Value(w) : (nodes.get(w) as Value));

	const neurons = neuronsOf(spec);
	for (const n of neurons) {
		const terms = n.inputs.map(({ source, weight: w }) => weight(w).mul(nodes.get(source) as Value));
		if (n.bias !== undefined) terms.push(weight(n.bias));
		const net = named(`net_${n.name}`, add(...terms));
		nodes.set(n.name, named(`out_${n.name}`, activate(net, n.activation)));
	}

	const biases = new Set(neurons.flatMap((n) => (typeof n.bias === 'string' ? [n.bias] : [])));
	const trainable = Object.keys(spec.parameters).filter((p) => spec.update.biases || !biases.has(p));
	const model: NetworkModel = { kind: 'network', spec, neurons, nodes, trainable, biases };
	if (spec.targets) {
		const outputs = neurons.filter((n) => n.isOutput);
		const errors = outputs.map((o) => {
			const target = new Value((spec.targets as Record<string, number>)[o.name] as number).label(`target_${o.name}`);
			return named(`E_${o.name}`, errorTerm(spec.loss, target, nodes.get(`out_${o.name}`) as Value, outputs.length));
		});
		model.loss = named('E_total', add(...errors));
	}
	// A neuron's name stands for its output in connections; only out_X is a quantity name.
	for (const n of neurons) nodes.delete(n.name);
	return model;
}

function activate(net: Value, a: Activation): Value {
	switch (a.type) {
		case 'sigmoid':
			return net.sigmoid(a);
		case 'step':
			return net.step(a);
		case 'tanh':
			return net.tanh();
		case 'relu':
			return net.relu();
		case 'identity':
		case 'linear':
			return net.identity();
	}
}

/**
 * One output's share of E_total. half-squared-error: ½(t − out)²; squared-error: (t − out)²;
 * mean-squared-error: (t − out)² / n, so that E_total is the mean over the n outputs.
 */
function errorTerm(loss: Loss, target: Value, out: Value, n: number): Value {
	const squared = target.sub(out).pow(2);
	if (loss === 'half-squared-error') return squared.mul(0.5);
	if (loss === 'mean-squared-error') return squared.mul(1 / n);
	return squared;
}
