import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Verdict as JudgeVerdict } from '$lib/answers';
import { browserStorage, createProgressStore, IMPORT_MESSAGES, progressSchema, STORAGE_KEY, variantKey, type Entry, type Verdict } from '$lib/progress';
import { FailingStorage, MemoryStorage, ticking } from './helpers';

const SLUG = 'backprop-step-by-step';
const right: Entry = { text: '0.5933', verdict: 'correct' };
const wrong: Entry = { text: '0.59', verdict: 'close', hintsShown: 2 };

function storeWith(storage = new MemoryStorage(), now = ticking()) {
	return { storage, progress: createProgressStore(storage, now) };
}

describe('saving and restoring answers', () => {
	it('saves the same four verdicts the judge gives', () => {
		expectTypeOf<Verdict>().toEqualTypeOf<JudgeVerdict>();
	});

	it('gives back an entry exactly as it was saved, with the time of the change', () => {
		const { progress } = storeWith(new MemoryStorage(), () => new Date('2025-03-01T10:00:00Z'));
		expect(progress.saveEntry(SLUG, 'original', 'network:out_h1', wrong)).toBe(true);
		expect(progress.lessonProgress(SLUG, 'original')).toEqual({
			entries: { 'network:out_h1': { ...wrong, at: '2025-03-01T10:00:00.000Z' } },
			updatedAt: '2025-03-01T10:00:00.000Z'
		});
	});

	it('restores every answer in a new store on the same storage, as after a reload', () => {
		const { storage, progress } = storeWith();
		progress.saveEntry(SLUG, 'original', 'network:out_h1', right);
		progress.saveEntry(SLUG, 'v17', 'network:out_h1', wrong);
		const reloaded = createProgressStore(storage);
		expect(reloaded.load()).toEqual(progress.load());
		expect(reloaded.lessonProgress(SLUG, 'v17')?.entries['network:out_h1']).toMatchObject(wrong);
	});

	it('replaces an entry when the learner answers the same quantity again', () => {
		const { progress } = storeWith();
		progress.saveEntry(SLUG, 'original', 'network:out_h1', wrong);
		progress.saveEntry(SLUG, 'original', 'network:out_h1', right);
		expect(progress.lessonProgress(SLUG, 'original')?.entries).toEqual({ 'network:out_h1': { ...right, at: expect.any(String) } });
	});

	it('keeps the variants of one lesson apart', () => {
		const { progress } = storeWith();
		progress.saveEntry(SLUG, variantKey(17), 'network:out_h1', right);
		expect(progress.lessonProgress(SLUG, variantKey(null))).toBeUndefined();
		expect(progress.lessonProgress(SLUG, 'v17')?.entries['network:out_h1']).toMatchObject(right);
	});

	it('refuses an invalid variant, key or entry without saving anything', () => {
		const { storage, progress } = storeWith();
		expect(progress.saveEntry(SLUG, 'v0', 'network:out_h1', right)).toBe(false);
		expect(progress.saveEntry(SLUG, 'original', '__proto__', right)).toBe(false);
		expect(progress.saveEntry('', 'original', 'network:out_h1', right)).toBe(false);
		expect(progress.saveEntry(SLUG, 'original', 'k', { text: 'x'.repeat(5000), verdict: 'correct' })).toBe(false);
		expect(progress.saveEntry(SLUG, 'original', 'k', { text: '1', verdict: 'maybe' } as unknown as Entry)).toBe(false);
		expect(storage.items.size).toBe(0);
	});

	it('treats a lesson named like an Object method as a lesson, not as inherited data', () => {
		const { progress } = storeWith();
		expect(progress.lessonProgress('constructor', 'original')).toBeUndefined();
		expect(progress.completion('constructor', 3)).toEqual({ done: 0, total: 3 });
		progress.saveEntry('constructor', 'original', 'network:toString', right);
		expect(progress.lessonProgress('constructor', 'original')?.entries).toEqual({ 'network:toString': { ...right, at: expect.any(String) } });
		expect(({} as Record<string, unknown>).original).toBeUndefined();
	});

	it('returns copies: changing what load() gave does not change what is saved', () => {
		const { progress } = storeWith();
		progress.saveEntry(SLUG, 'original', 'network:out_h1', right);
		const loaded = progress.load();
		delete loaded.lessons[SLUG];
		expect(progress.lessonProgress(SLUG, 'original')).toBeDefined();
	});
});

describe('resetting', () => {
	function twoLessons() {
		const made = storeWith();
		made.progress.saveEntry('a', 'original', 'network:x', right);
		made.progress.saveEntry('a', 'v3', 'network:x', right);
		made.progress.saveEntry('b', 'original', 'network:x', right);
		return made;
	}

	it('resets one variant of a lesson and keeps its other variants and other lessons', () => {
		const { progress } = twoLessons();
		progress.resetLesson('a', 'v3');
		expect(Object.keys(progress.load().lessons.a ?? {})).toEqual(['original']);
		expect(progress.lessonProgress('b', 'original')).toBeDefined();
	});

	it('resets every variant of one lesson and keeps the other lessons', () => {
		const { storage, progress } = twoLessons();
		progress.resetLesson('a');
		expect(Object.keys(createProgressStore(storage).load().lessons)).toEqual(['b']);
	});

	it('resets everything, also after a reload', () => {
		const { storage, progress } = twoLessons();
		progress.resetAll();
		expect(progress.load().lessons).toEqual({});
		expect(createProgressStore(storage).load().lessons).toEqual({});
	});
});

describe('completion on the catalogue', () => {
	it('counts entries answered correctly or revealed, not close or incorrect ones', () => {
		const { progress } = storeWith();
		progress.saveEntry(SLUG, 'original', 'network:a', right);
		progress.saveEntry(SLUG, 'original', 'network:b', { text: '', verdict: 'incorrect', revealed: true });
		progress.saveEntry(SLUG, 'original', 'network:c', wrong);
		progress.saveEntry(SLUG, 'original', 'network:d', { text: '7', verdict: 'incorrect' });
		expect(progress.completion(SLUG, 10)).toEqual({ done: 2, total: 10 });
	});

	it('counts the asked variant only, the original by default', () => {
		const { progress } = storeWith();
		progress.saveEntry(SLUG, 'v5', 'network:a', right);
		expect(progress.completion(SLUG, 4)).toEqual({ done: 0, total: 4 });
		expect(progress.completion(SLUG, 4, 'v5')).toEqual({ done: 1, total: 4 });
	});

	it('never reports more done than asked (a lesson that now asks fewer questions)', () => {
		const { progress } = storeWith();
		for (const q of ['a', 'b', 'c']) progress.saveEntry(SLUG, 'original', `network:${q}`, right);
		expect(progress.completion(SLUG, 2)).toEqual({ done: 2, total: 2 });
		expect(progress.completion(SLUG, Number.NaN)).toEqual({ done: 0, total: 0 });
	});
});

describe('export and import', () => {
	it('exports readable JSON with the version, the time of export and the lessons', () => {
		const { progress } = storeWith(new MemoryStorage(), () => new Date('2025-03-01T10:00:00Z'));
		progress.saveEntry(SLUG, 'original', 'network:out_h1', right);
		const text = progress.exportJson();
		expect(text).toContain('\n  "version": 1');
		expect(JSON.parse(text)).toMatchObject({
			app: 'backprop-tutor',
			version: 1,
			exportedAt: '2025-03-01T10:00:00.000Z',
			lessons: { [SLUG]: { original: { entries: { 'network:out_h1': right } } } }
		});
	});

	it('imports an export into an empty store, which then holds the same progress', () => {
		const { progress } = storeWith();
		progress.saveEntry('a', 'original', 'network:x', right);
		progress.saveEntry('b', 'v9', 'network:y', wrong);
		const other = storeWith().progress;
		expect(other.importJson(progress.exportJson())).toMatchObject({ ok: true, changes: { added: 2, replaced: 0 } });
		expect(other.load()).toEqual(progress.load());
	});

	it('keeps, for each answer, the side changed more recently', () => {
		const clock = ticking();
		const here = createProgressStore(new MemoryStorage(), clock);
		const there = createProgressStore(new MemoryStorage(), clock);
		there.saveEntry('a', 'original', 'network:x', { text: 'old', verdict: 'incorrect' });
		here.saveEntry('a', 'original', 'network:x', { text: 'new', verdict: 'correct' });
		here.saveEntry('b', 'original', 'network:x', { text: 'old', verdict: 'incorrect' });
		there.saveEntry('b', 'original', 'network:x', { text: 'new', verdict: 'correct' });

		expect(here.importJson(there.exportJson())).toMatchObject({ ok: true, changes: { added: 0, replaced: 1, keptLocal: 1 } });
		expect(here.lessonProgress('a', 'original')?.entries['network:x']?.text).toBe('new');
		expect(here.lessonProgress('b', 'original')?.entries['network:x']?.text).toBe('new');
	});

	it('changes nothing when the same file is imported twice', () => {
		const { progress } = storeWith();
		progress.saveEntry('a', 'original', 'network:x', right);
		const file = progress.exportJson();
		expect(progress.importJson(file)).toMatchObject({ ok: true, changes: { added: 0, replaced: 0, keptLocal: 0 } });
	});

	it.each([
		['text that is not JSON', 'hello'],
		['a JSON list', '[1, 2]'],
		['another app’s file', JSON.stringify({ app: 'other', version: 1, lessons: {} })],
		['JSON without lessons', JSON.stringify({ version: 1 })],
		['JSON without a version', JSON.stringify({ lessons: {} })],
		['version 0', JSON.stringify({ version: 0, lessons: {} })]
	])('refuses %s as not progress, in plain words', (_, text) => {
		expect(storeWith().progress.importJson(text)).toEqual({ ok: false, message: IMPORT_MESSAGES.notProgress });
		expect(IMPORT_MESSAGES.notProgress).toMatch(/^This file is not Backprop Tutor progress/);
	});

	it('refuses a file from a newer version, saying so', () => {
		const result = storeWith().progress.importJson(JSON.stringify({ app: 'backprop-tutor', version: 2, lessons: {} }));
		expect(result).toEqual({ ok: false, message: IMPORT_MESSAGES.newer });
		expect(IMPORT_MESSAGES.newer).toMatch(/^This file is from a newer version/);
	});

	it('refuses a file too large to be progress without reading it', () => {
		const result = storeWith().progress.importJson(' '.repeat(6_000_000));
		expect(result).toEqual({ ok: false, message: IMPORT_MESSAGES.tooLarge });
	});

	it('imports the valid lessons of a partly damaged file', () => {
		const file = JSON.stringify({
			version: 1,
			lessons: {
				a: { original: { entries: { 'network:x': right }, updatedAt: '2025-01-01T00:00:00.000Z' } },
				b: { original: { entries: null, updatedAt: 'yesterday' } }
			}
		});
		const { progress } = storeWith();
		expect(progress.importJson(file)).toMatchObject({ ok: true, changes: { added: 1, damaged: true } });
		expect(progressSchema.safeParse(progress.load()).success).toBe(true);
	});
});

describe('storage that fails', () => {
	it('works in memory when every storage call throws a SecurityError, reporting it unavailable', () => {
		const progress = createProgressStore(new FailingStorage('everything'));
		expect(() => progress.load()).not.toThrow();
		expect(progress.saveEntry(SLUG, 'original', 'network:x', right)).toBe(true);
		expect(progress.lessonProgress(SLUG, 'original')?.entries['network:x']).toMatchObject(right);
		expect(progress.available).toBe(false);
		expect(() => progress.resetAll()).not.toThrow();
		expect(progress.importJson(createProgressStore(null).exportJson())).toMatchObject({ ok: true, changes: { added: 0 } });
	});

	it('keeps the answer in memory when saving exceeds the quota, and keeps what was saved before', () => {
		const storage = new FailingStorage('writes');
		storage.items.set(STORAGE_KEY, JSON.stringify({ version: 1, lessons: { a: { original: { entries: { 'network:x': right }, updatedAt: '2025-01-01T00:00:00.000Z' } } } }));
		const progress = createProgressStore(storage);
		expect(progress.available).toBe(true);
		progress.saveEntry(SLUG, 'original', 'network:y', wrong);
		expect(progress.available).toBe(false);
		expect(Object.keys(progress.load().lessons).sort()).toEqual(['a', SLUG].sort());
	});

	it('finds no browser storage where merely touching localStorage throws a SecurityError', () => {
		Object.defineProperty(globalThis, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
		try {
			expect(browserStorage()).toBeNull();
		} finally {
			delete (globalThis as { localStorage?: unknown }).localStorage;
		}
	});

	it('works without any storage at all (server rendering, a worker)', () => {
		const progress = createProgressStore(null);
		expect(progress.available).toBe(false);
		progress.saveEntry(SLUG, 'original', 'network:x', right);
		expect(progress.completion(SLUG, 1)).toEqual({ done: 1, total: 1 });
	});

	it('survives a clock that gives an invalid date', () => {
		const progress = createProgressStore(new MemoryStorage(), () => new Date(Number.NaN));
		expect(progress.saveEntry(SLUG, 'original', 'network:x', right)).toBe(true);
		expect(progressSchema.safeParse(progress.load()).success).toBe(true);
	});
});
