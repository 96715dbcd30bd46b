import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	answerCount, BACKUP_PREFIX, createProgressStore, IMPORT_BACKUP_KEY, STORAGE_KEY,
	type Entry, type Progress
} from '$lib/progress';
import { MemoryStorage, QuotaStorage, ticking } from './helpers';

const TIME = '2025-03-01T10:00:00.000Z';
const answer = (text: string, verdict: Entry['verdict'] = 'correct'): Entry => ({ text, verdict });
/** Saved progress text with `n` answers in one lesson. */
function savedWith(n: number, updatedAt = TIME) {
	const entries = Object.fromEntries(Array.from({ length: n }, (_, i) => [`network:q${i}`, answer(String(i))]));
	return JSON.stringify({ version: 1, lessons: { a: { original: { entries, updatedAt } } } });
}
const entriesOf = (progress: Progress, slug = 'a', variant = 'original') => progress.lessons[slug]?.[variant]?.entries ?? {};

describe('damaged saved progress is kept, shown and restorable', () => {
	it('reads the answers of saved text that lost its last closing brace', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, savedWith(3).slice(0, -1));
		const progress = createProgressStore(storage, () => new Date(TIME));
		expect(Object.keys(entriesOf(progress.load()))).toEqual(['network:q0', 'network:q1', 'network:q2']);
		expect(storage.keys(BACKUP_PREFIX)).toHaveLength(1);
	});

	it('reads the answers written before saved text was cut off mid-entry', () => {
		const storage = new MemoryStorage();
		const full = savedWith(5);
		storage.setItem(STORAGE_KEY, full.slice(0, full.indexOf('network:q4') + 4));
		expect(answerCount(createProgressStore(storage).load())).toBe(4);
	});

	it('tells the learner of a damaged copy: its text to download and how many answers can be read', () => {
		const storage = new MemoryStorage();
		const raw = savedWith(2).replace('"verdict":"correct"', '"verdict":"maybe"');
		storage.setItem(STORAGE_KEY, raw);
		const progress = createProgressStore(storage, () => new Date(TIME));
		expect(progress.health()).toEqual({
			storage: 'ok',
			damaged: [{ key: `${BACKUP_PREFIX}${TIME}`, foundAt: TIME, text: raw, answers: 1, inPlace: false }]
		});
	});

	it('restores the readable answers of a copy from a newer version, merging them with newer work', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, savedWith(3).replace('"version":1', '"version":99'));
		const progress = createProgressStore(storage, ticking('2025-06-01T00:00:00.000Z'));
		expect(progress.load().lessons).toEqual({});
		progress.saveEntry('a', 'original', 'network:q0', answer('newer', 'incorrect'));
		const [copy] = progress.health().damaged;
		const result = progress.restoreDamaged(copy?.key as string);
		expect(result.ok).toBe(true);
		expect(result.message).toMatch(/^Restored 2 answers/);
		const entries = entriesOf(createProgressStore(storage).load());
		expect(Object.keys(entries).sort()).toEqual(['network:q0', 'network:q1', 'network:q2']);
		expect(entries['network:q0']?.text).toBe('newer');
		// The copy stays until the learner deletes it.
		expect(storage.keys(BACKUP_PREFIX)).toHaveLength(1);
		expect(progress.discardDamaged(copy?.key as string).ok).toBe(true);
		expect(progress.health().damaged).toEqual([]);
	});

	it('keeps saving after a 5 MB damaged value filled the storage, once the learner keeps what is readable', () => {
		const storage = new QuotaStorage(5_000_000);
		const damaged = savedWith(2).slice(0, -2) + `, "junk": "${'x'.repeat(4_900_000)}`;
		storage.setItem(STORAGE_KEY, damaged);
		const first = createProgressStore(storage);
		expect(first.load().lessons.a).toBeDefined();
		const health = first.health();
		expect(health.storage).toBe('full');
		expect(health.damaged).toEqual([{ key: STORAGE_KEY, text: damaged, answers: 2, inPlace: true }]);
		// An answer typed now is kept in memory meanwhile, and saved once there is room.
		first.saveEntry('b', 'original', 'network:x', answer('0.5'));
		expect(first.restoreDamaged(STORAGE_KEY).ok).toBe(true);
		expect(first.health()).toEqual({ storage: 'ok', damaged: [] });
		const reloaded = createProgressStore(storage).load();
		expect(answerCount(reloaded)).toBe(3);
		expect(entriesOf(reloaded, 'b')['network:x']?.text).toBe('0.5');
	});

	it('reports a save that hits the storage quota to whoever listens, when it happens', () => {
		const storage = new QuotaStorage(200);
		const progress = createProgressStore(storage);
		const heard: string[] = [];
		progress.subscribe(() => heard.push(progress.health().storage));
		progress.saveEntry('a', 'original', 'network:x', answer('1'));
		expect(heard).toEqual([]);
		progress.saveEntry('a', 'original', 'network:y', answer('2'.repeat(300)));
		expect(heard).toEqual(['full']);
		expect(progress.available).toBe(false);
		expect(entriesOf(progress.load())['network:y']).toBeDefined();
	});

	it('clears everything on reset: progress, damaged copies and the import backup', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, 'not json');
		storage.setItem('other-site-data', 'kept');
		const progress = createProgressStore(storage);
		progress.load();
		progress.importJson(savedWith(1));
		expect(storage.keys('backprop-tutor:').length).toBeGreaterThan(1);
		expect(progress.resetAll()).toBe(true);
		expect(storage.keys('backprop-tutor:')).toEqual([]);
		expect(storage.getItem('other-site-data')).toBe('kept');
		expect(progress.health()).toEqual({ storage: 'ok', damaged: [] });
	});

	it('clears damaged text that had no room to be copied', () => {
		const storage = new QuotaStorage(1000);
		storage.setItem(STORAGE_KEY, `{"version":1,"lessons":${'['.repeat(600)}`);
		const progress = createProgressStore(storage);
		expect(progress.health().damaged).toHaveLength(1);
		expect(progress.resetAll()).toBe(true);
		expect(storage.items.size).toBe(0);
		expect(progress.saveEntry('a', 'original', 'network:x', answer('1'))).toBe(true);
		expect(storage.getItem(STORAGE_KEY)).toContain('network:x');
	});
});

describe('import merges answer by answer', () => {
	it('keeps the ten answers here when a later file has one, and says what changed', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, savedWith(10, '2025-01-01T00:00:00.000Z'));
		const progress = createProgressStore(storage, () => new Date(TIME));
		const file = JSON.stringify({
			app: 'backprop-tutor', version: 1,
			lessons: { a: { original: { entries: { 'network:q0': answer('zero', 'incorrect'), 'network:new': answer('7') }, updatedAt: '2025-02-01T00:00:00.000Z' } } }
		});
		const result = progress.importJson(file);
		expect(result).toMatchObject({ ok: true, changes: { added: 1, replaced: 1, keptLocal: 0, lessons: ['a'] } });
		expect(result.message).toMatch(/^Imported 1 new answer and 1 newer answer in place of older ones, in 1 lesson\./);
		const entries = entriesOf(progress.load());
		expect(Object.keys(entries)).toHaveLength(11);
		expect(entries['network:q0']?.text).toBe('zero');
	});

	it('keeps an answer here that is newer than the file’s', () => {
		const clock = ticking();
		const here = createProgressStore(new MemoryStorage(), clock);
		const there = createProgressStore(new MemoryStorage(), clock);
		there.saveEntry('a', 'original', 'network:x', answer('old', 'incorrect'));
		here.saveEntry('a', 'original', 'network:x', answer('new'));
		there.saveEntry('a', 'original', 'network:y', answer('later elsewhere'));
		// The file's lesson is newer as a whole, but its x is older than the one here.
		const result = here.importJson(there.exportJson());
		expect(result).toMatchObject({ ok: true, changes: { added: 1, replaced: 0, keptLocal: 1 } });
		expect(result.message).toContain('1 answer here was as new or newer and kept');
		expect(entriesOf(here.load())['network:x']?.text).toBe('new');
	});

	it('keeps a backup of the progress here that one call restores', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, savedWith(2, '2025-01-01T00:00:00.000Z'));
		const progress = createProgressStore(storage, () => new Date(TIME));
		const before = progress.load();
		progress.importJson(savedWith(5, '2025-02-01T00:00:00.000Z').replaceAll('"text":"', '"text":"other '));
		expect(answerCount(progress.load())).toBe(5);
		expect(progress.health().importBackup).toEqual({ at: TIME, answers: 2 });
		expect(progress.undoImport().ok).toBe(true);
		expect(createProgressStore(storage).load()).toEqual(before);
		expect(storage.getItem(IMPORT_BACKUP_KEY)).toBeNull();
		expect(progress.undoImport().ok).toBe(false);
	});

	it('says so when a file brings nothing new, and makes no backup', () => {
		const storage = new MemoryStorage();
		storage.setItem(STORAGE_KEY, savedWith(2));
		const progress = createProgressStore(storage);
		const result = progress.importJson(progress.exportJson());
		expect(result.message).toMatch(/^Nothing new/);
		expect(storage.getItem(IMPORT_BACKUP_KEY)).toBeNull();
	});

	it('never loses an answer of either side, and keeps the newer one of each (property)', () => {
		const time = fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2026-01-01') }).map((t) => new Date(t).toISOString());
		const entries = fc.dictionary(fc.constantFrom('network:a', 'network:b', 'network:c', 'network:d'), fc.record({ text: fc.string({ maxLength: 5 }), verdict: fc.constantFrom('correct', 'incorrect'), at: time }));
		const side = fc.dictionary(fc.constantFrom('l1', 'l2'), fc.dictionary(fc.constantFrom('original', 'v3'), fc.record({ entries, updatedAt: time })));
		fc.assert(
			fc.property(side, side, (mine, theirs) => {
				const storage = new MemoryStorage();
				storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, lessons: mine }));
				const progress = createProgressStore(storage);
				const result = progress.importJson(JSON.stringify({ version: 1, lessons: theirs }));
				expect(result.ok).toBe(true);
				const merged = progress.load().lessons;
				for (const [slug, variants] of Object.entries({ ...theirs, ...mine })) {
					for (const variant of Object.keys(variants)) {
						const a = mine[slug]?.[variant]?.entries ?? {};
						const b = theirs[slug]?.[variant]?.entries ?? {};
						for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
							const got = merged[slug]?.[variant]?.entries[key];
							const x = a[key];
							const y = b[key];
							const want = x && y ? (Date.parse(y.at) > Date.parse(x.at) ? y : x) : (x ?? y);
							expect(got?.text).toBe(want?.text);
						}
					}
				}
			}),
			{ numRuns: 300 }
		);
	});
});
