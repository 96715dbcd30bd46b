// Shows a number to a learner: rounded to `sig` significant digits, never "NaN".

/**
 * `formatNumber(0.593269992)` → "0.5933", `formatNumber(-0.2)` → "-0.2",
 * `formatNumber(0.0000123)` → "1.23e-5", non-finite → "—".
 * Trailing zeros are trimmed unless `keepZeros` (then "0.500" keeps the precision it claims).
 */
export function formatNumber(x: number, sig = 4, keepZeros = false): string {
	if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
	if (x === 0) return '0';
	const p = Number.isFinite(sig) ? Math.min(17, Math.max(1, Math.round(sig))) : 4;
	const [mantissa = '', exp = '0'] = x.toExponential(p - 1).split('e');
	const exponent = Number(exp);
	if (exponent < -4 || exponent >= 6) return `${trim(mantissa, keepZeros)}e${exponent}`;
	// Round first, so 123456 at 4 digits shows as 123500, not 123456.
	const roundedValue = Number(`${mantissa}e${exponent}`);
	return trim(roundedValue.toFixed(Math.max(0, p - 1 - exponent)), keepZeros);
}

function trim(digits: string, keepZeros: boolean): string {
	return keepZeros || !digits.includes('.') ? digits : digits.replace(/\.?0+$/, '');
}
