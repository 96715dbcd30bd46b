// Deck 003 (Neural Networks, Part 2): its counting exercises, chain rule and losses, against the
// engine. The deck prints few numbers; see docs/seeds.md for the slide list.
import { describe, expect, it } from 'vitest';
import { checkModel, traceModel } from '$lib/nn';
import { traceFile } from './helpers';

const countsOf = (layers: unknown[], biases = true) => {
	const result = checkModel({ architecture: { layers, biases } });
	if (!result.ok) throw new Error(result.problems[0]?.message);
	return traceModel(result.build());
};

describe('deck 003, chain rule in 3Blue1Brown notation (slides "Chain rule"; our numbers)', () => {
	const t = traceFile('deck003-chain-rule.yaml');
	const a = t.out_aL as number;

	it('gives ∂C0/∂w(L) = a(L−1) · σ′(z(L)) · 2(a(L) − y) for C0 = (a(L) − y)²', () => {
		expect(t.E_total).toBeCloseTo((a - 1) ** 2, 15);
		expect(t['dE/dw']).toBeCloseTo(0.6 * a * (1 - a) * 2 * (a - 1), 15);
		expect(t['dE/dw']).toBeCloseTo(-0.115703522, 9);
	});

	it('gives ∂C0/∂b(L) = σ′(z(L)) · 2(a(L) − y), the same chain with ∂z/∂b = 1', () => {
		expect(t['dE/db']).toBeCloseTo(a * (1 - a) * 2 * (a - 1), 15);
	});
});

describe('deck 003, quiz: a 3-25-12 network (slide "Quiz")', () => {
	const t = traceFile('deck003-quiz-3-25-12.yaml');

	it('has 3·25 + 25·12 = 375 weights and 25 + 12 = 37 biases: 412 trainable parameters', () => {
		expect([t.count_weights, t.count_biases, t.count_parameters]).toEqual([375, 37, 412]);
	});
});

describe('deck 003, task: k hidden layers of width w (slides "TASK" and "SOLUTION")', () => {
	const t = traceFile('deck003-k-hidden-layers.yaml');

	it('has w²(k + 1) = 64 weights and w^(k + 2) = 1024 input-to-output paths for k = 3, w = 4', () => {
		expect([t.count_weights, t.count_paths]).toEqual([64, 1024]);
	});

	it('agrees with both formulas of the solution for every k ≤ 4 and w ≤ 5', () => {
		for (let k = 0; k <= 4; k++) {
			for (let w = 1; w <= 5; w++) {
				const c = countsOf([w, ...Array<number>(k).fill(w), w], false);
				expect(c.count_weights).toBe(w * w * (k + 1));
				expect(c.count_paths).toBe(w ** (k + 2));
			}
		}
	});

	it('adds w(k + 1) = 16 biases when each neuron has one: 80 parameters', () => {
		const c = countsOf([4, 4, 4, 4, 4]);
		expect([c.count_biases, c.count_parameters]).toEqual([16, 80]);
	});

	it.todo('counts the paths through one first-layer weight (slide "Number of Paths"): w^k = 64 here, needs a per-weight path count');
});

describe('deck 003, softmax and cross-entropy (slides "Softmax", "Cross Entropy Loss"; our numbers)', () => {
	const t = traceFile('deck003-cross-entropy.yaml');

	it('gives H(y, ŷ) = −Σ y_i ln ŷ_i = −ln 0.665240956 = 0.407605964 for the one-hot target of class 3', () => {
		expect(t.out_p3).toBeCloseTo(0.665240956, 9);
		expect(t.E_total).toBeCloseTo(-Math.log(t.out_p3 as number), 15);
		expect(t.E_total).toBeCloseTo(0.407605964, 9);
	});

	it('corrects the slide’s sign: −Σ y_i·log(1/ŷ_i) is −0.407605964, a negative "loss"', () => {
		const slide = -(1 * Math.log(1 / (t.out_p3 as number)));
		expect(slide).toBeCloseTo(-(t.E_total as number), 15);
		expect(slide).toBeLessThan(0);
	});

	it('gives softmax with cross-entropy the gradient δ = ŷ − y at the scores', () => {
		expect(t.delta_p1).toBeCloseTo(t.out_p1 as number, 15);
		expect(t.delta_p3).toBeCloseTo((t.out_p3 as number) - 1, 15);
	});

	// The outputs of NN1 and NN2 are in a picture the extraction drops: the table's MSE row
	// (0.25, 0.71) cannot be recomputed. See docs/seeds.md.
	it.todo('recomputes the NN1/NN2 table (classification error 0.33, 0.33; MSE 0.25, 0.71): needs the outputs of the dropped figure');
});
