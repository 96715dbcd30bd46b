/**
 * The one way a number is written for a learner, as plain text or as TeX. One rule for both:
 *
 * - `sig` significant digits (default 4), rounded half away from zero on the float's exact
 *   decimal value; trailing zeros trimmed unless `keepZeros` ("0.500" claims three digits).
 * - A whole number below 10^15 is written whole: a count (1,048,576 paths) is never rounded.
 * - Otherwise scientific notation when the rounded value is below 10^−4 or at least 10^6:
 *   `1.23e-5` as text (what a learner can type back), `1.23 \times 10^{-5}` in TeX.
 * - −0 is 0. NaN and ±Infinity are never written as such: text "—", TeX `\text{—}`.
 *   Content with a non-finite value is refused before a page is built (nn/validate-finite.ts),
 *   so the dash only guards against a bug.
 */

/** What a learner sees in place of NaN or ±Infinity. */
export const NO_NUMBER = '—';
export const NO_NUMBER_TEX = '\\text{—}';

/** A finite number's sign, digits and power of ten (undefined: written without one). */
export type NumberParts = { negative: boolean; digits: string; exponent?: number };

const LARGEST_WHOLE = 1e15;

/** The parts both notations are written from; undefined for NaN and ±Infinity. */
export function numberParts(x: number, sig = 4, keepZeros = false): NumberParts | undefined {
	if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
	if (x === 0) return { negative: false, digits: '0' };
	const p = Number.isFinite(sig) ? Math.min(17, Math.max(1, Math.round(sig))) : 4;
	const negative = x < 0;
	const abs = Math.abs(x);
	if (Number.isInteger(abs) && abs < LARGEST_WHOLE) {
		const whole = String(abs);
		const pad = keepZeros && whole.length < p ? `.${'0'.repeat(p - whole.length)}` : '';
		return { negative, digits: whole + pad };
	}
	const [mantissa = '', exp = '0'] = abs.toExponential(p - 1).split('e');
	const exponent = Number(exp);
	if (exponent < -4 || exponent >= 6) return { negative, digits: trim(mantissa, keepZeros), exponent };
	// Round first, so 0.99996 at 4 digits is 1 and not 1.0000 cut to 0.9999.
	const rounded = Number(`${mantissa}e${exponent}`);
	return { negative, digits: trim(rounded.toFixed(Math.max(0, p - 1 - exponent)), keepZeros) };
}

/** `formatNumber(0.593269992)` → "0.5933", `-0.2` → "-0.2", `0.0000123` → "1.23e-5", NaN → "—". */
export function formatNumber(x: number, sig = 4, keepZeros = false): string {
	const parts = numberParts(x, sig, keepZeros);
	if (!parts) return NO_NUMBER;
	return `${parts.negative ? '-' : ''}${parts.digits}${parts.exponent === undefined ? '' : `e${parts.exponent}`}`;
}

/** The same number in TeX: `0.0000123` → `1.23 \times 10^{-5}`, NaN → `\text{—}`. */
export function formatTex(x: number, sig = 4, keepZeros = false): string {
	const parts = numberParts(x, sig, keepZeros);
	if (!parts) return NO_NUMBER_TEX;
	return `${parts.negative ? '-' : ''}${parts.digits}${parts.exponent === undefined ? '' : ` \\times 10^{${parts.exponent}}`}`;
}

function trim(digits: string, keepZeros: boolean): string {
	return keepZeros || !digits.includes('.') ? digits : digits.replace(/\.?0+$/, '');
}
