import { describe, expect, it } from 'vitest';
import { gradCheck, type Value } from '$lib/autograd';
import { buildNetwork, traceModel, type NetworkModel } from '$lib/nn';
import { central, far, modelOf, networkSpecOf, traceData } from './trace-data';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** Two sigmoid hidden neurons, three softmax outputs, one-hot targets, cross-entropy. */
const P = { a1: 0.3, a2: -0.8, a3: 0.5, a4: 0.9, c: 0.1, w1: 1.2, w2: -0.4, w3: -0.7, w4: 0.6, w5: 0.2, w6: 1.5, b1: 0.05, b2: -0.1, b3: 0.2 };
const X = { x1: 0.6, x2: -1.1 };
const T = { o1: 0, o2: 1, o3: 0 };
const softmaxNetwork = (p = P, targets: Record<string, number> = T, loss = 'cross-entropy') => ({
	inputs: X,
	layers: [
		{ activation: 'sigmoid', neurons: { h1: { inputs: { x1: 'a1', x2: 'a2' }, bias: 'c' }, h2: { inputs: { x1: 'a3', x2: 'a4' }, bias: 'c' } } },
		{
			activation: 'softmax',
			neurons: {
				o1: { inputs: { h1: 'w1', h2: 'w2' }, bias: 'b1' },
				o2: { inputs: { h1: 'w3', h2: 'w4' }, bias: 'b2' },
				o3: { inputs: { h1: 'w5', h2: 'w6' }, bias: 'b3' }
			}
		}
	],
	parameters: p,
	targets,
	loss,
	learningRate: 0.1
});

/** The same network in plain float64; softmax written the textbook way, without the max shift. */
function byHand(p = P, t: Record<'o1' | 'o2' | 'o3', number> = T) {
	const h1 = logistic(p.a1 * X.x1 + p.a2 * X.x2 + p.c);
	const h2 = logistic(p.a3 * X.x1 + p.a4 * X.x2 + p.c);
	const net = [p.w1 * h1 + p.w2 * h2 + p.b1, p.w3 * h1 + p.w4 * h2 + p.b2, p.w5 * h1 + p.w6 * h2 + p.b3];
	const e = net.map(Math.exp);
	const sum = e[0]! + e[1]! + e[2]!;
	const out = e.map((x) => x / sum);
	const ts = [t.o1, t.o2, t.o3];
	const E = out.map((o, i) => -ts[i]! * Math.log(o));
	// δ_o = ∂E/∂net_o = out_o·Σt − t_o: out_o − t_o for one-hot targets.
	const tSum = ts[0]! + ts[1]! + ts[2]!;
	const delta = out.map((o, i) => o * tSum - ts[i]!);
	const dh1 = (delta[0]! * p.w1 + delta[1]! * p.w3 + delta[2]! * p.w5) * h1 * (1 - h1);
	const dh2 = (delta[0]! * p.w2 + delta[1]! * p.w4 + delta[2]! * p.w6) * h2 * (1 - h2);
	return {
		net_o1: net[0]!, net_o2: net[1]!, net_o3: net[2]!,
		out_h1: h1, out_h2: h2, out_o1: out[0]!, out_o2: out[1]!, out_o3: out[2]!,
		E_o1: E[0]!, E_o2: E[1]!, E_o3: E[2]!, E_total: E[0]! + E[1]! + E[2]!,
		'dE/dout_o1': -ts[0]! / out[0]!, 'dE/dout_o2': -ts[1]! / out[1]!, 'dE/dout_o3': -ts[2]! / out[2]!,
		delta_o1: delta[0]!, delta_o2: delta[1]!, delta_o3: delta[2]!, delta_h1: dh1, delta_h2: dh2,
		'dE/dw1': delta[0]! * h1, 'dE/dw2': delta[0]! * h2, 'dE/dw3': delta[1]! * h1, 'dE/dw4': delta[1]! * h2,
		'dE/dw5': delta[2]! * h1, 'dE/dw6': delta[2]! * h2, 'dE/db1': delta[0]!, 'dE/db2': delta[1]!, 'dE/db3': delta[2]!,
		'dE/da1': dh1 * X.x1, 'dE/da2': dh1 * X.x2, 'dE/da3': dh2 * X.x1, 'dE/da4': dh2 * X.x2, 'dE/dc': dh1 + dh2
	};
}

describe('a softmax output layer with cross-entropy', () => {
	const t = traceData(softmaxNetwork());
	const hand = byHand();

	it('agrees with an independent float64 computation on outputs, errors and every gradient within 1e-12', () => {
		expect(far(t, hand)).toEqual([]);
	});

	it('gives outputs that sum to 1', () => {
		expect((t.out_o1 as number) + (t.out_o2 as number) + (t.out_o3 as number)).toBeCloseTo(1, 15);
	});

	it('gives delta = out − t for each output', () => {
		for (const o of ['o1', 'o2', 'o3'] as const) {
			expect(Math.abs((t[`delta_${o}`] as number) - ((t[`out_${o}`] as number) - T[o]))).toBeLessThanOrEqual(1e-15);
		}
	});

	it('names dout_X/dnet_X = out_X(1 − out_X) and dout_X/dnet_Y = −out_X·out_Y for every pair of the layer', () => {
		const names = ['o1', 'o2', 'o3'] as const;
		const expected: Record<string, number> = {};
		for (const x of names) {
			for (const y of names) expected[`dout_${x}/dnet_${y}`] = x === y ? hand[`out_${x}`] * (1 - hand[`out_${x}`]) : -hand[`out_${x}`] * hand[`out_${y}`];
		}
		expect(far(t, expected)).toEqual([]);
		expect(Object.keys(t).filter((k) => /^dout_o\d\/dnet_/.test(k))).toHaveLength(9);
	});

	it('gives each dout_X/dnet_Y as a central finite difference of the softmax', () => {
		const nets = [hand.net_o1, hand.net_o2, hand.net_o3];
		const soft = (z: number[], i: number) => Math.exp(z[i]!) / z.reduce((s, x) => s + Math.exp(x), 0);
		for (let x = 0; x < 3; x++) {
			for (let y = 0; y < 3; y++) {
				const numeric = central((d) => soft(nets.map((n, k) => (k === y ? n + d : n)), x), 0);
				expect(Math.abs((t[`dout_o${x + 1}/dnet_o${y + 1}`] as number) - numeric), `${x} ${y}`).toBeLessThanOrEqual(1e-9);
			}
		}
	});

	it.each(Object.keys(P))('dE/d%s agrees with a finite difference of E_total over whole traces', (name) => {
		const key = name as keyof typeof P;
		const E = (x: number) => traceData(softmaxNetwork({ ...P, [key]: x })).E_total as number;
		const numeric = central(E, P[key]);
		expect(Math.abs((t[`dE/d${name}`] as number) - numeric)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
	});

	it('passes the engine’s own finite-difference check on every parameter', () => {
		const model = modelOf(softmaxNetwork()) as NetworkModel;
		const leaves = Object.keys(P).map((p) => model.nodes.get(p) as Value);
		const worst = Math.max(...gradCheck(model.loss as Value, leaves).map((r) => r.error));
		expect(worst).toBeLessThanOrEqual(1e-8);
	});

	it('stays finite for very large nets, by subtracting the largest net', () => {
		const big = traceData(softmaxNetwork({ ...P, b1: 1000, b2: 1001, b3: 998 }));
		const z = [1000 + P.w1 * hand.out_h1 + P.w2 * hand.out_h2, 1001 + P.w3 * hand.out_h1 + P.w4 * hand.out_h2, 998 + P.w5 * hand.out_h1 + P.w6 * hand.out_h2];
		const m = Math.max(...z);
		const e = z.map((x) => Math.exp(x - m));
		const s = e[0]! + e[1]! + e[2]!;
		expect(far(big, { out_o1: e[0]! / s, out_o2: e[1]! / s, out_o3: e[2]! / s }, 1e-12)).toEqual([]);
		expect(Object.values(big).every(Number.isFinite)).toBe(true);
	});

	it('rejects cross-entropy targets that do not sum to 1 (δ = out − t would not hold), saying what to change', () => {
		const targets = { o1: 0.5, o2: 0.5, o3: 0.25 };
		expect(() => traceData(softmaxNetwork(P, targets))).toThrow(/targets: softmax with cross-entropy needs targets that sum to 1.*sum to 1\.25: change them/);
	});

	it('still gives delta = out·Σt − t when built unchecked with targets that do not sum to 1', () => {
		const targets = { o1: 0.5, o2: 0.5, o3: 0.25 };
		const spec = networkSpecOf({ ...softmaxNetwork(P, targets), loss: 'squared-error' });
		expect(far(traceModel(buildNetwork({ ...spec, loss: 'cross-entropy' })), byHand(P, targets))).toEqual([]);
	});

	it('gives out = 1 and slope 0 for a softmax layer of one neuron', () => {
		const one = traceData({ inputs: { x: 2 }, layers: [{ activation: 'softmax', neurons: { o: { inputs: { x: 'w' } } } }], parameters: { w: 3 } });
		expect(one.out_o).toBe(1);
		expect(one['dout_o/dnet_o']).toBe(0);
	});
});

describe('binary cross-entropy with sigmoid outputs', () => {
	const p = { w1: 0.7, w2: -1.3, b: 0.2 };
	const [x, t1, t2] = [0.9, 0.25, 1];
	const t = traceData({
		inputs: { x },
		layers: [{ activation: 'sigmoid', neurons: { o1: { inputs: { x: 'w1' }, bias: 'b' }, o2: { inputs: { x: 'w2' }, bias: 'b' } } }],
		parameters: p,
		targets: { o1: t1, o2: t2 },
		loss: 'binary-cross-entropy'
	});
	const o1 = logistic(p.w1 * x + p.b);
	const o2 = logistic(p.w2 * x + p.b);
	const bce = (tt: number, o: number) => -(tt * Math.log(o) + (1 - tt) * Math.log(1 - o));

	it('gives E_X = −[t·ln out + (1 − t)·ln(1 − out)] and their sum', () => {
		expect(far(t, { E_o1: bce(t1, o1), E_o2: bce(t2, o2), E_total: bce(t1, o1) + bce(t2, o2) })).toEqual([]);
	});

	it('gives dE/dout = (out − t) / (out(1 − out)) and delta = out − t', () => {
		const expected = {
			'dE/dout_o1': (o1 - t1) / (o1 * (1 - o1)), 'dE/dout_o2': (o2 - t2) / (o2 * (1 - o2)),
			delta_o1: o1 - t1, delta_o2: o2 - t2,
			'dE/dw1': (o1 - t1) * x, 'dE/dw2': (o2 - t2) * x, 'dE/db': o1 - t1 + o2 - t2
		};
		expect(far(t, expected)).toEqual([]);
	});

	it.each(Object.keys(p))('dE/d%s agrees with a finite difference of the hand formula', (name) => {
		const key = name as keyof typeof p;
		const E = (v: number) => {
			const q = { ...p, [key]: v };
			return bce(t1, logistic(q.w1 * x + q.b)) + bce(t2, logistic(q.w2 * x + q.b));
		};
		expect(Math.abs((t[`dE/d${name}`] as number) - central(E, p[key]))).toBeLessThanOrEqual(1e-8);
	});
});
