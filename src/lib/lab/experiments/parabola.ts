import { mulberry32 } from '$lib/variants/random';

/**
 * Deck 002's "can be fooled" data (slide 21): 10,000 points, 5,000 on the parabola y = x² and
 * 5,000 random, with rows such as (parabola, 37.66, 1418.25) and (random, 84.65, 222.071).
 * The deck shows only those two rows, so the ranges are read off them: x uniform in [0, 100],
 * a parabola point at y = x² (37.66² ≈ 1418.3, printed to two decimals of a longer x), a random
 * point at y uniform in [0, 10,000], the parabola's own range. The network sees them scaled to
 * [0, 1] (x/100, y/10,000), as a sigmoid net needs; the target is 1 for parabola, 0 for random.
 */
export const PARABOLA_POINTS = 5000;
export const X_MAX = 100;
export const Y_MAX = X_MAX * X_MAX;

export type Point = { x: number; y: number; parabola: boolean };

/** The order the examples are listed (and so visited, unshuffled): one class after the other. */
export type ClassOrder = 'random-first' | 'parabola-first';

/** The 10,000 raw points of one seed, `perClass` of each class, in the order asked. */
export function parabolaPoints(seed: number, order: ClassOrder, perClass = PARABOLA_POINTS): Point[] {
	const random = mulberry32(seed);
	const parabola: Point[] = [];
	const noise: Point[] = [];
	// Drawn in pairs so that both orders of one seed hold the same points.
	for (let i = 0; i < perClass; i++) {
		const x = X_MAX * random();
		parabola.push({ x, y: x * x, parabola: true });
		noise.push({ x: X_MAX * random(), y: Y_MAX * random(), parabola: false });
	}
	return order === 'parabola-first' ? [...parabola, ...noise] : [...noise, ...parabola];
}

/** Network inputs [x/100, y/10,000] and target [1 parabola, 0 random] of each point. */
export function scaled(points: Point[]): { inputs: number[][]; targets: number[][] } {
	return {
		inputs: points.map((p) => [p.x / X_MAX, p.y / Y_MAX]),
		targets: points.map((p) => [p.parabola ? 1 : 0])
	};
}
