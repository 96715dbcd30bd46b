/**
 * A series that stays small however long training runs: when it grows beyond `max` points it
 * keeps every other one (the first and the last always stay), so its resolution halves instead of
 * its length growing. It remembers what was already sent, so that each message carries only the
 * new points, or the whole series after it was thinned.
 */
export class DecimatedSeries {
	private points: number[][] = [];
	private sent = 0;
	private thinned = false;
	/** Record a point only every `stride` updates; doubles each time the series is thinned. */
	stride: number;

	constructor(
		private readonly max: number,
		private baseStride = 1
	) {
		if (!(max >= 4)) throw new RangeError(`a series needs room for at least 4 points, not ${max}`);
		this.stride = Math.max(1, Math.floor(baseStride));
	}

	/** True when a point at update `x` is due (x a multiple of the stride). */
	due(x: number): boolean {
		return x % this.stride === 0;
	}

	get length(): number {
		return this.points.length;
	}

	get last(): number[] | undefined {
		return this.points.at(-1);
	}

	/** Adds a point; a point at the same x as the last replaces it. */
	add(point: number[]): void {
		const last = this.points.at(-1);
		if (last && last[0] === point[0]) {
			this.points[this.points.length - 1] = point;
			this.sent = Math.min(this.sent, this.points.length - 1);
			return;
		}
		this.points.push(point);
		if (this.points.length > this.max) this.thin();
	}

	private thin(): void {
		const end = this.points.length - 1;
		this.points = this.points.filter((_, i) => i % 2 === 0 || i === end);
		this.stride *= 2;
		this.thinned = true;
	}

	/** What to send: the points since the last call, or all of them after thinning. */
	take(): { replace: boolean; points: number[][] } {
		const replace = this.thinned;
		const points = replace ? this.points.slice() : this.points.slice(this.sent);
		this.sent = this.points.length;
		this.thinned = false;
		return { replace, points };
	}

	/**
	 * A new base stride (an options change: incremental records a point per pass over the data,
	 * batch one per update), keeping the points and how many times the series was thinned.
	 */
	rebase(baseStride: number): void {
		const thinnings = this.stride / Math.max(1, Math.floor(this.baseStride));
		this.baseStride = baseStride;
		this.stride = Math.max(1, Math.floor(baseStride)) * thinnings;
	}

	clear(): void {
		this.points = [];
		this.sent = 0;
		this.thinned = true; // the page must drop what it has
		this.stride = Math.max(1, Math.floor(this.baseStride));
	}

	all(): number[][] {
		return this.points.slice();
	}
}

/** The page's side: applies a delta to the points it holds. */
export function applyDelta(points: number[][], delta: { replace: boolean; points: number[][] }): number[][] {
	if (delta.replace) return delta.points;
	if (delta.points.length === 0) return points;
	const first = delta.points[0] as number[];
	// A point at the x of the page's last one replaces it (the worker refreshed it).
	const keep = points.length > 0 && (points.at(-1) as number[])[0] === first[0] ? points.slice(0, -1) : points;
	return keep.concat(delta.points);
}
