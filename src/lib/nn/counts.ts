import type { NeuronInfo } from './network';
import type { NetworkSpec } from './schema';

/**
 * What a network has, counted as the slides count it:
 * - count_connections: arrows from an input or neuron into a neuron;
 * - count_weights: one per connection, the same number (a weight shared by two connections, or a
 *   fixed number, is still the weight of each);
 * - count_biases: neurons that add a bias;
 * - count_parameters: distinct trainable values, so a shared weight or bias counts once and a
 *   fixed number not at all. Fully connected without sharing, it is weights + biases;
 * - count_paths: distinct paths from an input to an output;
 * - count_neurons: neurons, the inputs not included.
 */
export type Counts = Record<`count_${'connections' | 'weights' | 'biases' | 'parameters' | 'paths' | 'neurons'}`, number>;

export function networkCounts(spec: NetworkSpec, neurons: NeuronInfo[]): Counts {
	const connections = neurons.reduce((s, n) => s + n.inputs.length, 0);
	// Paths ending at each input or neuron: 1 at an input, the sum over its sources at a neuron.
	const paths = new Map<string, number>(Object.keys(spec.inputs).map((i) => [i, 1]));
	for (const n of neurons) paths.set(n.name, n.inputs.reduce((s, c) => s + (paths.get(c.source) as number), 0));
	return {
		count_connections: connections,
		count_weights: connections,
		count_biases: neurons.filter((n) => n.bias !== undefined).length,
		count_parameters: Object.keys(spec.parameters).length,
		count_paths: neurons.filter((n) => n.isOutput).reduce((s, n) => s + (paths.get(n.name) as number), 0),
		count_neurons: neurons.length
	};
}

/** The same counts for fully connected layers of these sizes (input first), nothing shared. */
export function layerCounts(sizes: number[], biases: boolean): Counts {
	const neurons = sizes.slice(1).reduce((s, n) => s + n, 0);
	const weights = sizes.slice(1).reduce((s, n, i) => s + (sizes[i] as number) * n, 0);
	const biasCount = biases ? neurons : 0;
	return {
		count_connections: weights,
		count_weights: weights,
		count_biases: biasCount,
		count_parameters: weights + biasCount,
		// Every path picks one neuron in each layer; a float, so exact only up to 2^53.
		count_paths: sizes.reduce((p, n) => p * n, 1),
		count_neurons: neurons
	};
}
