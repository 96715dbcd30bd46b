import { describe, expect, it } from 'vitest';
import { checkModel, traceModel, type Trace } from '$lib/nn';

/** Traces a network or graph given as plain data (what the YAML reads as). */
function traceData(data: unknown): Trace {
	const result = checkModel(data);
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
	return traceModel(result.build());
}

const rel = (actual: number | undefined, expected: number) =>
	actual === expected ? 0 : Math.abs((actual as number) - expected) / Math.abs(expected);

/** One neuron o1 = activation(w·i1 + b), in its own layer. */
function neuron(activation: unknown, x: number, w: number, b?: number): Trace {
	return traceData({
		inputs: { i1: x },
		layers: [{ activation, neurons: { o1: b === undefined ? { inputs: { i1: 'w' } } : { inputs: { i1: 'w' }, bias: 'b' } } }],
		parameters: b === undefined ? { w } : { w, b }
	});
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

describe('activations chosen per layer', () => {
	it('tanh gives tanh(net) and 1 − tanh² as dout/dnet', () => {
		const t = neuron('tanh', 0.7, 1.3, -0.2);
		const net = 0.7 * 1.3 - 0.2;
		expect(rel(t.out_o1, Math.tanh(net))).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dout_o1/dnet_o1'], 1 - Math.tanh(net) ** 2)).toBeLessThanOrEqual(1e-15);
	});

	it('relu passes a positive net with slope 1', () => {
		const t = neuron('relu', 0.7, 1.3, -0.2);
		expect(t.out_o1).toBe(0.7 * 1.3 - 0.2);
		expect(t['dout_o1/dnet_o1']).toBe(1);
	});

	it('relu gives 0 with slope 0 for a negative net, and slope 0 at exactly 0', () => {
		const negative = neuron('relu', 0.7, -1.3, 0.2);
		expect(negative.out_o1).toBe(0);
		expect(negative['dout_o1/dnet_o1']).toBe(0);
		expect(neuron('relu', 0.5, 2, -1)['dout_o1/dnet_o1']).toBe(0);
	});

	it('step fires above its threshold and not below it, with slope 0', () => {
		const step = { type: 'step', threshold: 0.5 };
		expect(neuron(step, 0.6, 1).out_o1).toBe(1);
		expect(neuron(step, 0.4, 1).out_o1).toBe(0);
		expect(neuron(step, 0.6, 1)['dout_o1/dnet_o1']).toBe(0);
	});

	it('step gives atThreshold at exactly the threshold: 0 or 1 as the file says, 1 by default', () => {
		expect(neuron({ type: 'step', threshold: 0.5, atThreshold: 0 }, 0.5, 1).out_o1).toBe(0);
		expect(neuron({ type: 'step', threshold: 0.5, atThreshold: 1 }, 0.5, 1).out_o1).toBe(1);
		expect(neuron({ type: 'step', threshold: 0.5 }, 0.5, 1).out_o1).toBe(1);
	});

	it('step without a threshold fires above 0', () => {
		expect(neuron('step', 0.1, 1).out_o1).toBe(1);
		expect(neuron('step', -0.1, 1).out_o1).toBe(0);
	});

	it.each(['identity', 'linear'])('%s gives out = net with slope 1', (activation) => {
		const t = neuron(activation, 0.7, -1.3, 0.25);
		expect(t.out_o1).toBe(t.net_o1);
		expect(t.out_o1).toBe(0.7 * -1.3 + 0.25);
		expect(t['dout_o1/dnet_o1']).toBe(1);
	});

	it('sigmoid with threshold θ and temperature T gives σ((net − θ)/T), slope σ(1 − σ)/T', () => {
		const t = neuron({ type: 'sigmoid', threshold: 0.3, temperature: 0.25 }, 0.7, 1.3, -0.2);
		const s = logistic((0.7 * 1.3 - 0.2 - 0.3) / 0.25);
		expect(rel(t.out_o1, s)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dout_o1/dnet_o1'], (s * (1 - s)) / 0.25)).toBeLessThanOrEqual(1e-14);
	});

	it('plain sigmoid is the logistic 1/(1 + e^−net)', () => {
		const t = neuron('sigmoid', 0.7, 1.3, -0.2);
		expect(rel(t.out_o1, logistic(0.7 * 1.3 - 0.2))).toBeLessThanOrEqual(1e-15);
	});

	it('a network with a different activation in each layer backpropagates through each one', () => {
		const p = { a1: 0.4, a2: -0.6, a3: 0.9, a4: 0.3, c1: 0.1, r1: 1.2, r2: -0.5, c2: 0.2, s1: 0.8, c3: -0.1 };
		const [x1, x2, target, theta, T] = [0.5, -1.5, 0.25, 0.2, 0.5];
		const t = traceData({
			inputs: { x1, x2 },
			layers: [
				{ activation: 'tanh', neurons: { h1: { inputs: { x1: 'a1', x2: 'a2' }, bias: 'c1' }, h2: { inputs: { x1: 'a3', x2: 'a4' }, bias: 'c1' } } },
				{ activation: 'relu', neurons: { r: { inputs: { h1: 'r1', h2: 'r2' }, bias: 'c2' } } },
				{ activation: { type: 'sigmoid', threshold: theta, temperature: T }, neurons: { o: { inputs: { r: 's1' }, bias: 'c3' } } }
			],
			parameters: p,
			targets: { o: target },
			learningRate: 0.1
		});
		// Forward by hand.
		const h1 = Math.tanh(p.a1 * x1 + p.a2 * x2 + p.c1);
		const h2 = Math.tanh(p.a3 * x1 + p.a4 * x2 + p.c1);
		const netR = p.r1 * h1 + p.r2 * h2 + p.c2;
		const r = Math.max(0, netR);
		const o = logistic((p.s1 * r + p.c3 - theta) / T);
		// Backward by hand: δ = ∂E/∂net for each neuron.
		const dO = (o - target) * ((o * (1 - o)) / T);
		const dR = dO * p.s1 * (netR > 0 ? 1 : 0);
		const dH1 = dR * p.r1 * (1 - h1 * h1);
		const dH2 = dR * p.r2 * (1 - h2 * h2);
		const expected: Record<string, number> = {
			out_h1: h1, out_h2: h2, out_r: r, out_o: o, E_total: 0.5 * (target - o) ** 2,
			delta_o: dO, delta_r: dR, delta_h1: dH1, delta_h2: dH2,
			'dE/ds1': dO * r, 'dE/dc3': dO, 'dE/dr1': dR * h1, 'dE/dr2': dR * h2, 'dE/dc2': dR,
			'dE/da1': dH1 * x1, 'dE/da2': dH1 * x2, 'dE/da3': dH2 * x1, 'dE/da4': dH2 * x2, 'dE/dc1': dH1 + dH2,
			'dE_o/dout_h1': dR * p.r1, 'dE_o/dout_r': dO * p.s1
		};
		expect(netR).toBeGreaterThan(0); // the relu passes, so every gradient is non-zero
		const far = Object.entries(expected).filter(([k, v]) => !(rel(t[k], v) <= 1e-12));
		expect(far).toEqual([]);
	});
});

describe('losses', () => {
	/** Two identity outputs, out_o1 = 0.8 and out_o2 = −0.3 exactly, with targets 0.5 and 0.25. */
	const withLoss = (loss?: string) =>
		traceData({
			inputs: { i1: 1 },
			layers: [{ activation: 'identity', neurons: { o1: { inputs: { i1: 'w1' } }, o2: { inputs: { i1: 'w2' } } } }],
			parameters: { w1: 0.8, w2: -0.3 },
			targets: { o1: 0.5, o2: 0.25 },
			...(loss ? { loss } : {})
		});
	const [e1, e2] = [(0.5 - 0.8) ** 2, (0.25 + 0.3) ** 2];

	it('half-squared-error, the default, is Σ ½(t − out)² with dE/dout = out − t', () => {
		const t = withLoss();
		expect(rel(t.E_o1, e1 / 2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t.E_total, (e1 + e2) / 2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dE/dout_o1'], 0.8 - 0.5)).toBeLessThanOrEqual(1e-15);
	});

	it('squared-error is Σ (t − out)² with dE/dout = 2(out − t)', () => {
		const t = withLoss('squared-error');
		expect(rel(t.E_o1, e1)).toBeLessThanOrEqual(1e-15);
		expect(rel(t.E_o2, e2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t.E_total, e1 + e2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dE/dout_o2'], 2 * (-0.3 - 0.25))).toBeLessThanOrEqual(1e-15);
	});

	it('mean-squared-error is the mean of (t − out)² over the outputs, dE/dout = 2(out − t)/n', () => {
		const t = withLoss('mean-squared-error');
		expect(rel(t.E_total, (e1 + e2) / 2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t.E_o1, e1 / 2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dE/dout_o1'], (2 * (0.8 - 0.5)) / 2)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['dE/dw2'], (2 * (-0.3 - 0.25)) / 2)).toBeLessThanOrEqual(1e-15);
	});
});

describe('a computational graph with every function and operator', () => {
	const values = { x: 0.7, y: 1.9, z: -0.4 };
	const define = {
		a: 'exp(x) + log(y)',
		b: 'max(x, y, z) * sigmoid(z)',
		c: 'tanh(x - z) / relu(y - x)',
		d: 'e^(x * z) + -y^2 + (x + y)^3 + z^-1 + x^0.5',
		f: 'a * b - c / d'
	};
	const graph = (v: typeof values) => traceData({ values: v, define, output: 'f' });

	/** The same function in plain JavaScript. */
	const byHand = ({ x, y, z }: typeof values) => {
		const a = Math.exp(x) + Math.log(y);
		const b = Math.max(x, y, z) * logistic(z);
		const c = Math.tanh(x - z) / Math.max(0, y - x);
		const d = Math.exp(x * z) - y ** 2 + (x + y) ** 3 + 1 / z + Math.sqrt(x);
		return { a, b, c, d, f: a * b - c / d };
	};

	it('computes every definition as the formula written by hand', () => {
		const t = graph(values);
		const expected = byHand(values);
		const far = Object.entries(expected).filter(([k, v]) => !(rel(t[k], v) <= 1e-14));
		expect(far).toEqual([]);
	});

	it.each(['x', 'y', 'z'])('df/d%s agrees with a central finite difference', (name) => {
		const h = 1e-6;
		const key = name as keyof typeof values;
		const f = (dx: number) => byHand({ ...values, [key]: values[key] + dx }).f;
		const numeric = (f(h) - f(-h)) / (2 * h);
		const analytic = graph(values)[`df/d${name}`] as number;
		expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
	});

	it.each(['x', 'y', 'z'])('df/d%s agrees with a finite difference of the graph itself', (name) => {
		const h = 1e-6;
		const key = name as keyof typeof values;
		const f = (dx: number) => graph({ ...values, [key]: values[key] + dx }).f as number;
		const numeric = (f(h) - f(-h)) / (2 * h);
		expect(Math.abs((graph(values)[`df/d${name}`] as number) - numeric)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
	});

	it('gives df/dN for every definition N by the chain rule', () => {
		const t = graph(values);
		const { a, b, c, d } = byHand(values);
		expect(rel(t['df/da'], b)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['df/db'], a)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['df/dc'], -1 / d)).toBeLessThanOrEqual(1e-15);
		expect(rel(t['df/dd'], c / (d * d))).toBeLessThanOrEqual(1e-14);
	});

	it('names every value, every definition, df/dN for each name but f, each local dC/dN and each path term, nothing else', () => {
		const locals = ['da/dx', 'da/dy', 'db/dx', 'db/dy', 'db/dz', 'dc/dx', 'dc/dz', 'dc/dy', 'dd/dx', 'dd/dz', 'dd/dy'];
		// x and y are read by a, b, c and d; z by b, c and d: one term per path.
		const paths = [...['a', 'b', 'c', 'd'].flatMap((c) => [`df/d${c}*d${c}/dx`, `df/d${c}*d${c}/dy`]), ...['b', 'c', 'd'].map((c) => `df/d${c}*d${c}/dz`)];
		expect(Object.keys(graph(values)).sort()).toEqual(
			['x', 'y', 'z', 'a', 'b', 'c', 'd', 'f', 'df/dx', 'df/dy', 'df/dz', 'df/da', 'df/db', 'df/dc', 'df/dd', ...locals, ...paths].sort()
		);
	});

	it('gives local derivatives that agree with finite differences of each definition alone', () => {
		const t = graph(values);
		const h = 1e-6;
		const { x, y, z } = values;
		const c = (xx: number, zz: number) => Math.tanh(xx - zz) / Math.max(0, y - xx);
		expect(t['dc/dx'] as number).toBeCloseTo((c(x + h, z) - c(x - h, z)) / (2 * h), 7);
		expect(t['dc/dz'] as number).toBeCloseTo((c(x, z + h) - c(x, z - h)) / (2 * h), 7);
		// The path terms through a, b, c and d add up to df/dx.
		const sum = ['a', 'b', 'c', 'd'].reduce((s, n) => s + (t[`df/d${n}*d${n}/dx`] as number), 0);
		expect(sum).toBeCloseTo(t['df/dx'] as number, 12);
	});

	it('accepts a negative or fractional constant power, as in x^-1 and x^(1/2)', () => {
		const t = traceData({ values: { x: 4 }, define: { f: 'x^-1 + x^(1/2) + x^(-2)' }, output: 'f' });
		expect(t.f).toBe(0.25 + 2 + 0.0625);
		expect(rel(t['df/dx'], -1 / 16 + 0.5 / 2 - 2 / 64)).toBeLessThanOrEqual(1e-15);
	});

	it('routes the gradient of max to the largest argument only', () => {
		const t = traceData({ values: { x: 1, y: 3 }, define: { m: 'max(x, y)' }, output: 'm' });
		expect([t['dm/dx'], t['dm/dy']]).toEqual([0, 1]);
	});

	it('gives a definition that only renames a value a gradient of its own', () => {
		const t = traceData({ values: { x: 3 }, define: { b: 'x', f: 'b * b' }, output: 'f' });
		expect([t.b, t.f, t['df/db'], t['df/dx']]).toEqual([3, 9, 6, 6]);
	});
});

describe('the sigmoid neuron of deck 001', () => {
	const t = traceData({
		values: { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 },
		define: { f: '1 / (1 + e^-(w0*x0 + w1*x1 + w2))' },
		output: 'f'
	});
	// z = w0·x0 + w1·x1 + w2 = 2 + 6 − 3 = 1; f = σ(1); ∂f/∂z = σ(1)(1 − σ(1)).
	const f = 1 / (1 + Math.exp(-1));
	const dz = f * (1 - f);

	it('gives f = σ(1) ≈ 0.73', () => {
		expect(t.f).toBeCloseTo(0.73, 2);
		expect(rel(t.f, f)).toBeLessThanOrEqual(1e-15);
	});

	it('gives the gradients of the slide, −0.2, 0.39, −0.39, −0.59, 0.2, to their printed digits', () => {
		expect(t['df/dw0']).toBeCloseTo(-0.2, 1);
		expect(t['df/dx0']).toBeCloseTo(0.39, 2);
		expect(t['df/dw1']).toBeCloseTo(-0.39, 2);
		expect(t['df/dx1']).toBeCloseTo(-0.59, 2);
		expect(t['df/dw2']).toBeCloseTo(0.2, 1);
	});

	it('gives each gradient as σ(z)(1 − σ(z)) times ∂z/∂name, in full precision', () => {
		const expected = { 'df/dw0': -1 * dz, 'df/dx0': 2 * dz, 'df/dw1': -2 * dz, 'df/dx1': -3 * dz, 'df/dw2': dz };
		const far = Object.entries(expected).filter(([k, v]) => !(rel(t[k], v) <= 1e-12));
		expect(far).toEqual([]);
	});
});
