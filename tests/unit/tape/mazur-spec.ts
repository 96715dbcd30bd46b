import type { Example, NetworkSpec } from '$lib/nn';

/** The 2-2-2 example as a network spec (biases fixed), and its one example, for the tape's tests. */
export const sigmoid = { type: 'sigmoid', threshold: 0, temperature: 1 } as const;
export const MAZUR: NetworkSpec = {
	inputs: { i1: 0.05, i2: 0.1 },
	layers: [
		{ activation: sigmoid, neurons: { h1: { inputs: { i1: 'w1', i2: 'w2' }, bias: 'b1' }, h2: { inputs: { i1: 'w3', i2: 'w4' }, bias: 'b1' } } },
		{ activation: sigmoid, neurons: { o1: { inputs: { h1: 'w5', h2: 'w6' }, bias: 'b2' }, o2: { inputs: { h1: 'w7', h2: 'w8' }, bias: 'b2' } } }
	],
	parameters: { w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55, b1: 0.35, b2: 0.6 },
	targets: { o1: 0.01, o2: 0.99 },
	loss: 'half-squared-error',
	update: { biases: false }
};
export const ONE: Example[] = [{ inputs: MAZUR.inputs, targets: MAZUR.targets! }];
