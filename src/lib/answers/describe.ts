// What counts as right, said before the learner types: for an input's accessible description.

/**
 * `acceptedPrecision(3)` → "Give at least 3 significant digits, rounded or cut off; a fraction or
 * an expression is fine too." It names a count, never a value.
 */
export function acceptedPrecision(minSignificant: number): string {
	const n = Number.isFinite(minSignificant) ? Math.min(17, Math.max(1, Math.round(minSignificant))) : 3;
	const digits = n === 1 ? '1 significant digit' : `${n} significant digits`;
	return `Give at least ${digits}, rounded or cut off; a fraction or an expression is fine too.`;
}
