import { describe, expect, it } from 'vitest';
import { parseVariantParam } from '$lib/variants';

describe('the ?variant= parameter', () => {
	it.each([
		['17', 17],
		['1', 1],
		['999999', 999999]
	])('reads %j as variant %i', (param, seed) => {
		expect(parseVariantParam(param)).toBe(seed);
	});

	it.each([['0'], ['-3'], ['1e3'], ['abc'], [''], [null], ['17abc'], ['017'], [' 17'], ['17.0'], ['+17'], ['1000000'], ['0x11']])(
		'reads %j as no variant (the lesson’s own numbers)',
		(param) => {
			expect(parseVariantParam(param)).toBeNull();
		}
	);
});
