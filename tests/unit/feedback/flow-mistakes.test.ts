// The mistakes of how a gradient flows, each checked against values derived by hand (never the engine's).
import { describe, expect, it } from 'vitest';
import { readAnswer } from '$lib/answers';
import { assess, diagnose } from '$lib/feedback';
import { DECK_002, deck002, hand, stepsOf } from './models';

const ids = (steps: typeof deck002, quantity: string, text: string) => diagnose(steps, quantity, readAnswer(text)).map((d) => d.id);
const at4 = (x: number) => x.toPrecision(4);
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const outO2 = hand.outO2;
const deltaO2 = (outO2 - 0.99) * outO2 * (1 - outO2);

describe('the upstream gradient left out (a chain step taken as its local gradient only)', () => {
	it('∂E/∂w5 = σ′(out_o1) · out_h1 without ∂E/∂out_o1', () => {
		const local = hand.outO1 * (1 - hand.outO1) * hand.outH1;
		expect(ids(deck002, 'dE/dw5', at4(local))).toEqual(['upstream-left-out']);
	});

	it('on a graph: ∂c/∂y = x = 3 without the upstream ∂c/∂m = 2', () => {
		const gates = stepsOf('content/networks/deck001-gates-graph.yaml');
		expect(ids(gates, 'dc/dy', '3')).toContain('upstream-left-out');
	});

	it('explains in the lesson’s notation, naming the gradient from above', () => {
		const local = hand.outO1 * (1 - hand.outO1) * hand.outH1;
		const [d] = diagnose(deck002, 'dE/dw5', readAnswer(at4(local)));
		expect(d?.explanation).toContain('$\\frac{\\partial E_{\\text{total}}}{\\partial \\mathrm{out}_{o1}}$');
		expect(d?.explanation).not.toMatch(/out_o1|dE\//);
	});
});

describe('gates routing the gradient to the wrong inputs', () => {
	// f = 2·(x·y + max(z, w)), c = x + f at x = 3, y = −4, z = 2, w = −1.
	const gates = stepsOf('content/networks/deck001-gates-graph.yaml');
	// f = (x + y)·z at x = −2, y = 5, z = −4.
	const xyz = stepsOf('content/networks/graph-xyz.yaml');

	it('max to both: the losing input w gets the gradient, ∂c/∂w = 2 · 1 = 2', () => {
		expect(ids(gates, 'dc/dw', '2')).toEqual(['max-to-both']);
		expect(ids(gates, 'dn/dw', '1')).toEqual(['max-to-both']);
	});

	it('says which input lost, with the numbers', () => {
		const [d] = diagnose(gates, 'dc/dw', readAnswer('2'));
		expect(d?.explanation).toContain('$w = -1$ is not larger than $z = 2$');
	});

	it('add scaled: q = x + y splits the gradient, ∂q/∂x = ½ and ∂f/∂x = z · ½ = −2', () => {
		expect(ids(xyz, 'dq/dx', '0.5')).toEqual(['add-scaled']);
		expect(ids(xyz, 'df/dx', '-2')).toEqual(['add-scaled']);
	});
});

describe('the mean instead of the sum', () => {
	it('E_total as the mean of E_o1 and E_o2', () => {
		const mean = (0.5 * (0.01 - hand.outO1) ** 2 + 0.5 * (0.99 - outO2) ** 2) / 2;
		expect(ids(deck002, 'E_total', at4(mean))).toEqual(['mean-not-sum']);
	});

	it('∂E/∂out_h1 as the mean of its two paths', () => {
		const mean = (hand.deltaO1 * 0.4 + deltaO2 * 0.5) / 2;
		expect(ids(deck002, 'dE/dout_h1', at4(mean))).toEqual(['mean-not-sum']);
	});

	it('a batch gradient averaged over the examples: −(1 + 1)/2 = −1 for ∂E_batch/∂w1', () => {
		// y = w·q from w = 0: each example (t = 1) gives ∂E/∂w1 = −(t − y)·q1 = −1; the batch sums them.
		const batch = stepsOf('content/networks/deck000-delta-rule-batch.yaml');
		expect(batch.value('dE_batch/dw1')).toBe(-2);
		expect(ids(batch, 'dE_batch/dw1', '-1')).toEqual(['mean-not-sum']);
		const [d] = diagnose(batch, 'dE_batch/dw1', readAnswer('-1'));
		expect(d?.explanation).toContain('the 2 examples were averaged');
		// The data set's error sums too: ½(1 − 0)² for each example at w = 0.
		expect(batch.value('E_total_epoch_1')).toBe(1);
		expect(ids(batch, 'E_total_epoch_1', '0.5')).toEqual(['mean-not-sum']);
	});

	it('is no slip where the batch takes the mean (training.average), and counts a mini-batch’s examples', () => {
		const file = 'content/networks/deck000-delta-rule-batch.yaml';
		const averaged = stepsOf(file, (t) => t.replace('training: { mode: batch, epochs: 1 }', 'training: { mode: batch, epochs: 1, average: true }'));
		expect(averaged.value('dE_batch/dw1')).toBe(-1);
		expect(ids(averaged, 'dE_batch/dw1', '-0.5')).not.toContain('mean-not-sum');
		const mini = stepsOf(file, (t) => t.replace('training: { mode: batch, epochs: 1 }', 'training: { mode: batch, epochs: 1, batchSize: 1 }'));
		// One example per batch: its gradient is −1, and there is nothing to average.
		expect(mini.value('dE_batch/dw1')).toBe(-1);
		expect(ids(mini, 'dE_batch/dw1', '-0.5')).not.toContain('mean-not-sum');
	});
});

describe('a one-sided difference in a gradient check', () => {
	// Deck 001's XNOR network at x = (1, 1), written out by hand: E(w11_2) = ½(1 − a3)².
	const error = (w: number) => {
		const [a1, a2] = [sig(-0.3 + 0.2 + 0.2), sig(0.2 - 0.2 - 0.2)];
		return 0.5 * (1 - sig(-0.1 + w * a1 + 0.2 * a2)) ** 2;
	};
	const eps = 1e-4;
	const oneSided = (error(0.2 + eps) - error(0.2)) / eps;
	const centred = (error(0.2 + eps) - error(0.2 - eps)) / (2 * eps);
	const check = stepsOf('content/networks/deck001-gradient-check.yaml');

	it('is named as the wrong method where the digits tell the two apart (they differ by 9e-7)', () => {
		const at6 = oneSided.toPrecision(6);
		expect(ids(check, 'numgrad_w11_2', at6)).toEqual(['one-sided-difference']);
		const [d] = diagnose(check, 'numgrad_w11_2', readAnswer(at6));
		expect(d?.explanation).toMatch(/one-sided difference .*not a rounding slip/);
	});

	it('is not named for the centred value, nor for the one-sided value where it was asked', () => {
		expect(ids(check, 'numgrad_w11_2', at4(centred))).toEqual([]);
		expect(ids(check, 'numgrad_onesided_w11_2', at4(oneSided))).toEqual([]);
	});
});

describe('a number the slide prints wrongly', () => {
	const printed = [
		{ quantity: 'dout_o1/dnet_o1', value: 0.1816, text: '0.1816', slide: 33 },
		{ quantity: 'out_h1', value: 0.5932, text: '0.5932', slide: 15 },
		{ quantity: 'net_h1', value: 0.3825, text: '0.3825', slide: 15 }
	];

	it('names the slide’s number kindly, and never the learner’s slip', () => {
		const a = assess({ steps: deck002, quantity: 'dout_o1/dnet_o1', text: '0.1816', printed });
		expect(a.verdict).toBe('incorrect');
		expect(a.mistakes?.map((m) => m.id)).toEqual(['slide-value']);
		expect(a.mistakes?.[0]?.title).toBe("Slide 33's number copied");
		expect(a.reason).toMatch(/^That is the number slide 33 prints for .*\(0\.1816\).*Copying it was reasonable/);
	});

	it('says which slip the slide made where the engine can tell (w3 for w2 in net_h1)', () => {
		const a = assess({ steps: deck002, quantity: 'net_h1', text: '0.3825', printed });
		expect(a.mistakes?.map((m) => m.id)).toEqual(['slide-value']);
		expect(a.reason).toContain('w3 used for w2');
	});

	it('does not call a slide number that agrees (or is cut off) a slip, nor a right answer', () => {
		expect(assess({ steps: deck002, quantity: 'out_h1', text: '0.5933', printed }).verdict).toBe('correct');
		expect(assess({ steps: deck002, quantity: 'dout_o1/dnet_o1', text: '0.1868', printed }).verdict).toBe('correct');
	});

	it('is not named without the lesson’s printed numbers (a variant)', () => {
		const a = assess({ steps: stepsOf(DECK_002), quantity: 'dout_o1/dnet_o1', text: '0.1816' });
		expect(a.mistakes?.map((m) => m.id) ?? []).not.toContain('slide-value');
	});
});
