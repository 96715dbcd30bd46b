// Deck 000 (Introduction to AI II, 05 Neural Networks). Its exercises print no results: the tests
// record what the engine computes for them, against hand computations (docs/seeds.md).
// Slide numbers count the title lines of the extraction, title slide = 1 (docs/seeds.md).
import { describe, expect, it } from 'vitest';
import { rowsOf, traceFile, traceWith } from './helpers';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe('deck 000, the task H = W1·I, O = W2·H (slide 9)', () => {
	it('gives H = (0, 0) and O = 0 for I = (1, 1)', () => {
		const t = traceFile('deck000-task-linear.yaml');
		expect([t.out_h1, t.out_h2, t.out_o]).toEqual([0, 0, 0]);
	});

	it('gives H = (−2, 2) and O = 0 for I = (3, 2): the linear network maps both inputs to 0', () => {
		const [r] = rowsOf('deck000-task-linear.yaml', [{ i1: 3, i2: 2 }]);
		expect([r?.out_h1, r?.out_h2, r?.out_o]).toEqual([-2, 2, 0]);
	});
});

describe('deck 000, the task with sigmoid (slide 10)', () => {
	it('gives H = (0.5, 0.5) and O = σ(2) = 0.880797078 for I = (1, 1)', () => {
		const t = traceFile('deck000-task-sigmoid.yaml');
		expect([t.out_h1, t.out_h2]).toEqual([0.5, 0.5]);
		expect(t.out_o).toBeCloseTo(0.880797078, 9);
	});

	it('gives H = (σ(−2), σ(2)) = (0.119202922, 0.880797078) and again O = σ(2) for I = (3, 2)', () => {
		const [r] = rowsOf('deck000-task-sigmoid.yaml', [{ i1: 3, i2: 2 }]);
		expect(r?.out_h1).toBeCloseTo(0.119202922, 9);
		expect(r?.out_h2).toBeCloseTo(0.880797078, 9);
		expect(r?.out_o).toBeCloseTo(sigma(2), 15);
	});
});

describe('deck 000, activation functions with θ and T (slide 11)', () => {
	it('gives the sigmoid with threshold and temperature σ((x − θ)/T): σ(0.6) = 0.645656306 for x = 0.5, θ = 0.2, T = 0.5', () => {
		const t = traceFile('deck000-sigmoid-threshold-temperature.yaml');
		expect(t.out_f).toBeCloseTo(sigma(0.6), 15);
		expect(t['dout_f/dnet_f']).toBeCloseTo((sigma(0.6) * (1 - sigma(0.6))) / 0.5, 15);
	});

	it('fires the step f(x, θ) = 1 when x ≥ θ, so also at x = θ', () => {
		const step = (x: number) =>
			traceWith('deck000-sigmoid-threshold-temperature.yaml', (d) => {
				d.layers[0].activation = { type: 'step', threshold: 0.2, atThreshold: 1 };
				d.inputs.x = x;
			}).out_f;
		expect([step(0.1), step(0.2), step(0.5)]).toEqual([0, 1, 1]);
	});

	it('gives tanh(x − θ) with a bias of −θ: tanh(0.3) = 0.291312612', () => {
		const t = traceWith('deck000-sigmoid-threshold-temperature.yaml', (d) => {
			d.layers[0].activation = 'tanh';
			d.layers[0].neurons.f.bias = -0.2;
		});
		expect(t.out_f).toBeCloseTo(0.291312612, 9);
	});

	it.todo('gives the thresholded linear function (x if x ≥ θ, else 0): needs an activation the engine lacks');
});

describe('deck 000, softmax (slide 13)', () => {
	it('turns the scores (1, 2, 3) into probabilities 0.0900, 0.2447, 0.6652 that sum to 1', () => {
		const t = traceFile('deck000-softmax.yaml');
		expect(t.out_p1).toBeCloseTo(0.090030573, 9);
		expect(t.out_p2).toBeCloseTo(0.244728471, 9);
		expect(t.out_p3).toBeCloseTo(0.665240956, 9);
		expect((t.out_p1 as number) + (t.out_p2 as number) + (t.out_p3 as number)).toBeCloseTo(1, 15);
	});

	it('gives the same probabilities as the softmax written out as a graph', () => {
		const layer = traceFile('deck000-softmax.yaml');
		const graph = traceFile('deck000-softmax-graph.yaml');
		for (const k of [1, 2, 3]) expect(graph[`p${k}`]).toBeCloseTo(layer[`out_p${k}`] as number, 15);
		expect(graph['dp3/dz3']).toBeCloseTo(layer['dout_p3/dnet_p3'] as number, 15);
	});
});

describe('deck 000, the delta rule (slide 14)', () => {
	it('in batch form sums η(t − y)q over all examples before changing w: (0, 0) → (1, 0.5)', () => {
		const t = traceFile('deck000-delta-rule-batch.yaml');
		expect([t.w1_after_1, t.w2_after_1]).toEqual([1, 0.5]);
		expect(t.w1_after_2).toBeUndefined();
	});

	it('in incremental form changes w after each example: (0.5, 0.5), then (0.75, 0.5)', () => {
		const t = traceFile('deck000-delta-rule-incremental.yaml');
		expect([t.w1_after_1, t.w2_after_1, t.w1_after_2, t.w2_after_2]).toEqual([0.5, 0.5, 0.75, 0.5]);
	});

	it('is −η·∂E/∂w for E = ½(t − y)²: one example’s step is η(t − y)q', () => {
		const t = traceFile('deck000-delta-rule-batch.yaml');
		expect(t.w1_new).toBe(0 + 0.5 * (1 - 0) * 1);
	});
});

describe('deck 000, backpropagation of W6 (slide 16; our numbers)', () => {
	const t = traceFile('deck000-w6-2-2-1.yaml');
	const A = t.out_A as number;
	const h2 = t.out_h2 as number;
	const slide = (1 - A) * A * (1 - A) * h2; // (Y − A)·A'·h2 as the slide writes it, Y = 1

	it('gives ∂Error/∂W6 = −(Y − A)·A′·h2 = −0.011023653', () => {
		expect(t['dE/dW6']).toBeCloseTo(-slide, 15);
		expect(t['dE/dW6']).toBeCloseTo(-0.011023653, 9);
	});

	it('corrects the slide’s sign: its (Y − A)·A′·h2 = +0.011023653 would move W6 the wrong way', () => {
		expect(Math.sign(slide)).toBe(-Math.sign(t['dE/dW6'] as number));
		expect(t.W6_new).toBeGreaterThan(2); // W6 − η·∂E/∂W6 raises A towards Y = 1
	});
});

describe('deck 000, weight adaptation L1 = σ(W0·L0), L2 = σ(W1·L1) (slides 18–19; our numbers)', () => {
	const t = traceFile('deck000-w6-2-2-1.yaml');

	it('matches the NumPy update W += L.T·delta with sigmoid_d(L) = L·(1 − L) and η = 1', () => {
		const L0 = [3, 2];
		const L1 = [t.out_h1 as number, t.out_h2 as number];
		const L2 = t.out_A as number;
		const L2_delta = (1 - L2) * L2 * (1 - L2);
		const W1 = [2, 2];
		const L1_delta = L1.map((l, j) => L2_delta * (W1[j] as number) * l * (1 - l));
		expect(t.W5_new).toBeCloseTo(2 + (L1[0] as number) * L2_delta, 15);
		expect(t.W6_new).toBeCloseTo(2 + (L1[1] as number) * L2_delta, 15);
		expect(t.W1_new).toBeCloseTo(-2 + (L0[0] as number) * (L1_delta[0] as number), 15);
		expect(t.W4_new).toBeCloseTo(-2 + (L0[1] as number) * (L1_delta[1] as number), 15);
	});

	it('gives E′(W0) = −(Y − L2)·σ′·W1·σ′·L0 for a first-layer weight, the chain of slide 19', () => {
		const A = t.out_A as number;
		const h1 = t.out_h1 as number;
		expect(t['dE/dW1']).toBeCloseTo(-(1 - A) * A * (1 - A) * 2 * h1 * (1 - h1) * 3, 15);
	});
});
