import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatTex, NO_NUMBER, NO_NUMBER_TEX } from '$lib/number';
import { formatNumber as answersFormat } from '$lib/answers';
import { formatSignificant, num } from '$lib/derivation';
import { diagramNumber } from '$lib/diagram';
import { valTex } from '$lib/katex/val';

/**
 * Issue 9: one formatter for plain text and TeX, one rule for significant digits, and NaN or
 * ±Infinity never written as such ("Infinity × 10^{NaN}" was printed). Expected strings are
 * worked out by hand from the decimal value of each double, not copied from the code.
 */
describe('the one rule', () => {
	const cases: Array<[behaviour: string, x: number, text: string, tex: string]> = [
		['rounds to 4 significant digits', 0.593269992, '0.5933', '0.5933'],
		['keeps 4 significant digits below 0.1', 0.082167041, '0.08217', '0.08217'],
		['trims trailing zeros', -0.2, '-0.2', '-0.2'],
		['uses a power of ten below 10^-4', 0.0000123, '1.23e-5', '1.23 \\times 10^{-5}'],
		['writes 10^-4 itself without one', 0.0001234, '0.0001234', '0.0001234'],
		['uses a power of ten for 1e-13', 1e-13, '1e-13', '1 \\times 10^{-13}'],
		['writes the smallest double with its power of ten', 5e-324, '4.941e-324', '4.941 \\times 10^{-324}'],
		['uses a power of ten from 10^6 for a number with a fraction', 1234567.8, '1.235e6', '1.235 \\times 10^{6}'],
		['writes 999999.9 as 1e6 once rounded (the power follows the rounded value)', 999999.9, '1e6', '1 \\times 10^{6}'],
		['never rounds a whole number (a count of paths)', 1048576, '1048576', '1048576'],
		['never rounds a whole number of six digits', 123456, '123456', '123456'],
		['uses a power of ten for 1e21 (beyond the whole numbers it writes out)', 1e21, '1e21', '1 \\times 10^{21}'],
		['writes the largest double', Number.MAX_VALUE, '1.798e308', '1.798 \\times 10^{308}'],
		['writes a huge negative number', -3.4567e200, '-3.457e200', '-3.457 \\times 10^{200}'],
		// The double nearest 0.000098765 is 0.0000987649999999999937…: it rounds down.
		['writes a tiny negative number', -0.000098765, '-9.876e-5', '-9.876 \\times 10^{-5}'],
		['writes zero as 0', 0, '0', '0'],
		['writes minus zero as 0', -0, '0', '0'],
		// Exact decimal values of the doubles (Python's Decimal): 0.99995 is 0.9999500000000000055…,
		// above the half, so it carries into the next place; 0.99994 is far below it.
		['carries 0.99995 into the next place (its double is just above the half)', 0.99995, '1', '1'],
		['keeps 0.99994 at four nines', 0.99994, '0.9999', '0.9999'],
		// The double nearest 9.99995 is 9.9999500000000001…, above the half: it rounds up.
		['carries 9.99995 into the next place', 9.99995, '10', '10'],
		['writes NaN as a dash', NaN, '—', '\\text{—}'],
		['writes Infinity as a dash', Infinity, '—', '\\text{—}'],
		['writes -Infinity as a dash', -Infinity, '—', '\\text{—}']
	];
	test.for(cases)('%s (%s)', ([, x, text, tex]) => {
		expect(formatNumber(x)).toBe(text);
		expect(formatTex(x)).toBe(tex);
	});

	it('takes the number of significant digits asked for, and keeps zeros when asked', () => {
		expect(formatNumber(0.593269992, 2)).toBe('0.59');
		expect(formatNumber(0.5, 3, true)).toBe('0.500');
		expect(formatNumber(2, 3, true)).toBe('2.00');
		expect(formatTex(0.0000123, 4, true)).toBe('1.230 \\times 10^{-5}');
		expect([formatNumber(1.5, 0), formatNumber(1.5, 500), formatNumber(1.5, NaN)]).toEqual(['2', '1.5', '1.5']);
	});

	it('agrees with the float64 value to the digits it shows (property)', () => {
		fc.assert(
			// Below 1e300, so that rounding up (1.5e308 → "2e308") cannot overflow when the text is read back.
			fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: 1, max: 12 }), (x, sig) => {
				const text = formatNumber(x, sig);
				const read = Number(text);
				expect(Number.isFinite(read)).toBe(true);
				if (Number.isInteger(x) && Math.abs(x) < 1e15) expect(read).toBe(x === 0 ? 0 : x);
				else if (x !== 0) expect(Math.abs(read - x)).toBeLessThanOrEqual(Math.abs(x) * 0.5 * 10 ** (1 - sig) * (1 + 1e-9));
			}),
			{ numRuns: 2000 }
		);
	});

	it('writes the same digits and power of ten as text and as TeX (property)', () => {
		fc.assert(
			fc.property(fc.double(), fc.integer({ min: 1, max: 12 }), fc.boolean(), (x, sig, keep) => {
				const text = formatNumber(x, sig, keep);
				const tex = formatTex(x, sig, keep);
				if (text === NO_NUMBER) expect(tex).toBe(NO_NUMBER_TEX);
				else expect(tex).toBe(text.replace(/e(-?\d+)$/, ' \\times 10^{$1}'));
				expect(`${text} ${tex}`).not.toMatch(/NaN|Infinity|undefined/);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('every former formatter is this one', () => {
	it('answers, derivation steps, \\val and the diagram write the same digits', () => {
		for (const x of [0.593269992, -0.0000123, 1048576, 1234567.8, NaN, -Infinity]) {
			expect(answersFormat(x)).toBe(formatNumber(x));
			expect(formatSignificant(x)).toBe(formatTex(x));
			expect(valTex(x)).toBe(`{${formatTex(x)}}`);
			expect(num(x)).toBe(x < 0 && Number.isFinite(x) ? `(${formatTex(x)})` : formatTex(x));
			expect(diagramNumber(x)).toBe(formatNumber(x).replace('-', '−'));
		}
	});
});
