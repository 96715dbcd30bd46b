import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseVariantParam, readVariantParam } from '$lib/variants';

describe('an invalid ?variant= is told apart from none, with a valid one offered', () => {
	it.each([
		['-1', 1],
		['1e309', 999_999],
		['1000000', 999_999],
		['0', 1],
		['17.4', 17],
		['017', 17]
	])('?variant=%s is not a variant; %i is offered', (given, suggestion) => {
		expect(readVariantParam(given)).toEqual({ kind: 'invalid', given, suggestion });
	});

	it('offers a valid variant for text that is no number at all, the same one each time', () => {
		const read = readVariantParam('abc');
		expect(read.kind).toBe('invalid');
		expect(read).toEqual(readVariantParam('abc'));
	});

	it('reads no parameter and a valid one as before', () => {
		expect(readVariantParam(null)).toEqual({ kind: 'none' });
		expect(readVariantParam('17')).toEqual({ kind: 'valid', seed: 17 });
	});

	it('always offers a seed that parseVariantParam accepts (property)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)), (text) => {
				const read = readVariantParam(text);
				if (read.kind === 'invalid') expect(parseVariantParam(String(read.suggestion))).toBe(read.suggestion);
				else if (read.kind === 'valid') expect(parseVariantParam(text)).toBe(read.seed);
			})
		);
	});
});
