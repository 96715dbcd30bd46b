import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAZUR } from './mazur-reference';
import { central, far, traceData } from './trace-data';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

type P = { w1: number; w2: number; b: number };
type Example = { inputs: { i1: number; i2: number }; targets: { o1: number } };
const NAMES = ['w1', 'w2', 'b'] as const;

/** The truth table of OR, to be learnt by one sigmoid neuron o1 = σ(w1·i1 + w2·i2 + b). */
const OR: Example[] = [
	[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 1]
].map(([i1, i2, t]) => ({ inputs: { i1: i1 as number, i2: i2 as number }, targets: { o1: t as number } }));
const START: P = { w1: 0.2, w2: -0.3, b: 0.1 };
const RATE = 0.5;

const network = (extra: Record<string, unknown>, p: P = START) => ({
	inputs: { i1: 1, i2: 0 },
	layers: [{ activation: 'sigmoid', neurons: { o1: { inputs: { i1: 'w1', i2: 'w2' }, bias: 'b' } } }],
	parameters: p,
	targets: { o1: 1 },
	learningRate: RATE,
	data: OR,
	...extra
});

/** ½(t − o)² and its gradient for one example, by hand: δ = (o − t)·o(1 − o). */
function example(p: P, { inputs: { i1, i2 }, targets: { o1: t } }: Example) {
	const o = logistic(p.w1 * i1 + p.w2 * i2 + p.b);
	const delta = (o - t) * o * (1 - o);
	return { E: 0.5 * (t - o) ** 2, g: { w1: delta * i1, w2: delta * i2, b: delta } as P };
}
const datasetError = (p: P) => OR.reduce((s, ex) => s + example(p, ex).E, 0);

/** Training by hand: w ← w − η·g, or with momentum λ: v ← λv − (1 − λ)g, w ← w + ηv. */
function trainByHand(mode: 'incremental' | 'batch', epochs: number, momentum?: number) {
	let p = { ...START };
	const v: P = { w1: 0, w2: 0, b: 0 };
	const expected: Record<string, number> = {};
	let k = 0;
	const step = (g: P) => {
		const next = { ...p };
		for (const n of NAMES) {
			if (momentum === undefined) next[n] = p[n] - RATE * g[n];
			else {
				v[n] = momentum * v[n] - (1 - momentum) * g[n];
				next[n] = p[n] + RATE * v[n];
			}
		}
		p = next;
		k++;
		for (const n of NAMES) expected[`${n}_after_${k}`] = p[n];
	};
	for (let epoch = 1; epoch <= epochs; epoch++) {
		expected[`E_total_epoch_${epoch}`] = datasetError(p);
		if (mode === 'incremental') {
			for (const ex of OR) step(example(p, ex).g);
		} else {
			const sum: P = { w1: 0, w2: 0, b: 0 };
			for (const ex of OR) for (const n of NAMES) sum[n] += example(p, ex).g[n];
			if (epoch === 1) for (const n of NAMES) expected[`dE_batch/d${n}`] = sum[n];
			step(sum);
		}
	}
	expected.E_total_after_training = datasetError(p);
	return expected;
}

const trainingNames = (t: Record<string, number>) => Object.keys(t).filter((k) => /_after_\d|_epoch_|dE_batch|after_training/.test(k));

describe('incremental (online) training on a data set', () => {
	const t = traceData(network({ training: { mode: 'incremental', epochs: 2 } }));
	const expected = trainByHand('incremental', 2);

	it('updates after each example, in order, agreeing with a hand-written loop within 1e-12', () => {
		expect(far(t, expected)).toEqual([]);
	});

	it('names P_after_k for k = 1 … examples × epochs, the error of each epoch and after training', () => {
		expect(trainingNames(t).sort()).toEqual(Object.keys(expected).sort());
		expect(t).toHaveProperty('w1_after_8');
		expect(t).not.toHaveProperty('w1_after_9');
	});

	it('is the mode, for one epoch, when the file gives data but no training', () => {
		const plain = traceData(network({}));
		expect(far(plain, trainByHand('incremental', 1))).toEqual([]);
		expect(trainingNames(plain)).toHaveLength(4 * 3 + 2);
	});

	it('lowers the summed error of OR over the epochs', () => {
		expect(t.E_total_after_training).toBeLessThan(t.E_total_epoch_2 as number);
		expect(t.E_total_epoch_2).toBeLessThan(t.E_total_epoch_1 as number);
	});
});

describe('batch training on a data set', () => {
	const t = traceData(network({ training: { mode: 'batch', epochs: 3 } }));
	const expected = trainByHand('batch', 3);

	it('sums the gradients over all examples and updates once per epoch, agreeing with a hand-written loop', () => {
		expect(far(t, expected)).toEqual([]);
		expect(trainingNames(t).sort()).toEqual(Object.keys(expected).sort());
	});

	it('gives dE_batch/dP, the summed gradient at the start, equal to a finite difference of the summed error', () => {
		for (const n of NAMES) {
			const numeric = central((x) => traceData(network({ training: { mode: 'batch' } }, { ...START, [n]: x })).E_total_epoch_1 as number, START[n]);
			expect(Math.abs((t[`dE_batch/d${n}`] as number) - numeric), n).toBeLessThanOrEqual(1e-9);
		}
	});

	it('differs from incremental training after the first epoch', () => {
		const online = traceData(network({ training: { mode: 'incremental', epochs: 1 } }));
		expect(online.w1_after_4).not.toBeCloseTo(t.w1_after_1 as number, 3);
	});
});

describe('training with momentum', () => {
	it.each(['incremental', 'batch'] as const)('%s training carries the velocities from update to update', (mode) => {
		const t = traceData(network({ momentum: 0.6, training: { mode, epochs: 2 } }));
		expect(far(t, trainByHand(mode, 2, 0.6))).toEqual([]);
	});
});

describe('a data set beside the traced example', () => {
	const mazur = parse(readFileSync(new URL('../../../content/networks/mazur-2-2-2.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
	const one = [{ inputs: { i1: MAZUR.i1, i2: MAZUR.i2 }, targets: { o1: MAZUR.t1, o2: MAZUR.t2 } }];

	it.each(['incremental', 'batch'])('%s training on the traced example alone gives P_new after one update', (mode) => {
		const t = traceData({ ...mazur, data: one, training: { mode } });
		for (const p of Object.keys(MAZUR.p)) expect(t[`${p}_after_1`], p).toBe(t[`${p}_new`]);
		expect(t.E_total_epoch_1).toBe(t.E_total);
		expect(t.E_total_after_training).toBe(t.E_total_after_update);
	});

	it('leaves the quantities of inputs and targets as they are without data', () => {
		const plain = traceData(mazur);
		const withData = traceData({ ...mazur, data: [{ inputs: { i1: 1, i2: -1 }, targets: { o1: 0, o2: 1 } }, ...one] });
		expect(Object.keys(plain).filter((k) => withData[k] !== plain[k])).toEqual([]);
		expect(trainingNames(plain)).toEqual([]);
	});

	it('trains a network whose own inputs have no targets', () => {
		const { targets: _, ...rest } = mazur;
		const t = traceData({ ...rest, data: one });
		expect(t).not.toHaveProperty('E_total');
		expect(t.w5_after_1).toBe(traceData(mazur).w5_new);
	});
});
