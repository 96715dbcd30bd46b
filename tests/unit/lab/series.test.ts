import { describe, expect, it } from 'vitest';
import { applyDelta, DecimatedSeries } from '$lib/lab';

describe('DecimatedSeries', () => {
	it('sends each point once, then only the new ones', () => {
		const s = new DecimatedSeries(10);
		s.add([0, 5]);
		s.add([1, 4]);
		expect(s.take()).toEqual({ replace: false, points: [[0, 5], [1, 4]] });
		s.add([2, 3]);
		expect(s.take()).toEqual({ replace: false, points: [[2, 3]] });
		expect(s.take()).toEqual({ replace: false, points: [] });
	});

	it('halves its resolution instead of growing past its size, keeping the first and last points', () => {
		const s = new DecimatedSeries(8);
		for (let x = 0; x <= 100; x++) if (s.due(x)) s.add([x, x * x]);
		const points = s.all();
		expect(points.length).toBeLessThanOrEqual(8);
		expect(points[0]).toEqual([0, 0]);
		expect(points.at(-1)?.[0]).toBe(100 - (100 % s.stride));
		// Every kept point is a real point of the curve, in order.
		points.forEach(([x, y]) => expect(y).toBe((x as number) ** 2));
		expect(points.map((p) => p[0])).toEqual([...points.map((p) => p[0])].sort((a, b) => (a as number) - (b as number)));
	});

	it('tells the page to replace its copy after thinning, and the copy then equals the series', () => {
		const s = new DecimatedSeries(6);
		let page: number[][] = [];
		for (let x = 0; x < 50; x++) {
			if (s.due(x)) s.add([x, -x]);
			if (x % 3 === 0) page = applyDelta(page, s.take());
		}
		page = applyDelta(page, s.take());
		expect(page).toEqual(s.all());
	});

	it('replaces a point at the same update (a refreshed value), on the page too', () => {
		const s = new DecimatedSeries(6);
		s.add([0, 1]);
		let page = applyDelta([], s.take());
		s.add([0, 2]);
		page = applyDelta(page, s.take());
		expect(page).toEqual([[0, 2]]);
	});

	it('records at a base stride (one point per pass over a larger data set)', () => {
		const s = new DecimatedSeries(100, 4);
		expect([0, 1, 2, 3, 4, 8].map((x) => s.due(x))).toEqual([true, false, false, false, true, true]);
	});

	it('changes its base stride (a switch of mode), keeping its points and how often it was thinned', () => {
		const s = new DecimatedSeries(4, 10);
		for (let x = 0; x <= 50; x += 10) s.add([x, x]); // 6 points: thinned once, stride 20
		expect(s.stride).toBe(20);
		const kept = s.all();
		s.rebase(1);
		expect(s.stride).toBe(2);
		expect(s.all()).toEqual(kept);
		expect([51, 52, 53].map((x) => s.due(x))).toEqual([false, true, false]);
		s.rebase(10);
		expect(s.stride).toBe(20);
	});

	it('refuses a size too small to thin', () => {
		expect(() => new DecimatedSeries(2)).toThrow(/at least 4/);
	});
});
