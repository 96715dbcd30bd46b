// Deck 002 (An Introduction to Neural Networks: Backpropagation): every number its slides print,
// against the engine. The slides are numbered in the extraction ("SLIDE n").
import { describe, expect, it } from 'vitest';
import { expectCutOff, expectPrinted, expectWrong, rowsOf, traceFile, traceWith } from './helpers';

describe('deck 002, Boolean operators with step neurons (slides 4–7)', () => {
	const rows = [
		{ x0: 0, x1: 0 },
		{ x0: 0, x1: 1 },
		{ x0: 1, x1: 0 },
		{ x0: 1, x1: 1 }
	];

	it('computes AND with one neuron, weights 1 and 1, threshold 1.2: sums 0, 1, 1, 2 → 0, 0, 0, 1', () => {
		const table = rowsOf('deck002-and.yaml', rows);
		expect(table.map((r) => r.net_and)).toEqual([0, 1, 1, 2]);
		expect(table.map((r) => r.out_and)).toEqual([0, 0, 0, 1]);
	});

	it('computes XOR with a second neuron (inputs 1, 1, AND −2, threshold 0.6): sums 0, 1, 1, 0 → 0, 1, 1, 0', () => {
		const table = rowsOf('deck002-xor.yaml', rows);
		expect(table.map((r) => r.out_and)).toEqual([0, 0, 0, 1]);
		expect(table.map((r) => r.net_xor)).toEqual([0, 1, 1, 0]);
		expect(table.map((r) => r.out_xor)).toEqual([0, 1, 1, 0]);
	});
});

describe('deck 002, hands-on forward calculation (slides 13–18)', () => {
	const t = traceFile('mazur-2-2-2.yaml');

	it('reproduces slide 15’s result net_h1 = 0.3775, which needs w2 = 0.20 (i2 → h1)', () => {
		expectPrinted(t, 'net_h1', '0.3775');
	});

	it('corrects slide 15’s written sum: 0.05·0.15 + 0.10·0.25 + 0.35 is 0.3825, its 0.25 is w3 (i1 → h2)', () => {
		expect(0.05 * 0.15 + 0.1 * 0.25 + 0.35).toBeCloseTo(0.3825, 12);
		expect(t['dnet_h1/dw2']).toBe(0.1);
		expect(t.w2).toBe(0.2);
	});

	it('cuts out_h1 = 0.593269992 off to 0.5932 (slides 15, 18, 32; rounded 0.5933)', () => {
		expectCutOff(t, 'out_h1', '0.5932');
		expectCutOff(t, 'dnet_o1/dw5', '0.5932');
	});

	it('reproduces slide 17’s result net_h2 = 0.3925; its written sum 0.05·0.20 + 0.10·0.30 + 0.35 is 0.39', () => {
		expectPrinted(t, 'net_h2', '0.3925');
		expect(0.05 * 0.2 + 0.1 * 0.3 + 0.35).toBeCloseTo(0.39, 12);
	});

	it('cuts out_h2 = 0.596884378 off to 0.5968 (slide 17; rounded 0.5969)', () => {
		expectCutOff(t, 'out_h2', '0.5968');
	});

	it('reproduces slide 18’s net_o1 = 1.1059; its written sum with 0.50 (w7) for w6 = 0.45 is 1.1357', () => {
		expectPrinted(t, 'net_o1', '1.1059');
		expect(0.5932 * 0.4 + 0.5968 * 0.5 + 0.6).toBeCloseTo(1.13568, 12);
	});

	it('reproduces out_o1 = 0.7514 and out_o2 = 0.7729 (slide 18)', () => {
		expectPrinted(t, 'out_o1', '0.7514');
		expectPrinted(t, 'out_o2', '0.7729');
	});

	it('corrects the weight matrix of slide 35: rows (0.15, 0.25, 0.35), (0.2, 0.3, 0.35) are the transpose', () => {
		// h = g(W·(x, 1)) with the slide's W gives the nets of its written sums, not its results.
		const slide = traceWith('mazur-2-2-2.yaml', (d) => Object.assign(d.parameters, { w2: 0.25, w3: 0.2 }));
		expect(slide.net_h1).toBeCloseTo(0.3825, 12);
		expect(slide.net_h2).toBeCloseTo(0.39, 12);
		expectWrong(slide, 'net_h1', '0.3775', '0.3825');
	});
});

describe('deck 002, the loss (slides 23, 29–30)', () => {
	const t = traceFile('mazur-2-2-2.yaml');

	it('gives E_total = ½(T1 − O1)² + ½(T2 − O2)² = 0.298371109 (the slide prints no value)', () => {
		expect(t.E_total).toBeCloseTo(0.298371109, 9);
	});

	it('gives the same value as the mean squared error over the two outputs, as slide 23 calls it', () => {
		const mse = traceWith('mazur-2-2-2.yaml', (d) => (d.loss = 'mean-squared-error'));
		expect(mse.E_total).toBeCloseTo(t.E_total as number, 15);
	});
});

describe('deck 002, hands-on backpropagation of w5 (slides 29–33)', () => {
	const t = traceFile('mazur-2-2-2.yaml');

	it('reproduces ∂Loss/∂O1 = −(T1 − O1) = 0.7414 (slide 30)', () => {
		expectPrinted(t, 'dE/dout_o1', '0.7414');
	});

	it('reproduces ∂O1/∂net_o1 = 0.7514·(1 − 0.7514) = 0.1868 (slide 31)', () => {
		expectPrinted(t, 'dout_o1/dnet_o1', '0.1868');
	});

	it('corrects slide 33’s factor 0.1816 to 0.1868 (with 0.1816 the product would be 0.0799)', () => {
		expectWrong(t, 'dout_o1/dnet_o1', '0.1816', '0.1868');
		expect(0.7414 * 0.1816 * 0.5932).toBeCloseTo(0.0799, 4);
	});

	it('cuts ∂Loss/∂w5 = 0.082167041 off to 0.0821 (slide 33; rounded 0.0822)', () => {
		expectCutOff(t, 'dE/dw5', '0.0821');
	});

	it('reproduces w5′ = 0.4 − 0.5·0.0821 = 0.3589 (slide 33)', () => {
		expectPrinted(t, 'w5_new', '0.3589');
	});
});
