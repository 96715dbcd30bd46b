import { describe, expect, test } from 'vitest';
import { formatNumber } from '$lib/answers';

describe('formatNumber', () => {
	const shown: Array<[behaviour: string, x: number, text: string]> = [
		['rounds to four significant digits', 0.593269992, '0.5933'],
		['keeps four significant digits below 0.1', 0.082167041, '0.08217'],
		['rounds above 1', 1.10595, '1.106'],
		['trims trailing zeros', -0.2, '-0.2'],
		['uses an exponent for small values', 0.0000123, '1.23e-5'],
		['uses an exponent for large values', 1234567.8, '1.235e6'],
		['never rounds a whole number (a count), however many digits', 123456, '123456'],
		['shows zero as 0', 0, '0'],
		['shows negative zero as 0', -0, '0'],
		['carries into the next place', 9.99995, '10'],
		['shows NaN as a dash', NaN, '—'],
		['shows infinity as a dash', Infinity, '—'],
		['shows minus infinity as a dash', -Infinity, '—']
	];
	test.for(shown)('%s (%s → %s)', ([, x, text]) => {
		expect(formatNumber(x)).toBe(text);
	});

	test('keeps trailing zeros when asked, so the precision shows', () => {
		expect(formatNumber(0.5, 3, true)).toBe('0.500');
	});
	test('uses the number of significant digits given', () => {
		expect(formatNumber(0.593269992, 2)).toBe('0.59');
	});
	test('does not throw for a nonsensical digit count', () => {
		expect([formatNumber(1.5, 0), formatNumber(1.5, 500), formatNumber(1.5, NaN)]).toEqual(['2', '1.5', '1.5']);
	});
});
