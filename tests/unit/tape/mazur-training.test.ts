import { describe, expect, it } from 'vitest';
import type { NetworkSpec } from '$lib/nn';
import { Trainer } from '$lib/tape';
import { close } from './close';
import { handTrained } from './mazur-by-hand';

const SPEC: NetworkSpec = {
	inputs: { i1: 0.05, i2: 0.1 },
	layers: [
		{ activation: { type: 'sigmoid', threshold: 0, temperature: 1 }, neurons: { h1: { inputs: { i1: 'w1', i2: 'w2' }, bias: 'b1' }, h2: { inputs: { i1: 'w3', i2: 'w4' }, bias: 'b1' } } },
		{ activation: { type: 'sigmoid', threshold: 0, temperature: 1 }, neurons: { o1: { inputs: { h1: 'w5', h2: 'w6' }, bias: 'b2' }, o2: { inputs: { h1: 'w7', h2: 'w8' }, bias: 'b2' } } }
	],
	parameters: { w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55, b1: 0.35, b2: 0.6 },
	targets: { o1: 0.01, o2: 0.99 },
	loss: 'half-squared-error',
	learningRate: 0.5,
	update: { biases: false }
};

describe('the 2-2-2 example trained on the tape, against float64 by hand', () => {
	const at = [0, 1, 2, 100, 1000, 9999, 10000];
	const hand = handTrained(at);

	it('gives E_total after 0, 1, 2, 100, 1000, 9999 and 10,000 updates to 1e-9 relative', () => {
		const trainer = new Trainer(SPEC, [{ inputs: SPEC.inputs, targets: SPEC.targets! }], { mode: 'incremental', rate: 0.5 });
		for (let k = 0; k <= 10000; k++) {
			if (at.includes(k)) expect(close(trainer.datasetError(), hand.get(k)!, 1e-9), `after ${k} updates: ${trainer.datasetError()} vs ${hand.get(k)}`).toBe(true);
			if (k < 10000) trainer.step();
		}
		expect(trainer.updates).toBe(10000);
		expect(trainer.parameterValues().b1).toBe(0.35);
	});

	it('explains the printed 3.51085e-05: the error seen at step 10,000 is after 9,999 updates', () => {
		// The blog prints the error of the forward pass of iteration 10,000, before its update.
		expect(Math.abs(hand.get(9999)! - 3.51085e-5)).toBeLessThan(0.5e-10);
		expect(Math.abs(hand.get(10000)! - 3.51085e-5)).toBeGreaterThan(0.5e-10);
		expect(hand.get(0)).toBeCloseTo(0.298371109, 9);
	});

	it('trains in batch mode the same as incremental when the data set is one example', () => {
		const data = [{ inputs: SPEC.inputs, targets: SPEC.targets! }];
		const a = new Trainer(SPEC, data, { mode: 'incremental', rate: 0.5 });
		const b = new Trainer(SPEC, data, { mode: 'batch', rate: 0.5 });
		for (let k = 0; k < 50; k++) (a.step(), b.step());
		expect(b.parameterValues()).toEqual(a.parameterValues());
		expect(b.epochs).toBe(50);
	});
});
