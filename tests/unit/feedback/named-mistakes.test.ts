import { describe, expect, it } from 'vitest';
import { formatNumber, judge, readAnswer } from '$lib/answers';
import { diagnose, mistakeCollisions, mistakesFor, valuesUnder, type Mistake } from '$lib/feedback';
import { renderTexStrict } from '$lib/katex';
import { splitInlineMath } from '$lib/katex/inline';
import { asked, deck002 as steps, hand } from './models';

const ids = (text: string, quantity: string) => diagnose(steps, quantity, readAnswer(text)).map((d) => d.id);

/** Every (quantity, mistake) pair on deck 002 where the mistake changes the quantity's value. */
const cases = asked.flatMap((quantity) =>
	mistakesFor(steps, quantity)
		.map((mistake): [string, string, Mistake, number] => [quantity, mistake.id, mistake, valuesUnder(steps, mistake)(quantity)])
		.filter(([q, , , value]) => Math.abs(value - steps.value(q)) > 1e-12 * Math.abs(value))
);
const at4 = (x: number) => formatNumber(x, 4, true);
/**
 * Mistaken values that, typed to 4 digits, pass as the correct one, or lie within three units of
 * its last digit, where rounding on the way could give them too: no diagnosis can tell them apart.
 */
const hidden = (quantity: string, value: number) => {
	const right = steps.value(quantity);
	const unit = 10 ** (Math.floor(Math.log10(Math.abs(right))) - 3);
	return judge(readAnswer(at4(value)), right).verdict === 'correct' || Math.abs(value - right) <= 3 * unit;
};
const tooClose = (quantity: string, value: number) => judge(readAnswer(at4(value)), steps.value(quantity)).verdict === 'correct';

describe('named mistakes on deck 002 (w1, w5 and their factors)', () => {
	it('finds mistakes to test for every asked quantity that has a formula', () => {
		expect(cases.length).toBeGreaterThan(100);
		for (const q of asked.filter((q) => !steps.step(q)?.given)) expect(cases.some(([c]) => c === q), q).toBe(true);
	});

	it.each(cases.filter(([q, , , v]) => !hidden(q, v)))(
		'%s: names %s when its value is typed to 4 significant digits',
		(quantity, id, _, value) => {
			expect(ids(at4(value), quantity)).toContain(id);
		}
	);

	// A value such as 0.38 (w2's value for w1 in net_h1) has too few digits to be judged right for anything.
	const fullyTyped = cases.filter(([, , , v]) => {
		const r = readAnswer(String(v));
		return r.ok && !r.digits.exact && r.digits.significant >= 3;
	});
	it.each(fullyTyped)('%s: names %s when its value is typed at full precision', (quantity, id, _, value) => {
		expect(ids(String(value), quantity)).toContain(id);
	});

	it('lists the mistakes that 4 digits cannot tell from the right value as collisions', () => {
		const expected = cases.filter(([q, , m, v]) => !m.misreading && tooClose(q, v)).map(([q, id]) => `${q}: ${id}`);
		expect(expected.length).toBeGreaterThan(0);
		expect(mistakeCollisions(steps, asked)).toEqual(expect.arrayContaining(expected));
	});

	it.each(asked.flatMap((q) => [3, 4, 5, 6].map((sig): [string, number] => [q, sig])))(
		'%s: never diagnoses the correct value typed to %i significant digits',
		(quantity, sig) => {
			expect(ids(formatNumber(steps.value(quantity), sig, true), quantity)).toEqual([]);
		}
	);

	it('never diagnoses the correct value typed exactly or as an expression', () => {
		for (const q of asked) expect(ids(String(steps.value(q)), q), q).toEqual([]);
		expect(ids('0.7414*0.1868*0.5933', 'dE/dw5')).toEqual([]);
	});
});

describe('hand-derived mistaken values', () => {
	const under = (id: string, quantity: string) => {
		const mistake = mistakesFor(steps, quantity).find((m) => m.id === id);
		if (!mistake) throw new Error(`${id} does not apply to ${quantity}`);
		return valuesUnder(steps, mistake)(quantity);
	};

	it('σ′ left out: ∂E/∂w5 = (out_o1 − t_o1) · out_h1 = 0.7414 · 0.5933', () => {
		expect(under('sigma-prime-left-out', 'dE/dw5')).toBeCloseTo((hand.outO1 - 0.01) * hand.outH1, 14);
	});

	it('σ′ left out in δ_o1 and δ_o2 carries into ∂E/∂out_h1 through both paths', () => {
		const withoutSigmaPrime = (hand.outO1 - 0.01) * 0.4 + (hand.outO2 - 0.99) * 0.5;
		expect(under('sigma-prime-left-out', 'dE/dout_h1')).toBeCloseTo(withoutSigmaPrime, 14);
	});

	it('½ dropped: ∂E/∂out_o1 = −2(t − out) = 2 · 0.7414', () => {
		expect(under('half-dropped', 'dE/dout_o1')).toBeCloseTo(2 * (hand.outO1 - 0.01), 14);
	});

	it('updated weights in the hidden layer: ∂E_o1/∂out_h1 = δ_o1 · w5_new, w5_new = 0.3589', () => {
		expect(under('updated-weights', 'dE_o1/dout_h1')).toBeCloseTo(hand.deltaO1 * hand.w5New, 14);
	});

	it('+ instead of − in the update: w5 = 0.4 + 0.5 · 0.08217', () => {
		expect(under('plus-update', 'w5_new')).toBeCloseTo(0.4 + 0.5 * hand.dEdw5, 14);
	});

	it('learning rate left out: w5 − ∂E/∂w5', () => {
		expect(under('rate-left-out', 'w5_new')).toBeCloseTo(0.4 - hand.dEdw5, 14);
	});

	it('the bias forgotten in net_h1 changes out_h1: σ(0.0275)', () => {
		expect(under('bias-forgotten', 'out_h1')).toBeCloseTo(1 / (1 + Math.exp(-0.0275)), 14);
	});

	it('σ′ from net: net_h1(1 − net_h1)', () => {
		expect(under('sigma-prime-from-net', 'dout_h1/dnet_h1')).toBeCloseTo(0.3775 * (1 - 0.3775), 14);
	});
});

describe('typing a hand-derived mistaken number names the mistake', () => {
	it('σ′ left out, typed as 0.4398 or as the product 0.7414*0.5933', () => {
		expect(ids('0.4398', 'dE/dw5')).toEqual(['sigma-prime-left-out']);
		expect(ids('0.7414*0.5933', 'dE/dw5')).toEqual(['sigma-prime-left-out']);
	});

	it('½ dropped, typed as 1.483 or as 2*0.7414', () => {
		expect(ids('1.483', 'dE/dout_o1')).toEqual(['half-dropped']);
		expect(ids('2*0.7414', 'dE/dout_o1')).toEqual(['half-dropped']);
	});

	it('updated weights, typed as 0.1385*0.3589', () => {
		expect(ids('0.1385*0.3589', 'dE_o1/dout_h1')).toEqual(['updated-weights']);
	});

	it('+ update, 0.4411: the same number as target and output swapped, so both are named', () => {
		expect(ids('0.4411', 'w5_new').sort()).toEqual(['plus-update', 'target-output-swapped']);
	});

	it('bias forgotten, 0.5069 for out_h1', () => {
		expect(ids('0.5069', 'out_h1')).toEqual(['bias-forgotten']);
	});

	it('each single path of a hidden gradient, on its own', () => {
		expect(ids(at4(steps.value('dE_o1/dout_h1')), 'dE/dout_h1')).toEqual(['one-path:o1']);
		expect(ids(at4(steps.value('dE_o2/dout_h1')), 'dE/dout_h1')).toEqual(['one-path:o2']);
	});

	it('the one neuron a shared bias’s gradient was taken through', () => {
		expect(ids(at4(steps.value('delta_h1')), 'dE/db1')).toEqual(['shared-one:h1']);
		expect(ids(at4(steps.value('delta_h2')), 'dE/db1')).toEqual(['shared-one:h2']);
	});

	it('out_h1 typed where net_h1 was asked', () => {
		expect(ids(at4(hand.outH1), 'net_h1')).toEqual(['out-for-net']);
	});

	it('net_h1 typed where out_h1 belongs', () => {
		expect(ids('0.3775', 'out_h1')).toEqual(['net-for-out']);
		expect(ids('0.3775', 'dnet_o1/dw5')).toEqual(['net-for-out']);
	});
});

describe('explanations', () => {
	it('say where net was used instead of out, with the number used', () => {
		const [d] = diagnose(steps, 'dout_h1/dnet_h1', readAnswer(at4(0.3775 * 0.6225)));
		expect(d?.explanation).toBe(
			"It looks like you used $\\mathrm{net}_{h1} = 0.3775$ in $\\sigma'$ instead of $\\mathrm{out}_{h1}$: $\\sigma' = \\mathrm{out}_{h1}(1 - \\mathrm{out}_{h1})$."
		);
	});

	it('do not give away the correct value of the asked quantity', () => {
		for (const [quantity, , , value] of cases) {
			// The correct value as a number of its own, at 3 or 4 digits: not 0.4 inside 0.4398.
			const shown = [3, 4].map((sig) => formatNumber(steps.value(quantity), sig).replace('.', '\\.'));
			const correct = new RegExp(`(^|[^\\d.])-?(${shown.join('|')})(?![\\d])`);
			for (const d of diagnose(steps, quantity, readAnswer(String(value))))
				expect(d.explanation, `${quantity} ${d.id}`).not.toMatch(correct);
		}
	});

	it('write quantities in the lesson’s TeX, never as code names, and every formula renders', () => {
		let formulas = 0;
		for (const [quantity, , , value] of cases)
			for (const d of diagnose(steps, quantity, readAnswer(String(value)))) {
				const pieces = splitInlineMath(d.explanation);
				const prose = pieces.filter((p) => !p.math).map((p) => p.text).join(' ');
				expect(prose, `${quantity} ${d.id}: ${d.explanation}`).not.toMatch(/\b(net|out|delta|target|E)_\w|\bd\w*\/d\w|∂/);
				for (const p of pieces.filter((p) => p.math)) {
					expect(() => renderTexStrict(p.text), p.text).not.toThrow();
					formulas++;
				}
			}
		expect(formulas).toBeGreaterThan(100);
	});

	it('never say NaN or undefined', () => {
		for (const [quantity, , , value] of cases)
			for (const d of diagnose(steps, quantity, readAnswer(String(value)))) expect(d.explanation).not.toMatch(/NaN|undefined/);
	});
});
