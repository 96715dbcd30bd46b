import { describe, expect, it } from 'vitest';
import { SPARSE } from './sparse-data';
import { far, traceData } from './trace-data';

const sig = (x: number) => 1 / (1 + Math.exp(-x));
const h1 = sig(0.15 * 0.05 + 0.2 * 0.1 + 0.35);
const h2 = sig(0.25 * 0.05 + 0.3 * 0.1 + 0.35);
const o1 = sig(0.4 * h1 + 0.6);
const o2 = sig(0.45 * h2 + 0.6);
const deltaO1 = (o1 - 0.01) * o1 * (1 - o1);
const deltaO2 = (o2 - 0.99) * o2 * (1 - o2);

describe('a sparse network (h1 → o1 only, h2 → o2 only)', () => {
	const t = traceData(SPARSE);

	it('gives each output’s share of a hidden gradient only where there is a path', () => {
		expect(far(t, { 'dE_o1/dout_h1': deltaO1 * 0.4, 'dE_o2/dout_h2': deltaO2 * 0.45 })).toEqual([]);
		// Before, these held the gradient left over from the previous output's backward pass.
		expect(t['dE_o2/dout_h1']).toBeUndefined();
		expect(t['dE_o1/dout_h2']).toBeUndefined();
	});

	it('gives the hidden gradients and deltas by hand', () => {
		expect(
			far(t, {
				'dE/dout_h1': deltaO1 * 0.4,
				'dE/dout_h2': deltaO2 * 0.45,
				delta_h1: deltaO1 * 0.4 * h1 * (1 - h1),
				'dE/dw1': deltaO1 * 0.4 * h1 * (1 - h1) * 0.05,
				'dE/dw6': deltaO2 * h2,
				'dE/db2': deltaO1 + deltaO2
			})
		).toEqual([]);
	});
});
