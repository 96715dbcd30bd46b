/**
 * The part of the Web Storage API that progress uses; `localStorage` fits it, as does a Map in
 * tests. `length` and `key` list what is stored (to find backups); a store without them has none.
 */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length?: number;
	key?(index: number): string | null;
}

/**
 * The browser's localStorage, or null where there is none (server, Web Worker) or where merely
 * touching it throws (a SecurityError when site data is blocked).
 */
export function browserStorage(): KeyValueStore | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

/** Why the last storage call failed: the storage is full, or it refuses (blocked, private mode, broken). */
export type StorageFailure = 'full' | 'blocked';

/** Storage calls that report failure (quota exceeded, private mode, SecurityError) instead of throwing. */
export type GuardedStore = {
	get(key: string): { ok: true; value: string | null } | { ok: false };
	set(key: string, value: string): boolean;
	remove(key: string): boolean;
	/** Every stored key that starts with `prefix` (none when the store cannot list them). */
	keys(prefix: string): string[];
	/** Why the last failed call failed. */
	readonly failure: StorageFailure | undefined;
};

/** A quota error, as each browser names it (Chrome, Safari: QuotaExceededError; old Firefox: NS_ERROR_DOM_QUOTA_REACHED). */
export const isQuotaError = (e: unknown): boolean =>
	typeof e === 'object' && e !== null && ((e as { name?: unknown }).name === 'QuotaExceededError' || (e as { name?: unknown }).name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e as { code?: unknown }).code === 22);

export function guard(store: KeyValueStore | null): GuardedStore {
	let failure: StorageFailure | undefined;
	const succeeds = (f: (s: KeyValueStore) => void): boolean => {
		if (!store) return (failure = 'blocked'), false;
		try {
			f(store);
			return true;
		} catch (e) {
			failure = isQuotaError(e) ? 'full' : 'blocked';
			return false;
		}
	};
	return {
		get failure() {
			return failure;
		},
		get(key) {
			if (!store) return { ok: false };
			try {
				const value: unknown = store.getItem(key);
				// Anything but a string or null (a broken polyfill) counts as a failed read.
				return value === null || typeof value === 'string' ? { ok: true, value } : { ok: false };
			} catch {
				failure = 'blocked';
				return { ok: false };
			}
		},
		set: (key, value) => succeeds((s) => s.setItem(key, value)),
		remove: (key) => succeeds((s) => s.removeItem(key)),
		keys(prefix) {
			const found: string[] = [];
			try {
				const n = store?.length;
				if (!store?.key || typeof n !== 'number') return found;
				for (let i = 0; i < n; i++) {
					const k = store.key(i);
					if (typeof k === 'string' && k.startsWith(prefix)) found.push(k);
				}
			} catch {
				// a store that cannot list its keys has no backups we can find
			}
			return found.sort();
		}
	};
}
