// Deck 004 (AI Theory & App, 02 NN Basic): every number its slides print, against the engine.
// Slide numbers count the title lines of the extraction, title slide = 1 (see docs/seeds.md).
import { describe, expect, it } from 'vitest';
import { expectCutOff, expectPrinted, expectWrong, traceFile, traceWith } from './helpers';

const FILE = 'deck004-2-2-2.yaml';
const t = traceFile(FILE);

describe('deck 004, forward pass (slides 11–13)', () => {
	it('reproduces net_h1 = 0.04·0.1 + 0.12·0.5 + 0.40 = 0.464 and out_h1 = 0.613962657', () => {
		expectPrinted(t, 'net_h1', '0.464');
		expectPrinted(t, 'out_h1', '0.613962657');
	});

	it('reproduces out_h2 = 0.611114647, which needs net_h2 = 0.452 (a bias of 0.396 for h2)', () => {
		expectPrinted(t, 'net_h2', '0.452');
		expectPrinted(t, 'out_h2', '0.611114647');
	});

	it('does not reproduce out_h2 with the single hidden bias of 0.40 the slide shows', () => {
		const shared = traceWith(FILE, (d) => (d.parameters.b1h2 = 0.4));
		expect(shared.net_h2).toBeCloseTo(0.456, 12);
		expectWrong(shared, 'out_h2', '0.611114647', '0.612065');
	});

	it('reproduces net_o1 = 0.24·0.613962657 + 0.32·0.611114647 + 0.36 = 0.702907725 and out_o1 = 0.668832137', () => {
		expectPrinted(t, 'net_o1', '0.702907725');
		expectPrinted(t, 'out_o1', '0.668832137');
	});

	it('reproduces out_o2 = 0.657941101', () => {
		expectPrinted(t, 'out_o2', '0.657941101');
	});

	it('reproduces the errors E_o1 = 0.191476607, E_o2 = 0.042649200 and E_total = 0.234125807', () => {
		expectPrinted(t, 'E_o1', '0.191476607');
		expectPrinted(t, 'E_o2', '0.042649200');
		expectPrinted(t, 'E_total', '0.234125807');
	});
});

describe('deck 004, backward pass for w5 (slides 15–18)', () => {
	it('reproduces ∂E_total/∂out_o1 = −(0.05 − 0.668832137) = 0.618832137', () => {
		expectPrinted(t, 'dE/dout_o1', '0.618832137');
	});

	it('cuts ∂out_o1/∂net_o1 = 0.2214957097 off to 0.221495709 (rounded: 0.221495710)', () => {
		expectCutOff(t, 'dout_o1/dnet_o1', '0.221495709');
	});

	it('reproduces ∂net_o1/∂w5 = out_h1 = 0.613962657', () => {
		expectPrinted(t, 'dnet_o1/dw5', '0.613962657');
	});

	it('reproduces ∂E_total/∂w5 = 0.08415504 and w5+ = 0.24 − 0.5·0.08415504 = 0.19792248', () => {
		expectPrinted(t, 'dE/dw5', '0.08415504');
		expectPrinted(t, 'w5_new', '0.19792248');
	});

	it('reproduces w7+ = 0.300177638', () => {
		expectPrinted(t, 'w7_new', '0.300177638');
	});

	it('corrects w6+: the slide has 0.238117666, the update of w6 = 0.32 gives 0.278117666', () => {
		expectWrong(t, 'w6_new', '0.238117666', '0.278117666');
	});

	it('corrects w8+: the slide has 0.300084039, the update of w8 = 0.20 gives 0.220084039', () => {
		expectWrong(t, 'w8_new', '0.300084039', '0.220084039');
	});

	it('explains both: the slide updated w6 and w8 from 0.28, the value of w7', () => {
		const from = (w: number, p: string) => w - 0.5 * (t[`dE/d${p}`] as number);
		expect(from(0.28, 'w6')).toBeCloseTo(0.238117666, 9);
		expect(from(0.28, 'w8')).toBeCloseTo(0.300084039, 9);
	});
});

describe('deck 004, backward pass for w1 (slides 19–25)', () => {
	it('corrects ∂E_o1/∂net_o1: slide 20 multiplies by 0.337664274 where ∂out_o1/∂net_o1 = 0.221495709 belongs', () => {
		// The slide: 0.618832137 · 0.337664274 = 0.208957504. The right product is δ_o1 = 0.137068663.
		expect(0.618832137 * 0.337664274).toBeCloseTo(0.208957504, 9);
		expectWrong(t, 'delta_o1', '0.208957504', '0.137068663');
	});

	it('cannot read 0.337664274 as any sigmoid derivative: σ′ never exceeds 0.25', () => {
		for (const n of ['h1', 'h2', 'o1', 'o2']) expect(t[`dout_${n}/dnet_${n}`]).toBeLessThanOrEqual(0.25);
		expect(0.337664274).toBeGreaterThan(0.25);
	});

	it('reproduces ∂net_o1/∂out_h1 = w5 = 0.24', () => {
		expectPrinted(t, 'dnet_o1/dout_h1', '0.24');
	});

	it('corrects ∂E_o1/∂out_h1: the slide has 0.208957504·0.24 = 0.050149801, right is 0.032896479', () => {
		expectWrong(t, 'dE_o1/dout_h1', '0.050149801', '0.032896479');
	});

	it('reproduces ∂E_o2/∂out_h1 = −0.018404176 (w7 = 0.28 connects h1 to o2)', () => {
		expectPrinted(t, 'dE_o2/dout_h1', '-0.018404176');
	});

	it('corrects ∂E_total/∂out_h1: the slide has 0.031745625, right is 0.014492303', () => {
		expectWrong(t, 'dE/dout_h1', '0.031745625', '0.014492303');
	});

	it('reproduces ∂out_h1/∂net_h1 = 0.237012513 and ∂net_h1/∂w1 = i1 = 0.1', () => {
		expectPrinted(t, 'dout_h1/dnet_h1', '0.237012513');
		expectPrinted(t, 'dnet_h1/dw1', '0.1');
	});

	it('corrects ∂E_total/∂w1 (0.000752411 → 0.000343486) and w1+ (0.039623795 → 0.039828257)', () => {
		expectWrong(t, 'dE/dw1', '0.000752411', '0.000343486');
		expectWrong(t, 'w1_new', '0.039623795', '0.039828257');
	});

	it('corrects w2+: the slide has 0.118118973, right is 0.119141286', () => {
		expectWrong(t, 'w2_new', '0.118118973', '0.119141286');
	});

	it('traces the slide’s w1 and w2 to its wrong factor: its own arithmetic from 0.337664274 gives them', () => {
		const dOut = 0.618832137 * 0.337664274 * 0.24 + -0.018404176; // slide 22: 0.031745625
		expect(dOut).toBeCloseTo(0.031745625, 9);
		expect(0.031745625 * 0.237012513 * 0.1).toBeCloseTo(0.000752411, 9); // slide 25
		expect(0.04 - 0.5 * 0.000752411).toBeCloseTo(0.039623795, 9);
		// w2+ from the same chain is 0.1181189724; the slide's 0.118118973 is within its rounding.
		expect(0.12 - 0.5 * (0.031745625 * 0.237012513 * 0.5)).toBeCloseTo(0.118118973, 8);
	});

	it('reproduces w3+ = 0.159635010 and w4+ = 0.078175051, which go through h2 and miss the slip', () => {
		expectPrinted(t, 'w3_new', '0.159635010');
		expectPrinted(t, 'w4_new', '0.078175051');
	});
});

describe('deck 004, sigmoid, tanh and ReLU (slides 6, 26)', () => {
	it('has σ′ at most 0.25, reached at net = 0 (slide 26: "lower than 0.25")', () => {
		const at0 = traceWith(FILE, (d) => {
			d.inputs = { i1: 0, i2: 0 };
			d.parameters.b1 = 0;
		});
		expect(at0['dout_h1/dnet_h1']).toBe(0.25);
	});

	it('shrinks the gradient of w1 by two sigmoid derivatives: about 245 times smaller than that of w5', () => {
		expect((t['dE/dw5'] as number) / (t['dE/dw1'] as number)).toBeCloseTo(245.0, 0);
	});

	it('has tanh(x) = 2σ(2x) − 1, as slide 6 states', () => {
		const tanh = traceWith('deck000-sigmoid-threshold-temperature.yaml', (d) => (d.layers[0].activation = 'tanh'));
		const sig = traceWith('deck000-sigmoid-threshold-temperature.yaml', (d) => (d.layers[0].activation = 'sigmoid'));
		const sig2 = traceWith('deck000-sigmoid-threshold-temperature.yaml', (d) => {
			d.layers[0].activation = 'sigmoid';
			d.inputs.x = 1;
		});
		expect(sig.out_f).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15);
		expect(tanh.out_f).toBeCloseTo(2 * (sig2.out_f as number) - 1, 15);
	});
});

describe('deck 004, counting parameters (slides 30, 33)', () => {
	const c = traceFile('deck004-counting-10x100.yaml');

	it('counts 100 × 100 + 100 = 10 100 parameters in one layer', () => {
		const one = traceWith('deck004-counting-10x100.yaml', (d) => (d.architecture.layers = [100, 100]));
		expect(one.count_parameters).toBe(10100);
	});

	it('counts 101 000 parameters in ten layers of 100', () => {
		expect(c.count_weights).toBe(100000);
		expect(c.count_biases).toBe(1000);
		expect(c.count_parameters).toBe(101000);
	});

	it('asks for 10 to 30 examples per parameter: 1 010 000 to 3 030 000', () => {
		expect(10 * (c.count_parameters as number)).toBe(1010000);
		expect(30 * (c.count_parameters as number)).toBe(3030000);
	});
});

describe('deck 004, momentum (slide 37)', () => {
	const m = traceFile('deck004-momentum.yaml');

	it('takes v = λ·0 − (1 − λ)·∂E/∂w and w+ = w + η·v on the first step (λ = 0.9, ours)', () => {
		for (const k of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const g = t[`dE/dw${k}`] as number;
			expect(m[`v_w${k}`]).toBeCloseTo(-0.1 * g, 15);
			expect(m[`w${k}_new`]).toBeCloseTo((t[`w${k}`] as number) + 0.5 * -0.1 * g, 15);
		}
	});

	it('is plain gradient descent when λ = 0', () => {
		const plain = traceWith('deck004-momentum.yaml', (d) => (d.momentum = 0));
		for (const k of [1, 5, 8]) expect(plain[`w${k}_new`]).toBeCloseTo(t[`w${k}_new`] as number, 15);
	});
});
