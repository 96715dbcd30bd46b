import type { KeyValueStore } from '$lib/progress';

/** localStorage in miniature, with its contents visible to the test. */
export class MemoryStorage implements KeyValueStore {
	readonly items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, String(value));
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	get length() {
		return this.items.size;
	}
	key(index: number) {
		return [...this.items.keys()][index] ?? null;
	}
	keys(prefix = '') {
		return [...this.items.keys()].filter((k) => k.startsWith(prefix));
	}
}

/** Storage with a size limit, as browsers have (about 5 million characters per site). */
export class QuotaStorage extends MemoryStorage {
	constructor(private readonly limit = 5_000_000) {
		super();
	}
	used(except?: string) {
		let n = 0;
		for (const [k, v] of this.items) if (k !== except) n += k.length + v.length;
		return n;
	}
	override setItem(key: string, value: string): void {
		if (this.used(key) + key.length + String(value).length > this.limit) {
			throw new DOMException(`the quota of ${this.limit} characters is exceeded`, 'QuotaExceededError');
		}
		super.setItem(key, value);
	}
}

/** Storage that fails as browsers do: everything throws (blocked site data), or only writes (quota). */
export class FailingStorage extends MemoryStorage {
	constructor(private readonly fails: 'everything' | 'writes') {
		super();
	}
	override getItem(key: string) {
		if (this.fails === 'everything') throw new DOMException('The operation is insecure.', 'SecurityError');
		return super.getItem(key);
	}
	override setItem(key: string, value: string): void {
		throw new DOMException(`cannot store ${key}=${value.length} chars`, 'QuotaExceededError');
	}
	override removeItem(key: string): void {
		if (this.fails === 'everything') throw new DOMException('The operation is insecure.', 'SecurityError');
		super.removeItem(key);
	}
}

/** A clock that moves one second at each call, from a fixed start. */
export function ticking(start = '2025-03-01T10:00:00.000Z') {
	let t = Date.parse(start);
	return () => new Date((t += 1000));
}
