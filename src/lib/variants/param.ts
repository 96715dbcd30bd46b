/**
 * The seed in `?variant=17`: a whole number from 1 to 999999 written plainly (no sign, no
 * leading zero, no exponent, no spaces), so each variant has one URL. Anything else is null:
 * the page then shows the lesson's own numbers.
 */
export function parseVariantParam(searchParam: string | null): number | null {
	return searchParam !== null && /^[1-9][0-9]{0,5}$/.test(searchParam) ? Number(searchParam) : null;
}
