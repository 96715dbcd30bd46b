import { describe, expect, it } from 'vitest';
import { DATASETS, boundsOf, sample } from '$lib/lab';

describe('generated data sets', () => {
	for (const [name, generator] of Object.entries(DATASETS)) {
		it(`${name}: the same examples for the same seed, finite, of the declared sizes`, () => {
			const a = generator.generate(7);
			expect(generator.generate(7)).toEqual(a);
			expect(generator.generate(8)).not.toEqual(a);
			expect(a.inputs.length).toBeGreaterThan(0);
			expect(a.targets).toHaveLength(a.inputs.length);
			a.inputs.forEach((row) => expect(row).toHaveLength(generator.inputs));
			a.targets.forEach((row) => expect(row).toHaveLength(generator.outputs));
			expect([...a.inputs.flat(), ...a.targets.flat()].every(Number.isFinite)).toBe(true);
		});
	}

	it('disc: target 1 exactly inside x² + y² < 0.5', () => {
		const { inputs, targets } = (DATASETS.disc as (typeof DATASETS)[string]).generate(1);
		inputs.forEach(([x, y], i) => expect(targets[i]).toEqual([(x as number) ** 2 + (y as number) ** 2 < 0.5 ? 1 : 0]));
	});
});

describe('drawing helpers', () => {
	it('frames the points with a margin, at least a unit square', () => {
		// x from 0 to 10: centre 5, half-width 0.6 · 10; y from 0 to 2: centre 1, half-width 0.6 · 2.
		const b = boundsOf([{ x: 0, y: 0 }, { x: 10, y: 2 }]);
		[b.x0, b.x1, b.y0, b.y1].forEach((v, i) => expect(v).toBeCloseTo([-1, 11, -0.2, 2.2][i] as number, 12));
		const single = boundsOf([{ x: 0.05, y: 0.1 }]);
		expect(single.x1 - single.x0).toBeCloseTo(1.2, 12);
		expect((single.x0 + single.x1) / 2).toBeCloseTo(0.05, 12);
	});

	it('samples evenly and keeps small sets whole', () => {
		const items = Array.from({ length: 10 }, (_, i) => i);
		expect(sample(items, 20)).toBe(items);
		expect(sample(items, 5)).toEqual([0, 2, 4, 6, 8]);
	});
});

describe('lab numbers', () => {
	it('writes small and large numbers with a power of ten, and never NaN', async () => {
		const { formatNumber, formatTick, statusText } = await import('$lib/lab/view');
		expect(formatNumber(3.51085e-5)).toBe('3.511 × 10⁻⁵');
		expect(formatNumber(0.298371109)).toBe('0.2984');
		expect(formatNumber(NaN)).toBe('not a number');
		expect(formatTick(1e-10)).toBe('10⁻¹⁰');
		expect(formatTick(0.25)).toBe('0.25');
		expect(statusText({ running: false, done: false, updates: 1, epochs: 1, target: 10_000, loss: 0.291027924 })).toBe(
			'Paused: 1 epoch of 10,000, 1 update; error over the data set E_total = 0.291.'
		);
	});
});
