/** The seeds a `?variant=` may name. */
export const MAX_SEED = 999_999;

/**
 * The seed in `?variant=17`: a whole number from 1 to 999999 written plainly (no sign, no
 * leading zero, no exponent, no spaces), so each variant has one URL. Anything else is null:
 * the page then shows the lesson's own numbers (and readVariantParam says why).
 */
export function parseVariantParam(searchParam: string | null): number | null {
	return searchParam !== null && /^[1-9][0-9]{0,5}$/.test(searchParam) ? Number(searchParam) : null;
}

/**
 * What a `?variant=` asks for: nothing, a valid seed, or something that is not a variant, with
 * a valid seed to offer instead: the nearest whole number in range when it reads as a number
 * (-1 → 1, 1000000 → 999999, 17.5 → 18, 1e309 → 999999), else one derived from the text (the
 * same text always gets the same offer).
 */
export type VariantParam =
	| { kind: 'none' }
	| { kind: 'valid'; seed: number }
	| { kind: 'invalid'; given: string; suggestion: number };

export function readVariantParam(searchParam: string | null): VariantParam {
	if (searchParam === null) return { kind: 'none' };
	const seed = parseVariantParam(searchParam);
	if (seed !== null) return { kind: 'valid', seed };
	const trimmed = searchParam.trim();
	const x = trimmed === '' ? Number.NaN : Number(trimmed);
	let suggestion: number;
	if (!Number.isNaN(x)) suggestion = Math.min(MAX_SEED, Math.max(1, Math.round(Math.abs(x)) || 1));
	else {
		let h = 0;
		for (const ch of searchParam) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
		suggestion = 1 + (h % MAX_SEED);
	}
	return { kind: 'invalid', given: searchParam, suggestion };
}
