import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkModel } from '$lib/nn';
import { far, traceData } from './trace-data';

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const MAZUR = parse(readFileSync('content/networks/mazur-2-2-2.yaml', 'utf8'));

/**
 * The well-known 2-2-2 example trained by a hand-written float64 loop (biases fixed, η = 0.5),
 * written out weight by weight: E_total after each update k in `at`, and the weights then.
 */
function mazurByHand(updates: number, at: number[]) {
	let [w1, w2, w3, w4, w5, w6, w7, w8] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
	const [b1, b2, i1, i2, t1, t2, eta] = [0.35, 0.6, 0.05, 0.1, 0.01, 0.99, 0.5];
	const forward = () => {
		const h1 = logistic(w1 * i1 + w2 * i2 + b1);
		const h2 = logistic(w3 * i1 + w4 * i2 + b1);
		const o1 = logistic(w5 * h1 + w6 * h2 + b2);
		const o2 = logistic(w7 * h1 + w8 * h2 + b2);
		return { h1, h2, o1, o2, E: 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2 };
	};
	const out: Record<string, number> = {};
	for (let k = 1; k <= updates; k++) {
		const { h1, h2, o1, o2 } = forward();
		const d1 = (o1 - t1) * o1 * (1 - o1);
		const d2 = (o2 - t2) * o2 * (1 - o2);
		const dh1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1);
		const dh2 = (d1 * w6 + d2 * w8) * h2 * (1 - h2);
		[w5, w6, w7, w8] = [w5 - eta * d1 * h1, w6 - eta * d1 * h2, w7 - eta * d2 * h1, w8 - eta * d2 * h2];
		[w1, w2, w3, w4] = [w1 - eta * dh1 * i1, w2 - eta * dh1 * i2, w3 - eta * dh2 * i1, w4 - eta * dh2 * i2];
		if (at.includes(k)) {
			out[`E_total_after_${k}`] = forward().E;
			out[`w1_after_${k}`] = w1;
			out[`w5_after_${k}`] = w5;
		}
	}
	return out;
}

const longRun = (training: Record<string, unknown>) => ({
	...MAZUR,
	data: [{ inputs: { i1: 0.05, i2: 0.1 }, targets: { o1: 0.01, o2: 0.99 } }],
	training
});

describe('training.report: E_total after chosen updates of a long run', () => {
	const t = traceData(longRun({ epochs: 10000, report: [1, 9999, 10000] }));
	const expected = mazurByHand(10000, [1, 9999, 10000]);

	it('agrees with a hand-written float64 loop within 1e-9 relative after 10,000 updates', () => {
		expect(far(t, expected, 1e-9)).toEqual([]);
	});

	it('gives the printed 3.51085e-05 after 9,999 updates (the error seen at step 10,000), not after 10,000', () => {
		expect((t.E_total_after_9999 as number).toExponential(5)).toBe('3.51085e-5');
		expect((t.E_total_after_10000 as number).toExponential(5)).not.toBe('3.51085e-5');
		// One example: epoch 10,000 starts after update 9,999.
		expect(t.E_total_epoch_10000).toBe(t.E_total_after_9999);
	});

	it('keeps only the listed updates and epochs', () => {
		const after = Object.keys(t).filter((k) => /_after_\d+$|_epoch_\d+$/.test(k));
		expect(after.filter((k) => k.startsWith('E_total_after_')).sort()).toEqual(['E_total_after_1', 'E_total_after_10000', 'E_total_after_9999']);
		expect(after.filter((k) => k.startsWith('w1_after_'))).toHaveLength(3);
		expect(after.filter((k) => k.startsWith('E_total_epoch_')).sort()).toEqual(['E_total_epoch_1', 'E_total_epoch_10000', 'E_total_epoch_9999']);
		expect(t.E_total_after_training).toBe(t.E_total_after_10000);
	});

	it('counts batch updates by epoch', () => {
		const b = traceData(longRun({ mode: 'batch', epochs: 3, report: [3] }));
		// One example: a batch epoch is one update of the same example.
		expect(far(b, { E_total_after_3: mazurByHand(3, [3]).E_total_after_3 as number })).toEqual([]);
	});
});

describe('training.report: mistakes', () => {
	const problems = (training: Record<string, unknown>) => {
		const r = checkModel(longRun(training));
		return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
	};
	it('refuses an update past the last one, saying how many the run makes', () => {
		expect(problems({ epochs: 10, report: [5, 11] })).toEqual(['training.report.1: update 11 is past the last update: 1 example × 10 epochs make 10 updates']);
	});
	it('refuses 0, fractions and an empty list', () => {
		expect(problems({ epochs: 10, report: [0] }).join()).toMatch(/at least 1/);
		expect(problems({ epochs: 10, report: [1.5] }).join()).toMatch(/whole number/);
		expect(problems({ epochs: 10, report: [] }).join()).toMatch(/at least one/);
	});
	it('refuses a run too long to trace while the lesson is built', () => {
		expect(problems({ epochs: 200000 }).join()).toMatch(/200000 passes, more than the 100,000/);
	});
});
