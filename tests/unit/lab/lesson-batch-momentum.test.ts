import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { far, traceData } from '../nn/trace-data';

// content/150-batch-incremental-momentum.md: its three runs by a hand-written float64 loop, and
// the claims its prose makes about them.
const LESSON = readFileSync('content/150-batch-incremental-momentum.md', 'utf8');
const NETS = parse(LESSON.split(/^---$/m)[1] as string).networks;
const DATA: [number, number, number][] = [[1, 1, 1], [1, 0, 1], [0, 1, 1]];
const RATE = 0.3;

const error = ([w1, w2]: number[]) => DATA.reduce((s, [q1, q2, t]) => s + 0.5 * (t - ((w1 as number) * q1 + (w2 as number) * q2)) ** 2, 0);
/** ∂½(t − y)²/∂w for one example: −(t − y)·q. */
const gradient = ([w1, w2]: number[], [q1, q2, t]: number[]) => {
	const r = (t as number) - ((w1 as number) * (q1 as number) + (w2 as number) * (q2 as number));
	return [-r * (q1 as number), -r * (q2 as number)];
};

/** E_total_after_k and w1_after_k for every update k of a run. */
function run(mode: 'batch' | 'incremental', epochs: number, momentum?: number) {
	let w = [0, 0];
	let v = [0, 0];
	const out: Record<string, number> = {};
	let k = 0;
	const step = (g: number[]) => {
		if (momentum === undefined) w = w.map((x, i) => x - RATE * (g[i] as number));
		else {
			v = v.map((x, i) => momentum * x - (1 - momentum) * (g[i] as number));
			w = w.map((x, i) => x + RATE * (v[i] as number));
		}
		k++;
		out[`E_total_after_${k}`] = error(w);
		out[`w1_after_${k}`] = w[0] as number;
		out[`w2_after_${k}`] = w[1] as number;
	};
	for (let e = 0; e < epochs; e++) {
		if (mode === 'batch') {
			const gs = DATA.map((ex) => gradient(w, ex));
			step([0, 1].map((i) => gs.reduce((s, g) => s + (g[i] as number), 0)));
		} else for (const ex of DATA) step(gradient(w, ex));
	}
	return out;
}
const pick = (all: Record<string, number>, keys: string[]) => Object.fromEntries(keys.map((key) => [key, all[key] as number]));

describe('lesson 150: batch, incremental and momentum runs', () => {
	const batch = run('batch', 50);
	const online = run('incremental', 50);
	const smooth = run('incremental', 50, 0.9);

	it('the traced quantities agree with the hand-written loop within 1e-12', () => {
		expect(far(traceData(NETS.batch), { E_total_epoch_1: 1.5, ...pick(batch, ['E_total_after_1', 'E_total_after_3', 'w1_after_3', 'E_total_after_50']) })).toEqual([]);
		expect(far(traceData(NETS.online), pick(online, ['E_total_after_3', 'E_total_after_9', 'E_total_after_150', 'w1_after_150']))).toEqual([]);
		expect(far(traceData(NETS.smooth), pick(smooth, ['E_total_after_3', 'E_total_after_9', 'E_total_after_150']))).toEqual([]);
	});

	it('the smallest error is 1/6 at w = (2/3, 2/3), and batch reaches it', () => {
		// Least squares by the normal equations: [[2, 1], [1, 2]] w = (2, 2).
		expect(error([2 / 3, 2 / 3])).toBeCloseTo(1 / 6, 15);
		for (const w of [[0.6, 0.7], [0.7, 0.6], [0.66, 0.66], [0.67, 0.68]]) expect(error(w)).toBeGreaterThan(1 / 6);
		expect(batch.E_total_after_50).toBeCloseTo(1 / 6, 12);
	});

	it('incremental ends in a cycle of three updates, above the minimum; momentum ends nearer it', () => {
		const at = (k: number) => [online[`w1_after_${k}`], online[`w2_after_${k}`]] as number[];
		expect(at(150)).toEqual(at(147));
		expect(new Set([148, 149, 150].map((k) => at(k).map((x) => x.toFixed(6)).join()))).toHaveProperty('size', 3);
		expect(online.E_total_after_150 as number).toBeGreaterThan(1 / 6 + 1e-3);
		expect((smooth.E_total_after_150 as number) - 1 / 6).toBeLessThan(((online.E_total_after_150 as number) - 1 / 6) / 10);
		expect(smooth.E_total_after_3 as number).toBeGreaterThan(online.E_total_after_3 as number);
	});
});
