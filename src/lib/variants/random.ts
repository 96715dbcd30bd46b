/** A source of numbers uniform in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit seeded generator, small and fast, with
 * plain integer arithmetic only (Math.imul, shifts), so variant N draws the same numbers on every
 * machine and browser. Not for anything secret; plenty for choosing a lesson's numbers.
 */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A whole number from lo to hi, both included. */
export const integer = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
