import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawLike, mulberry32 } from '$lib/variants';

describe('the seeded generator', () => {
	it('gives the numbers of the reference mulberry32 for a seed, on every machine', () => {
		const random = mulberry32(17);
		expect([random(), random(), random()]).toEqual([0.6771502960473299, 0.19265692122280598, 0.5313839064911008]);
	});

	it('gives numbers in [0, 1) for any seed', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 999_999 }), (seed) => {
				const random = mulberry32(seed);
				for (let i = 0; i < 50; i++) {
					const x = random();
					expect(x >= 0 && x < 1).toBe(true);
				}
			})
		);
	});
});

describe('drawing a number like another', () => {
	const draws = (x: number) => Array.from({ length: 300 }, (_, seed) => drawLike(x, mulberry32(seed + 1)));
	const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

	it('keeps 0 as 0', () => {
		expect(new Set(draws(0))).toEqual(new Set([0]));
	});

	it('draws a small whole number of the same sign for a small whole number', () => {
		expect(new Set(draws(-2))).toEqual(new Set([-1, -2, -3, -4, -5]));
	});

	it('draws whole numbers from half to one and a half times a larger one', () => {
		const xs = draws(20);
		expect(xs.every((x) => Number.isInteger(x) && x >= 10 && x <= 30)).toBe(true);
	});

	it('draws two decimals in [0.05, 0.95] of the same sign for a decimal below 1 in size', () => {
		const xs = draws(-0.15);
		expect(xs.every((x) => x <= -0.05 && x >= -0.95 && decimals(x) <= 2)).toBe(true);
		expect(Math.min(...xs)).toBeLessThan(-0.8);
		expect(Math.max(...xs)).toBeGreaterThan(-0.2);
	});

	it('draws one decimal near the size of a larger decimal', () => {
		const xs = draws(2.5);
		expect(xs.every((x) => x >= 1.3 && x <= 3.8 && decimals(x) <= 1)).toBe(true);
	});
});
