import { describe, expect, it } from 'vitest';
import { judge, readAnswer } from '$lib/answers';
import { assess } from '$lib/feedback';
import { deck002 as steps, hand } from './models';

const check = (quantity: string, text: string, earlier: Record<string, number> = {}) =>
	assess({ steps, quantity, text, earlier, minSignificant: 3 });

describe('error carried forward', () => {
	it('accepts ∂E/∂out_o1 = 0.74 computed from a wrong out_o1 = 0.75, naming out_o1', () => {
		const a = check('dE/dout_o1', '0.74', { out_o1: 0.75 });
		expect(a.verdict).toBe('correct');
		expect(a.carriedForward).toEqual({ from: ['out_o1'] });
		expect(a.reason).toBe('Consistent with your earlier value of $\\mathrm{out}_{o1}$ (0.75); that one is still marked.');
	});

	it('does not reveal the correct value when accepting a carried-forward answer', () => {
		expect(check('dE/dout_o1', '0.74', { out_o1: 0.75 }).reason).not.toMatch(/0\.741/);
	});

	it('follows a wrong earlier value through steps the page did not ask', () => {
		const theirs = (0.75 - 0.01) * 0.75 * 0.25 * hand.outH1;
		const a = check('dE/dw5', theirs.toFixed(6), { out_o1: 0.75 });
		expect([a.verdict, a.carriedForward?.from]).toEqual(['correct', ['out_o1']]);
	});

	it('uses a right earlier value as the engine has it, even when another earlier value is wrong', () => {
		// ∂E/∂out_o1 was typed right, so ∂E/∂w5 must not be rebuilt from the wrong out_o1 below it.
		const theirs = (0.75 - 0.01) * 0.75 * 0.25 * hand.outH1;
		const a = check('dE/dw5', theirs.toFixed(6), { out_o1: 0.75, 'dE/dout_o1': 0.7414, 'dout_o1/dnet_o1': 0.1868 });
		expect(a.carriedForward).toBeUndefined();
		expect(a.verdict).toBe('incorrect');
	});

	it('names every wrong earlier value the answer was built from', () => {
		const a = check('dE/dw5', (0.7 * 0.2 * hand.outH1).toFixed(6), { 'dE/dout_o1': 0.7, 'dout_o1/dnet_o1': 0.2 });
		expect(a.verdict).toBe('correct');
		expect(a.carriedForward?.from.sort()).toEqual(['dE/dout_o1', 'dout_o1/dnet_o1']);
		expect(a.reason).toMatch(/^Consistent with your earlier values of .* and .*; those are still marked\.$/);
	});

	it('calls a long product of the learner’s own rounded (right) factors rounded too early, not wrong', () => {
		const earlier = { out_o1: 0.7514, 'dE/dout_o1': 0.7414, 'dout_o1/dnet_o1': 0.1868, 'dnet_o1/dw5': 0.5933 };
		const fromRounded = (0.7414 * 0.1868 * 0.5933).toPrecision(7);
		const a = check('dE/dw5', fromRounded, earlier);
		expect([a.verdict, a.slip, a.mistakes, a.carriedForward]).toEqual(['close', 'rounded-early', undefined, undefined]);
		for (const text of ['0.09', '0.0822']) {
			const plain = judge(readAnswer(text), steps.value('dE/dw5'), { minSignificant: 3 });
			expect(check('dE/dw5', text, earlier).verdict, text).toEqual(plain.verdict);
		}
	});

	it('gives the plain verdict to a right answer, whatever the earlier values, with the full value for later steps', () => {
		expect(check('dE/dout_o1', '0.7414', { out_o1: 0.75 })).toEqual({
			verdict: 'correct',
			reason: 'Correct.',
			fullValue: steps.value('dE/dout_o1')
		});
	});

	it('keeps unreadable input unreadable', () => {
		const a = check('dE/dout_o1', '0.7.4', { out_o1: 0.75 });
		expect(a.verdict).toBe('unreadable');
		expect(a).toEqual(judge(readAnswer('0.7.4'), steps.value('dE/dout_o1')));
	});
});

describe('named mistakes in the assessment', () => {
	it('marks a number that matches a mistake incorrect, with that mistake’s explanation as the reason', () => {
		const a = check('dE/dw5', '0.4398');
		expect(a.verdict).toBe('incorrect');
		expect(a.mistakes?.map((m) => m.id)).toEqual(['sigma-prime-left-out']);
		expect(a.reason).toBe(a.mistakes?.[0]?.explanation);
	});

	it('names both mistakes when two give the same number', () => {
		const a = check('dE/dout_o1', '-0.7414');
		expect(a.mistakes?.map((m) => m.id).sort()).toEqual(['sign-flipped', 'target-output-swapped']);
		expect(a.reason).toBe('Two different slips give exactly this number, and nothing you typed before tells them apart.');
	});

	it('prefers the learner’s own earlier values to a named mistake', () => {
		// 1.48 is also what dropping the ½ gives (1.483); the learner's own out_o1 explains it first.
		expect(check('dE/dout_o1', '1.48').mistakes?.map((m) => m.id)).toEqual(['half-dropped']);
		const a = check('dE/dout_o1', '1.48', { out_o1: 1.49 });
		expect(a.carriedForward).toEqual({ from: ['out_o1'] });
	});

	it('gives the plain judgement to a wrong number no mistake explains', () => {
		expect(check('dE/dw5', '0.5')).toEqual(judge(readAnswer('0.5'), steps.value('dE/dw5')));
	});

	it('gives the plain judgement for a quantity the engine does not know', () => {
		expect(check('dE/dw99', '0.5').verdict).toBe('incorrect');
	});
});
