import { describe, expect, it } from 'vitest';
import { evaluateRows, traceModel } from '$lib/nn';
import { central, far, modelOf, networkSpecOf, traceData } from './trace-data';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const TABLE = [{ x0: 0, x1: 0 }, { x0: 0, x1: 1 }, { x0: 1, x1: 0 }, { x0: 1, x1: 1 }];
const step = (threshold: number) => ({ type: 'step', threshold });

/** One step neuron reading x0 and x1 with weights 1, as in deck 002. */
const gate = (threshold: number) =>
	networkSpecOf({ inputs: { x0: 0, x1: 0 }, layers: [{ activation: step(threshold), neurons: { g: { inputs: { x0: 1, x1: 1 } } } }] });

/** XOR of deck 002: AND = step(x0 + x1, θ = 1.2); XOR = step(x0 + x1 − 2·AND, θ = 0.6), reading the inputs past AND's layer. */
const XOR = {
	inputs: { x0: 0, x1: 0 },
	layers: [
		{ activation: step(1.2), neurons: { and: { inputs: { x0: 1, x1: 1 } } } },
		{ activation: step(0.6), neurons: { xor: { inputs: { x0: 1, x1: 1, and: -2 } } } }
	]
};

describe('truth tables: several rows of inputs through one step network', () => {
	const outputs = (spec: ReturnType<typeof gate>, name: string, rows: Array<Record<string, number>> = TABLE) =>
		evaluateRows(spec, rows).map((t) => t[`out_${name}`]);

	it('AND = step(x0 + x1, θ = 1.2) fires for 1, 1 only', () => {
		expect(outputs(gate(1.2), 'g')).toEqual([0, 0, 0, 1]);
	});

	it('OR = step(x0 + x1, θ = 0.5) fires unless both are 0', () => {
		expect(outputs(gate(0.5), 'g')).toEqual([0, 1, 1, 1]);
	});

	it('NOT = step(−x0, θ = −0.5) inverts its input', () => {
		const not = networkSpecOf({ inputs: { x0: 0 }, layers: [{ activation: step(-0.5), neurons: { n: { inputs: { x0: -1 } } } }] });
		expect(outputs(not, 'n', [{ x0: 0 }, { x0: 1 }])).toEqual([1, 0]);
	});

	it('XOR, with a neuron reading the inputs and the AND neuron of the layer before, fires for 0, 1 and 1, 0', () => {
		const rows = evaluateRows(networkSpecOf(XOR), TABLE);
		expect(rows.map((t) => t.out_and)).toEqual([0, 0, 0, 1]);
		expect(rows.map((t) => t.net_xor)).toEqual([0, 1, 1, 0]);
		expect(rows.map((t) => t.out_xor)).toEqual([0, 1, 1, 0]);
	});

	it('gives each row its inputs, and net_X and out_X for every neuron, nothing else', () => {
		const [first] = evaluateRows(networkSpecOf(XOR), [{ x0: 1, x1: 0 }]);
		expect(first).toEqual({ x0: 1, x1: 0, net_and: 1, out_and: 0, net_xor: 1, out_xor: 1 });
	});

	it('keeps the value of spec.inputs for an input a row leaves out', () => {
		const spec = networkSpecOf({ ...XOR, inputs: { x0: 1, x1: 0 } });
		expect(evaluateRows(spec, [{ x1: 1 }])[0]).toMatchObject({ x0: 1, x1: 1, out_xor: 0 });
	});

	it('rejects a row naming an input the network does not have', () => {
		expect(() => evaluateRows(networkSpecOf(XOR), [{ x0: 1, x2: 1 }])).toThrow(/row 1: “x2” is not an input of the network: use one of x0, x1/);
	});
});

describe('the linear task of deck 000: H = W1·I, O = W2·H', () => {
	// W1 = [[−2, 2], [2, −2]], W2 = (2 2).
	const linear = (hidden: string, out: string) =>
		networkSpecOf({
			inputs: { i1: 0, i2: 0 },
			layers: [
				{ activation: hidden, neurons: { h1: { inputs: { i1: -2, i2: 2 } }, h2: { inputs: { i1: 2, i2: -2 } } } },
				{ activation: out, neurons: { o: { inputs: { h1: 2, h2: 2 } } } }
			]
		});
	const ROWS = [{ i1: 1, i2: 1 }, { i1: 3, i2: 2 }];

	it('gives H = (0, 0), O = 0 for I = (1, 1) and H = (−2, 2), O = 0 for I = (3, 2)', () => {
		const [a, b] = evaluateRows(linear('linear', 'linear'), ROWS);
		expect([a?.out_h1, a?.out_h2, a?.out_o]).toEqual([0, 0, 0]);
		expect([b?.out_h1, b?.out_h2, b?.out_o]).toEqual([-2, 2, 0]);
	});

	it('with sigmoid hidden and output neurons agrees with a hand computation for each row', () => {
		const rows = evaluateRows(linear('sigmoid', 'sigmoid'), ROWS);
		ROWS.forEach(({ i1, i2 }, r) => {
			const h1 = logistic(-2 * i1 + 2 * i2);
			const h2 = logistic(2 * i1 - 2 * i2);
			const o = logistic(2 * h1 + 2 * h2);
			expect(far(rows[r] as Record<string, number>, { out_h1: h1, out_h2: h2, net_o: 2 * h1 + 2 * h2, out_o: o }, 1e-15)).toEqual([]);
		});
		// σ(0) = ½ for both hidden neurons of I = (1, 1), so O = σ(2).
		expect(rows[0]?.out_o).toBe(logistic(2));
	});

	it('gives each row what tracing the network built with that row’s inputs gives', () => {
		const spec = linear('sigmoid', 'tanh');
		const rows = evaluateRows(spec, ROWS);
		ROWS.forEach((inputs, r) => {
			const alone = traceModel(modelOf({ ...spec, inputs }));
			for (const [k, v] of Object.entries(rows[r] as Record<string, number>)) expect(v, k).toBe(alone[k]);
		});
	});
});

describe('backpropagation through a skip connection', () => {
	// h = σ(a·x + c); o = σ(s·x + u·h + d): o reads the input x past h's layer.
	const p = { a: 0.8, c: -0.2, s: -0.6, u: 1.4, d: 0.3 };
	const [x, target] = [0.7, 0.9];
	const network = (q = p) => ({
		inputs: { x },
		layers: [
			{ activation: 'sigmoid', neurons: { h: { inputs: { x: 'a' }, bias: 'c' } } },
			{ activation: 'sigmoid', neurons: { o: { inputs: { x: 's', h: 'u' }, bias: 'd' } } }
		],
		parameters: q,
		targets: { o: target }
	});
	const t = traceData(network());

	it('agrees with the hand formulas, the skip weight getting δ_o·x', () => {
		const h = logistic(p.a * x + p.c);
		const o = logistic(p.s * x + p.u * h + p.d);
		const dO = (o - target) * o * (1 - o);
		const dH = dO * p.u * h * (1 - h);
		expect(far(t, { out_h: h, out_o: o, delta_o: dO, delta_h: dH, 'dE/ds': dO * x, 'dE/du': dO * h, 'dE/dd': dO, 'dE/da': dH * x, 'dE/dc': dH, 'dE_o/dout_h': dO * p.u })).toEqual([]);
	});

	it.each(Object.keys(p))('dE/d%s agrees with a finite difference of E_total', (name) => {
		const key = name as keyof typeof p;
		const numeric = central((v) => traceData(network({ ...p, [key]: v })).E_total as number, p[key]);
		expect(Math.abs((t[`dE/d${name}`] as number) - numeric)).toBeLessThanOrEqual(1e-9);
	});
});
