import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { accuracy } from '$lib/lab/experiments/accuracy';
import { parabolaPoints, scaled } from '$lib/lab/experiments/parabola';
import { parabolaExamples, shuffleExperiment } from '$lib/lab/experiments/shuffle';
import { networkSchema, type NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';

const SPEC: NetworkSpec = networkSchema.parse(parse(readFileSync('content/networks/deck002-shuffle-2-3-1.yaml', 'utf8')));
const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** The 2-3-1 network's output written out by hand from its parameter values. */
function outputByHand(p: Record<string, number>, x: number, y: number): number {
	const v = (k: string) => p[k] as number;
	const h1 = logistic(v('w1') * x + v('w2') * y + v('b1'));
	const h2 = logistic(v('w3') * x + v('w4') * y + v('b2'));
	const h3 = logistic(v('w5') * x + v('w6') * y + v('b3'));
	return logistic(v('w7') * h1 + v('w8') * h2 + v('w9') * h3 + v('b4'));
}

describe("deck 002's parabola-vs-random points", () => {
	const random = parabolaPoints(3, 'random-first');
	const parabola = parabolaPoints(3, 'parabola-first');

	it('has 10,000 points, 5,000 of each class, one class listed after the other', () => {
		expect(random).toHaveLength(10000);
		expect(random.slice(0, 5000).every((p) => !p.parabola)).toBe(true);
		expect(random.slice(5000).every((p) => p.parabola)).toBe(true);
		expect(parabola.slice(0, 5000).every((p) => p.parabola)).toBe(true);
		expect(parabola.slice(5000).every((p) => !p.parabola)).toBe(true);
	});

	it('puts parabola points on y = x² and random points in [0, 100] × [0, 10,000]', () => {
		for (const p of random) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThan(100);
			if (p.parabola) expect(p.y).toBe(p.x * p.x);
			else expect(p.y >= 0 && p.y < 10000).toBe(true);
		}
	});

	it('holds the same points in both orders, and the same points for the same seed', () => {
		const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
		expect(new Set(random.map(key))).toEqual(new Set(parabola.map(key)));
		expect(parabolaPoints(3, 'random-first')).toEqual(random);
		expect(parabolaPoints(4, 'random-first')).not.toEqual(random);
	});

	it("fits the deck's printed rows: (37.66, 1418.25) is on the parabola to the printed digits", () => {
		expect(Math.abs(Math.sqrt(1418.25) - 37.66)).toBeLessThan(0.005);
		expect(84.65 < 100 && 222.071 < 10000).toBe(true);
	});

	it('scales the inputs into [0, 1] with target 1 for parabola, 0 for random', () => {
		const { inputs, targets } = scaled(random.slice(4999, 5001));
		expect(inputs[0]).toEqual([(random[4999]?.x as number) / 100, (random[4999]?.y as number) / 10000]);
		expect(targets).toEqual([[0], [1]]);
	});
});

describe('accuracy', () => {
	it('counts outputs above 0.5 as class 1', () => {
		const inputs = [[0.2], [0.7], [0.5], [0.9]];
		expect(accuracy((x) => x[0] as number, inputs, [0, 1, 1, 0])).toBe(0.5);
		expect(accuracy((x) => x[0] as number, inputs, [0, 1, 0, 1])).toBe(1);
	});

	it('refuses mismatched or empty lists with a clear message', () => {
		expect(() => accuracy(() => 1, [[1]], [])).toThrow(/one target per example/);
		expect(() => accuracy(() => 1, [], [])).toThrow(/at least one example/);
	});
});

describe('the shuffle experiment on the tape (small: 200 points per class, 3 epochs)', () => {
	const options = { seed: 5, epochs: 3, rate: 0.5, perClass: 200 };
	const runs = shuffleExperiment(SPEC, options);

	it('runs shuffled, random-first and parabola-first', () => {
		expect(runs.map((r) => r.order)).toEqual(['shuffled', 'random-first', 'parabola-first']);
	});

	it('scores each run as an independent count with the network written out by hand does', () => {
		// Train the random-first run again, then count right answers with the hand-written forward pass.
		const examples = parabolaExamples(SPEC, 5, 'random-first', 200);
		const trainer = new Trainer(SPEC, examples, { mode: 'incremental', rate: 0.5, shuffle: false, seed: 5 });
		for (let e = 0; e < 3; e++) trainer.runEpoch();
		const p = trainer.parameterValues();
		let right = 0;
		let error = 0;
		for (const ex of examples) {
			const o = outputByHand(p, ex.inputs.x as number, ex.inputs.y as number);
			const t = ex.targets.o as number;
			if ((o > 0.5) === (t === 1)) right++;
			error += 0.5 * (t - o) ** 2;
		}
		expect(runs[1]?.accuracy).toBe(right / examples.length);
		expect(runs[1]?.error).toBeCloseTo(error, 9);
	});
});
