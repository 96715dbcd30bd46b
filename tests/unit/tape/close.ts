/** a and b agree to 1e-12 relative (exactly, when either is 0 or not finite). */
export function close(a: number, b: number, rel = 1e-12): boolean {
	if (Object.is(a, b) || a === b) return true;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.isNaN(a) && Number.isNaN(b);
	return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** The names whose values differ beyond `rel`, with both numbers, for a readable failure. */
export function mismatches(expected: Record<string, number>, actual: Record<string, number>, rel = 1e-12): string[] {
	return Object.keys(expected)
		.filter((k) => !close(expected[k] as number, actual[k] as number, rel))
		.map((k) => `${k}: expected ${expected[k]}, got ${actual[k]}`);
}
