import { describe, expect, it } from 'vitest';
import { inlineMathSource, splitInlineMath } from '$lib/katex/inline';

describe('sentences with inline math', () => {
	it('splits prose from $…$ formulas, in order', () => {
		expect(splitInlineMath("It looks like $\\sigma'$ was left out of $w_5$.")).toEqual([
			{ math: false, text: 'It looks like ' },
			{ math: true, text: "\\sigma'" },
			{ math: false, text: ' was left out of ' },
			{ math: true, text: 'w_5' },
			{ math: false, text: '.' }
		]);
	});

	it('keeps a lone dollar as prose instead of swallowing the sentence', () => {
		expect(splitInlineMath('costs $5 and more')).toEqual([{ math: false, text: 'costs $5 and more' }]);
		expect(splitInlineMath('')).toEqual([]);
	});

	it('gives the TeX source without the dollars', () => {
		expect(inlineMathSource('use $w_5 = 0.4$ here')).toBe('use w_5 = 0.4 here');
	});
});
