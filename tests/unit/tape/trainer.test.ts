import { describe, expect, it } from 'vitest';
import type { Example, NetworkSpec } from '$lib/nn';
import { compileTape, Trainer } from '$lib/tape';
import { mazurReference } from '../nn/mazur-reference';
import { close } from './close';
import { MAZUR, ONE } from './mazur-spec';


/** A one-input linear neuron o = w·x; the input of the example last used is readable on the tape. */
const LINE: NetworkSpec = {
	inputs: { x: 0 },
	layers: [{ activation: { type: 'linear' }, neurons: { o: { inputs: { x: 'w' } } } }],
	parameters: { w: 0.5 },
	loss: 'half-squared-error',
	update: { biases: true }
};
const SIX: Example[] = [1, 2, 3, 4, 5, 6].map((x) => ({ inputs: { x }, targets: { o: 0.1 * x } }));

describe('Trainer', () => {
	it('gives the hand-derived gradient norm of each layer of weights (biases left out)', () => {
		const r = mazurReference();
		const trainer = new Trainer(MAZUR, ONE, { mode: 'batch', rate: 0.5 });
		trainer.step();
		const norm = (ws: string[]) => Math.hypot(...ws.map((w) => r[`dE/d${w}`] as number));
		const [first, second] = trainer.gradientNormsByLayer();
		expect(close(first!, norm(['w1', 'w2', 'w3', 'w4']), 1e-12)).toBe(true);
		expect(close(second!, norm(['w5', 'w6', 'w7', 'w8']), 1e-12)).toBe(true);
		// One update by hand, as the lesson computes it.
		for (const w of ['w1', 'w5', 'w8']) expect(close(trainer.parameterValues()[w]!, r[`${w}_new`] as number)).toBe(true);
		expect(close(trainer.datasetError(), r.E_total_after_update as number)).toBe(true);
	});

	it('predicts the hand-computed outputs', () => {
		const r = mazurReference();
		const trainer = new Trainer(MAZUR, ONE, { mode: 'incremental', rate: 0.5 });
		const [o1, o2] = trainer.predict([0.05, 0.1]);
		expect(close(o1!, r.out_o1 as number)).toBe(true);
		expect(close(o2!, r.out_o2 as number)).toBe(true);
	});

	it('visits the examples in order, or in a new seeded order each epoch when shuffling', () => {
		const seen = (t: Trainer, n: number) => Array.from({ length: n }, () => (t.step(), t.tape.value('x')));
		expect(seen(new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01 }), 12)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
		const shuffled = seen(new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, shuffle: true, seed: 5 }), 18);
		const epochs = [shuffled.slice(0, 6), shuffled.slice(6, 12), shuffled.slice(12)];
		for (const e of epochs) expect([...e].sort()).toEqual([1, 2, 3, 4, 5, 6]);
		expect(new Set(epochs.map((e) => e.join())).size).toBeGreaterThan(1);
		expect(seen(new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, shuffle: true, seed: 5 }), 18)).toEqual(shuffled);
		expect(seen(new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, shuffle: true, seed: 6 }), 18)).not.toEqual(shuffled);
	});

	it('counts updates and epochs; runEpoch finishes the current pass', () => {
		const t = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01 });
		t.step();
		t.step();
		t.runEpoch();
		expect([t.updates, t.epochs]).toEqual([6, 1]);
		t.runEpoch();
		expect([t.updates, t.epochs]).toEqual([12, 2]);
		const b = new Trainer(LINE, SIX, { mode: 'batch', rate: 0.01 });
		b.runEpoch();
		b.step();
		expect([b.updates, b.epochs]).toEqual([2, 2]);
	});

	it('batch: one update with the gradient summed over the examples (w ← w − η Σ (w·x − t)·x)', () => {
		const t = new Trainer(LINE, SIX, { mode: 'batch', rate: 0.01 });
		t.step();
		const sum = SIX.reduce((s, e) => s + (0.5 * e.inputs.x! - e.targets.o!) * e.inputs.x!, 0);
		expect(close(t.parameterValues().w!, 0.5 - 0.01 * sum)).toBe(true);
	});

	it('momentum by deck 004’s rule, from the spec’s velocities', () => {
		const spec = { ...LINE, momentum: 0.9, velocities: { w: 0.2 } };
		const t = new Trainer(spec, SIX.slice(0, 1), { mode: 'incremental', rate: 0.1 });
		t.step();
		const g = (0.5 * 1 - 0.1) * 1;
		const v = 0.9 * 0.2 - 0.1 * g;
		expect(close(t.parameterValues().w!, 0.5 + 0.1 * v)).toBe(true);
		// The option overrides the spec; 0 is plain gradient descent.
		const plain = new Trainer(spec, SIX.slice(0, 1), { mode: 'incremental', rate: 0.1, momentum: 0 });
		plain.step();
		expect(plain.parameterValues().w).toBe(0.5 - 0.1 * g);
	});

	it('reset goes back to the start: the same run again gives the same numbers', () => {
		const t = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, shuffle: true, seed: 3, momentum: 0.5 });
		for (let k = 0; k < 20; k++) t.step();
		const after = t.parameterValues();
		t.reset();
		expect([t.updates, t.epochs, t.parameterValues().w]).toEqual([0, 0, 0.5]);
		for (let k = 0; k < 20; k++) t.step();
		expect(t.parameterValues()).toEqual(after);
	});

	it('refuses bad input with a clear message', () => {
		expect(() => new Trainer(LINE, [], { mode: 'batch', rate: 0.1 })).toThrow(/at least one example/);
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: 0 })).toThrow(/learning rate/);
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: NaN })).toThrow(/learning rate/);
		expect(() => new Trainer(LINE, SIX, { mode: 'online' as 'batch', rate: 0.1 })).toThrow(/incremental or batch/);
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: 0.1, momentum: 1 })).toThrow(/momentum/);
		expect(() => new Trainer(LINE, [{ inputs: {}, targets: { o: 1 } }], { mode: 'batch', rate: 0.1 })).toThrow(/example 1 has no input x/);
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: 0.1 }).predict([1, 2])).toThrow(/1 inputs \(x\)/);
		expect(() => compileTape(LINE).setExample([1], [])).toThrow(/1 targets \(o\)/);
		expect(() => compileTape(LINE).value('nope')).toThrow(/no quantity named “nope”/);
	});
});

describe('Trainer: mini-batches, mean gradients and weight decay (nn/training.ts semantics), by hand', () => {
	/** ∂½(w·x − t)²/∂w = (w·x − t)·x for the one-weight linear neuron. */
	const grad = (w: number, e: Example) => (w * e.inputs.x! - e.targets.o!) * e.inputs.x!;

	it('batchSize 4 of 6 examples: two updates per epoch, the second on the last 2 examples', () => {
		const t = new Trainer(LINE, SIX, { mode: 'batch', rate: 0.01, batchSize: 4 });
		let w = 0.5;
		for (const batch of [SIX.slice(0, 4), SIX.slice(4)]) {
			const sum = batch.reduce((s, e) => s + grad(w, e), 0);
			w = w - 0.01 * sum;
			t.step();
			expect(close(t.parameterValues().w!, w)).toBe(true);
		}
		expect([t.updates, t.epochs]).toEqual([2, 1]);
	});

	it('average: the mean of the batch’s gradients; weightDecay: λ₂·w added to weights, not to biases', () => {
		const spec: NetworkSpec = { ...LINE, layers: [{ activation: { type: 'linear' }, neurons: { o: { inputs: { x: 'w' }, bias: 'b' } } }], parameters: { w: 0.5, b: 0.2 }, weightDecay: 0.1 };
		const t = new Trainer(spec, SIX, { mode: 'batch', rate: 0.01, average: true });
		t.step();
		const out = (e: Example) => 0.5 * e.inputs.x! + 0.2 - e.targets.o!;
		const gw = SIX.reduce((s, e) => s + out(e) * e.inputs.x!, 0) / 6 + 0.1 * 0.5;
		const gb = SIX.reduce((s, e) => s + out(e), 0) / 6;
		expect(close(t.parameterValues().w!, 0.5 - 0.01 * gw)).toBe(true);
		expect(close(t.parameterValues().b!, 0.2 - 0.01 * gb)).toBe(true);
	});

	it('refuses a batch size that is not a whole number from 1', () => {
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: 0.1, batchSize: 0 })).toThrow(/batch size/);
		expect(() => new Trainer(LINE, SIX, { mode: 'batch', rate: 0.1, weightDecay: -1 })).toThrow(/weight decay/);
	});
});
