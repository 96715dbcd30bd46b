import { describe, expect, it } from 'vitest';
import { browserStorage, createProgressStore, STORAGE_KEY } from '$lib/progress';
import { FailingStorage, MemoryStorage, QuotaStorage } from './helpers';

const answer = (text: string) => ({ text, verdict: 'correct' as const });

/**
 * Issue 9: storage that refuses (site data blocked, a quota used up) is told to the learner on the
 * home page too, before any answer is lost, and answers still work in memory. The page shows
 * `health().storage` (components/progress/ProgressNotice); e2e: tests/e2e/progress-safety.spec.ts.
 */
describe('storage that refuses', () => {
	it('is "blocked" when every call throws, and answers are kept in memory', () => {
		const progress = createProgressStore(new FailingStorage('everything'));
		expect(progress.health().storage).toBe('blocked');
		progress.saveEntry('a', 'original', 'network:x', answer('1'));
		expect(progress.available).toBe(false);
		expect(progress.lessonProgress('a', 'original')?.entries['network:x']?.text).toBe('1');
	});

	it('is "none" where touching localStorage throws (no store at all)', () => {
		const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
		Object.defineProperty(globalThis, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
		try {
			expect(browserStorage()).toBeNull();
			expect(createProgressStore(browserStorage()).health().storage).toBe('none');
		} finally {
			if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
			else delete (globalThis as { localStorage?: unknown }).localStorage;
		}
	});

	it('is "full" at the first look when no write is taken, before any answer was saved (the home page)', () => {
		const progress = createProgressStore(new FailingStorage('writes'));
		expect(progress.health().storage).toBe('full');
	});

	it('still shows what was saved before, when the quota is used up', () => {
		const storage = new QuotaStorage(200);
		createProgressStore(storage).saveEntry('a', 'original', 'network:x', answer('0.5933'));
		const used = storage.used();
		const cramped = new QuotaStorage(used + 5);
		for (const [k, v] of storage.items) cramped.items.set(k, v);
		const progress = createProgressStore(cramped);
		expect(progress.health().storage).toBe('full');
		expect(progress.lessonProgress('a', 'original')?.entries['network:x']?.text).toBe('0.5933');
		expect(cramped.items.get(STORAGE_KEY)).toBe(storage.items.get(STORAGE_KEY));
	});

	it('leaves nothing behind when storage works ("ok", the probe removed)', () => {
		const storage = new MemoryStorage();
		expect(createProgressStore(storage).health().storage).toBe('ok');
		expect(storage.keys()).toEqual([]);
	});
});
