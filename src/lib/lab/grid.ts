import type { Bounds, OutputGrid } from './protocol';

/**
 * The part of the plane a heat map shows: the points' box with a margin of a tenth of its size
 * on each side, at least 1 wide and high (a single example, as in the 2-2-2 network, is then
 * in the middle of a unit square).
 */
export function boundsOf(points: { x: number; y: number }[]): Bounds {
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const side = (values: number[]): [number, number] => {
		const lo = Math.min(...values);
		const hi = Math.max(...values);
		const span = Math.max(hi - lo, 1);
		const middle = (lo + hi) / 2;
		return [middle - 0.6 * span, middle + 0.6 * span];
	};
	const [x0, x1] = points.length > 0 ? side(xs) : [0, 1];
	const [y0, y1] = points.length > 0 ? side(ys) : [0, 1];
	return { x0, x1, y0, y1 };
}

/** Each output of `predict` at the centres of a size × size grid over `bounds`, bottom row first. */
export function outputGrid(predict: (inputs: number[]) => number[], bounds: Bounds, size: number, outputs: number): OutputGrid {
	const values = Array.from({ length: outputs }, () => new Array<number>(size * size));
	const dx = (bounds.x1 - bounds.x0) / size;
	const dy = (bounds.y1 - bounds.y0) / size;
	for (let j = 0; j < size; j++) {
		const y = bounds.y0 + (j + 0.5) * dy;
		for (let i = 0; i < size; i++) {
			const out = predict([bounds.x0 + (i + 0.5) * dx, y]);
			for (let o = 0; o < outputs; o++) (values[o] as number[])[j * size + i] = out[o] as number;
		}
	}
	return { size, bounds, values };
}

/** An even sample of at most `max` items, first one included (a large data set drawn as dots). */
export function sample<T>(items: T[], max: number): T[] {
	if (items.length <= max) return items;
	const step = items.length / max;
	return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}
