/**
 * The 2-2-2 network of deck 002 computed by hand in plain float64, without the engine: the
 * formulas a learner derives on paper. Tests compare the engine's trace with it.
 */

export type MazurParameters = Record<'w1' | 'w2' | 'w3' | 'w4' | 'w5' | 'w6' | 'w7' | 'w8' | 'b1' | 'b2', number>;

export type MazurSetup = {
	i1: number;
	i2: number;
	p: MazurParameters;
	t1: number;
	t2: number;
	rate: number;
	updateBiases: boolean;
};

/** The values of content/networks/mazur-2-2-2.yaml. */
export const MAZUR: MazurSetup = {
	i1: 0.05,
	i2: 0.1,
	p: { w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55, b1: 0.35, b2: 0.6 },
	t1: 0.01,
	t2: 0.99,
	rate: 0.5,
	updateBiases: false
};

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

function forward(i1: number, i2: number, p: MazurParameters, t1: number, t2: number) {
	const net_h1 = p.w1 * i1 + p.w2 * i2 + p.b1;
	const net_h2 = p.w3 * i1 + p.w4 * i2 + p.b1;
	const out_h1 = sigma(net_h1);
	const out_h2 = sigma(net_h2);
	const net_o1 = p.w5 * out_h1 + p.w6 * out_h2 + p.b2;
	const net_o2 = p.w7 * out_h1 + p.w8 * out_h2 + p.b2;
	const out_o1 = sigma(net_o1);
	const out_o2 = sigma(net_o2);
	const E_o1 = 0.5 * (t1 - out_o1) ** 2;
	const E_o2 = 0.5 * (t2 - out_o2) ** 2;
	return { net_h1, out_h1, net_h2, out_h2, net_o1, out_o1, net_o2, out_o2, E_o1, E_o2, E_total: E_o1 + E_o2 };
}

/** Every quantity the trace names, by the hand-derived backpropagation formulas. */
export function mazurReference(s: MazurSetup = MAZUR): Record<string, number> {
	const { i1, i2, p, t1, t2, rate } = s;
	const f = forward(i1, i2, p, t1, t2);

	// Output layer: δ_o = ∂E/∂out_o · ∂out_o/∂net_o = (out_o − t_o) · out_o (1 − out_o).
	const dE_dout_o1 = f.out_o1 - t1;
	const dE_dout_o2 = f.out_o2 - t2;
	const dout_o1 = f.out_o1 * (1 - f.out_o1);
	const dout_o2 = f.out_o2 * (1 - f.out_o2);
	const delta_o1 = dE_dout_o1 * dout_o1;
	const delta_o2 = dE_dout_o2 * dout_o2;

	// Hidden layer: ∂E_o/∂out_h = δ_o · w(h→o); ∂E/∂out_h sums over both outputs.
	const dEo1_dh1 = delta_o1 * p.w5;
	const dEo1_dh2 = delta_o1 * p.w6;
	const dEo2_dh1 = delta_o2 * p.w7;
	const dEo2_dh2 = delta_o2 * p.w8;
	const dE_dout_h1 = dEo1_dh1 + dEo2_dh1;
	const dE_dout_h2 = dEo1_dh2 + dEo2_dh2;
	const dout_h1 = f.out_h1 * (1 - f.out_h1);
	const dout_h2 = f.out_h2 * (1 - f.out_h2);
	const delta_h1 = dE_dout_h1 * dout_h1;
	const delta_h2 = dE_dout_h2 * dout_h2;

	const grad: MazurParameters = {
		w1: delta_h1 * i1,
		w2: delta_h1 * i2,
		w3: delta_h2 * i1,
		w4: delta_h2 * i2,
		w5: delta_o1 * f.out_h1,
		w6: delta_o1 * f.out_h2,
		w7: delta_o2 * f.out_h1,
		w8: delta_o2 * f.out_h2,
		// b1 feeds h1 and h2, b2 feeds o1 and o2: their gradients are sums.
		b1: delta_h1 + delta_h2,
		b2: delta_o1 + delta_o2
	};
	const names = Object.keys(p) as (keyof MazurParameters)[];
	const next = Object.fromEntries(
		names.map((n) => [n, !s.updateBiases && (n === 'b1' || n === 'b2') ? p[n] : p[n] - rate * grad[n]])
	) as MazurParameters;
	const after = forward(i1, i2, next, t1, t2);

	return {
		i1,
		i2,
		...p,
		...f,
		'dout_h1/dnet_h1': dout_h1,
		'dout_h2/dnet_h2': dout_h2,
		'dout_o1/dnet_o1': dout_o1,
		'dout_o2/dnet_o2': dout_o2,
		// Into the first layer the weight is ∂net/∂input, and the inputs get gradients too.
		'dnet_h1/di1': p.w1,
		'dnet_h1/di2': p.w2,
		'dnet_h2/di1': p.w3,
		'dnet_h2/di2': p.w4,
		'dE/di1': delta_h1 * p.w1 + delta_h2 * p.w3,
		'dE/di2': delta_h1 * p.w2 + delta_h2 * p.w4,
		// δ_X is ∂E/∂net_X, also under that name.
		'dE/dnet_h1': delta_h1,
		'dE/dnet_h2': delta_h2,
		'dE/dnet_o1': delta_o1,
		'dE/dnet_o2': delta_o2,
		'dnet_h1/dw1': i1,
		'dnet_h1/dw2': i2,
		'dnet_h1/db1': 1,
		'dnet_h2/dw3': i1,
		'dnet_h2/dw4': i2,
		'dnet_h2/db1': 1,
		'dnet_o1/dw5': f.out_h1,
		'dnet_o1/dw6': f.out_h2,
		'dnet_o1/dout_h1': p.w5,
		'dnet_o1/dout_h2': p.w6,
		'dnet_o1/db2': 1,
		'dnet_o2/dw7': f.out_h1,
		'dnet_o2/dw8': f.out_h2,
		'dnet_o2/dout_h1': p.w7,
		'dnet_o2/dout_h2': p.w8,
		'dnet_o2/db2': 1,
		'dE_o1/dout_h1': dEo1_dh1,
		'dE_o1/dout_h2': dEo1_dh2,
		'dE_o2/dout_h1': dEo2_dh1,
		'dE_o2/dout_h2': dEo2_dh2,
		'dE/dout_h1': dE_dout_h1,
		'dE/dout_h2': dE_dout_h2,
		'dE/dout_o1': dE_dout_o1,
		'dE/dout_o2': dE_dout_o2,
		delta_h1,
		delta_h2,
		delta_o1,
		delta_o2,
		...Object.fromEntries(names.map((n) => [`dE/d${n}`, grad[n]])),
		...Object.fromEntries(names.map((n) => [`${n}_new`, next[n]])),
		E_total_after_update: after.E_total,
		// 8 arrows, each with its own weight; 4 neurons with a bias, but b1 and b2 are shared, so
		// 8 + 2 = 10 parameters; 2 inputs × 2 hidden × 2 outputs = 8 paths.
		count_connections: 8,
		count_weights: 8,
		count_biases: 4,
		count_parameters: 10,
		count_paths: 8,
		count_neurons: 4
	};
}

/** The YAML of a 2-2-2 network with these values, in the form of content/networks/mazur-2-2-2.yaml. */
export function mazurYaml(s: MazurSetup = MAZUR): string {
	const p = s.p;
	const params = Object.entries(p)
		.map(([k, v]) => `${k}: ${v}`)
		.join(', ');
	return [
		`inputs: { i1: ${s.i1}, i2: ${s.i2} }`,
		'layers:',
		'  - activation: sigmoid',
		'    neurons:',
		'      h1: { inputs: { i1: w1, i2: w2 }, bias: b1 }',
		'      h2: { inputs: { i1: w3, i2: w4 }, bias: b1 }',
		'  - activation: sigmoid',
		'    neurons:',
		'      o1: { inputs: { h1: w5, h2: w6 }, bias: b2 }',
		'      o2: { inputs: { h1: w7, h2: w8 }, bias: b2 }',
		`parameters: { ${params} }`,
		`targets: { o1: ${s.t1}, o2: ${s.t2} }`,
		'loss: half-squared-error',
		`learningRate: ${s.rate}`,
		`update: { biases: ${s.updateBiases} }`
	].join('\n');
}

/** |actual − expected| ≤ tolerance · |expected| (exact when expected is 0). */
export function relativeError(actual: number, expected: number): number {
	if (actual === expected) return 0;
	return Math.abs(actual - expected) / Math.abs(expected);
}
