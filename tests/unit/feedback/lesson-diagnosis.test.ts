// The 2-2-2 lesson as a learner types it: four significant digits, each number worked from the
// numbers the page shows (rounded to four digits), each slip named by its id, a right value never.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assess } from '$lib/feedback';
import { stepsFor } from '$lib/derivation';
import { modelsInFile, traceModel, type Model, type ModelSpec } from '$lib/nn';

const FILE = 'content/60-backprop-step-by-step.md';
const loaded = modelsInFile(readFileSync(FILE, 'utf8'), FILE).get('network');
if (!loaded?.ok) throw new Error('the lesson has no network');
const model = loaded.build() as Model;
const steps = stepsFor(model, traceModel(model));
const spec = loaded.spec as ModelSpec & { kind: 'network' };
const { w1, w2, w3, w4, w5, w6, w7, w8, b1, b2 } = spec.parameters as Record<'w1' | 'w2' | 'w3' | 'w4' | 'w5' | 'w6' | 'w7' | 'w8' | 'b1' | 'b2', number>;
const w = { w1, w2, w3, w4, w5, w6, w7, w8, b1, b2 };

/** Four significant digits, as the page shows a number and as the learner types it. */
const r4 = (x: number) => Number(x.toPrecision(4));
const typed = (x: number) => x.toPrecision(4);
const sig = (x: number) => 1 / (1 + Math.exp(-x));

// The forward and backward pass worked by hand from the page's rounded numbers.
const outH1 = r4(sig(r4(w.w1 * 0.05 + w.w2 * 0.1 + w.b1)));
const outH2 = r4(sig(r4(w.w3 * 0.05 + w.w4 * 0.1 + w.b1)));
const outO1 = r4(sig(r4(w.w5 * outH1 + w.w6 * outH2 + w.b2)));
const outO2 = r4(sig(r4(w.w7 * outH1 + w.w8 * outH2 + w.b2)));
const dEdoutO1 = r4(outO1 - 0.01);
const sigmaO1 = r4(outO1 * (1 - outO1));
const deltaO1 = r4(dEdoutO1 * sigmaO1);
const deltaO2 = r4(r4(outO2 - 0.99) * r4(outO2 * (1 - outO2)));
const dEdw5 = r4(deltaO1 * outH1);
const w5New = r4(w.w5 - 0.5 * dEdw5);
const w7New = r4(w.w7 - 0.5 * r4(deltaO2 * outH1));

/** What the learner typed before, as they typed it. */
const page: Record<string, string> = {
	net_h1: typed(w.w1 * 0.05 + w.w2 * 0.1 + w.b1),
	out_h1: typed(outH1),
	out_h2: typed(outH2),
	out_o1: typed(outO1),
	out_o2: typed(outO2),
	'dE/dout_o1': typed(dEdoutO1),
	'dout_o1/dnet_o1': typed(sigmaO1),
	'dnet_o1/dw5': typed(outH1),
	delta_o1: typed(deltaO1),
	delta_o2: typed(deltaO2),
	'dE/dw5': typed(dEdw5)
};

const mistakes = (quantity: string, text: string, earlier: Record<string, string> = {}) => {
	const { [quantity]: _, ...others } = earlier;
	const a = assess({ steps, quantity, text, earlier: others, minSignificant: 3 });
	return { verdict: a.verdict, ids: (a.mistakes ?? []).map((m) => m.id) };
};

describe('the 2-2-2 lesson, typed to four digits from the numbers the page shows', () => {
	it('names σ′ left out of ∂E/∂w5 when the shown factors 0.7414 · 0.5933 are multiplied', () => {
		const text = typed(dEdoutO1 * outH1);
		expect(text).toBe('0.4399'); // not the engine's 0.4398: the learner multiplied what the page shows
		expect(mistakes('dE/dw5', text, page)).toEqual({ verdict: 'incorrect', ids: ['sigma-prime-left-out'] });
	});

	it('names the bias left out of o1 alone, from the learner’s own hidden outputs', () => {
		const text = typed(sig(r4(w.w5 * outH1 + w.w6 * outH2)));
		expect(mistakes('out_o1', text, page).ids).toEqual(['bias-forgotten:o1']);
	});

	it('names w3’s value taken for w2 in net_h1, the slides’ own slip', () => {
		const text = typed(w.w1 * 0.05 + w.w3 * 0.1 + w.b1);
		expect(mistakes('net_h1', text).ids).toContain('wrong-weight:w3-for-w2');
	});

	it('names a flipped sign alone when the learner’s ∂E/∂out_o1 was right (not target and output swapped)', () => {
		expect(mistakes('dE/dw5', typed(-dEdw5), page).ids).toEqual(['sign-flipped']);
		// Without the earlier answers nothing tells the two apart: both are named.
		expect(mistakes('dE/dw5', typed(-dEdw5)).ids.sort()).toEqual(['sign-flipped', 'target-output-swapped']);
	});

	it('names the updated weights used on the way back to h1', () => {
		const text = typed(deltaO1 * w5New + deltaO2 * w7New);
		expect(mistakes('dE/dout_h1', text, page).ids).toContain('updated-weights');
		expect(mistakes('dE_o1/dout_h1', typed(deltaO1 * w5New), page).ids).toEqual(['updated-weights']);
	});

	it('names the update taken with + alone when the learner’s ∂E/∂w5 was right', () => {
		expect(mistakes('w5_new', typed(w.w5 + 0.5 * dEdw5), page).ids).toEqual(['plus-update']);
	});

	it('names one path only in ∂E/∂out_h1', () => {
		expect(mistakes('dE/dout_h1', typed(deltaO1 * w.w5), page).ids).toEqual(['one-path:o1']);
		expect(mistakes('dE/dout_h1', typed(deltaO2 * w.w7), page).ids).toEqual(['one-path:o2']);
	});

	it('never names a mistake for a right value worked from the page’s rounded numbers', () => {
		for (const [quantity, text] of Object.entries(page)) {
			const a = mistakes(quantity, text, page);
			expect(a.ids, `${quantity} = ${text}`).toEqual([]);
			expect(a.verdict, `${quantity} = ${text}`).not.toBe('incorrect');
		}
	});
});
