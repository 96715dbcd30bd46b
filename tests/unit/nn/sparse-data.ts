/** h1 feeds only o1, h2 feeds only o2: no path from h1 to E_o2, nor from h2 to E_o1. */
export const SPARSE = {
	inputs: { i1: 0.05, i2: 0.1 },
	layers: [
		{ activation: 'sigmoid', neurons: { h1: { inputs: { i1: 'w1', i2: 'w2' }, bias: 'b1' }, h2: { inputs: { i1: 'w3', i2: 'w4' }, bias: 'b1' } } },
		{ activation: 'sigmoid', neurons: { o1: { inputs: { h1: 'w5' }, bias: 'b2' }, o2: { inputs: { h2: 'w6' }, bias: 'b2' } } }
	],
	parameters: { w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, b1: 0.35, b2: 0.6 },
	targets: { o1: 0.01, o2: 0.99 },
	learningRate: 0.5
};
