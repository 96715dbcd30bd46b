import { add, Value } from '$lib/autograd';
import { errorTerm } from './loss';
import type { Activation, NetworkSpec } from './schema';
import { softmax } from './softmax';

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
	/** The target of each output (leaves, so that training can set another example's). */
	targets: Map<string, Value>;
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
	// Layer by layer: a softmax output reads every net of its layer.
	spec.layers.forEach((layer, l) => {
		const inLayer = neurons.filter((n) => n.layer === l);
		const nets = inLayer.map((n) => {
			const terms = n.inputs.map(({ source, weight: w }) => weight(w).mul(nodes.get(source) as Value));
			if (n.bias !== undefined) terms.push(weight(n.bias));
			return add(...terms);
		});
		const outs = layer.activation.type === 'softmax' ? softmax(nets) : nets.map((net) => activate(net, layer.activation));
		inLayer.forEach((n, i) => {
			named(`net_${n.name}`, nets[i] as Value);
			nodes.set(n.name, named(`out_${n.name}`, outs[i] as Value));
		});
	});

	const biases = new Set(neurons.flatMap((n) => (typeof n.bias === 'string' ? [n.bias] : [])));
	const trainable = Object.keys(spec.parameters).filter((p) => spec.update.biases || !biases.has(p));
	const model: NetworkModel = { kind: 'network', spec, neurons, nodes, trainable, biases, targets: new Map() };
	if (spec.targets) {
		const outputs = neurons.filter((n) => n.isOutput);
		const errors = outputs.map((o) => {
			const target = new Value((spec.targets as Record<string, number>)[o.name] as number).label(`target_${o.name}`);
			model.targets.set(o.name, target);
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
		case 'leaky-relu':
			return net.leakyRelu(a);
		case 'identity':
		case 'linear':
			return net.identity();
		case 'softmax':
			throw new Error('softmax is a function of the whole layer: see softmax.ts');
	}
}
