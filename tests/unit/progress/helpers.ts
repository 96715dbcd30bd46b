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
	keys(prefix = '') {
		return [...this.items.keys()].filter((k) => k.startsWith(prefix));
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
