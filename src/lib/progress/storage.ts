/** The part of the Web Storage API that progress uses; `localStorage` fits it, as does a Map in tests. */
export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
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

/** Storage calls that report failure (quota exceeded, private mode, SecurityError) instead of throwing. */
export type GuardedStore = {
	get(key: string): { ok: true; value: string | null } | { ok: false };
	set(key: string, value: string): boolean;
	remove(key: string): boolean;
};

export function guard(store: KeyValueStore | null): GuardedStore {
	const succeeds = (f: (s: KeyValueStore) => void): boolean => {
		if (!store) return false;
		try {
			f(store);
			return true;
		} catch {
			return false;
		}
	};
	return {
		get(key) {
			if (!store) return { ok: false };
			try {
				const value: unknown = store.getItem(key);
				// Anything but a string or null (a broken polyfill) counts as a failed read.
				return value === null || typeof value === 'string' ? { ok: true, value } : { ok: false };
			} catch {
				return { ok: false };
			}
		},
		set: (key, value) => succeeds((s) => s.setItem(key, value)),
		remove: (key) => succeeds((s) => s.removeItem(key))
	};
}
