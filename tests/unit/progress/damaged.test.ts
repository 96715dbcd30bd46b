import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKUP_PREFIX, createProgressStore, progressSchema, readProgress, STORAGE_KEY, type Progress } from '$lib/progress';
import { FailingStorage, MemoryStorage } from './helpers';

const TIME = '2025-03-01T10:00:00.000Z';
const good = { text: '0.5933', verdict: 'correct' };
const lesson = (entries: unknown, updatedAt: unknown = TIME) => ({ original: { entries, updatedAt } });
const saved = (lessons: unknown, version: unknown = 1) => JSON.stringify({ version, lessons });

/** Loads `raw` as saved text into a fresh store and returns what it holds and the storage. */
function loadFrom(raw: string) {
	const storage = new MemoryStorage();
	storage.items.set(STORAGE_KEY, raw);
	const progress = createProgressStore(storage, () => new Date(TIME));
	return { loaded: progress.load(), storage, progress };
}

type Case = { name: string; raw: string; kept: Progress['lessons'] };
const kept = (entries: Record<string, unknown>, updatedAt = TIME) => ({ original: { entries, updatedAt } }) as Progress['lessons'][string];

const DAMAGED: Case[] = [
	{ name: 'text that is not JSON', raw: '{"version": 1, "lessons": {', kept: {} },
	{ name: 'JSON that is not an object', raw: '[1, 2, 3]', kept: {} },
	{ name: 'the JSON value null', raw: 'null', kept: {} },
	{ name: 'lessons given as a list', raw: saved([lesson({ 'network:x': good })]), kept: {} },
	{ name: 'a version written as text', raw: saved({ a: lesson({ 'network:x': good }) }, '1'), kept: { a: kept({ 'network:x': good }) } },
	{
		name: 'an entry whose verdict is “maybe”, beside a valid one',
		raw: saved({ a: lesson({ 'network:x': good, 'network:y': { text: '1', verdict: 'maybe' } }) }),
		kept: { a: kept({ 'network:x': good }) }
	},
	{
		name: 'a lesson whose entries are null, beside a valid lesson',
		raw: saved({ a: lesson(null), b: lesson({ 'network:x': good }) }),
		kept: { b: kept({ 'network:x': good }) }
	},
	{
		name: 'wrong types in every field of an entry but text and verdict',
		raw: saved({ a: lesson({ 'network:x': { ...good, revealed: 'yes', hintsShown: -1, extra: true } }) }),
		kept: { a: kept({ 'network:x': good }) }
	},
	{
		name: 'hints shown as a fraction, beside a valid revealed flag',
		raw: saved({ a: lesson({ 'network:x': { ...good, revealed: true, hintsShown: 1.5 } }) }),
		kept: { a: kept({ 'network:x': { ...good, revealed: true } }) }
	},
	{
		name: 'a text that is a number',
		raw: saved({ a: lesson({ 'network:x': { text: 0.5933, verdict: 'correct' }, 'network:y': good }) }),
		kept: { a: kept({ 'network:y': good }) }
	},
	{
		name: 'a huge text and a huge key, beside a valid entry',
		raw: saved({ a: lesson({ 'network:x': { text: '9'.repeat(1_000_000), verdict: 'incorrect' }, ['k'.repeat(100_000)]: good, 'network:y': good }) }),
		kept: { a: kept({ 'network:y': good }) }
	},
	{
		name: 'an unreadable time of change',
		raw: saved({ a: lesson({ 'network:x': good }, 'last Tuesday') }),
		kept: { a: kept({ 'network:x': good }, '1970-01-01T00:00:00.000Z') }
	},
	{
		name: 'an unknown variant key beside the original',
		raw: saved({ a: { ...lesson({ 'network:x': good }), remix: { entries: { 'network:x': good }, updatedAt: TIME } } }),
		kept: { a: kept({ 'network:x': good }) }
	},
	{ name: 'version 99, from a newer app', raw: saved({ a: lesson({ 'network:x': good }) }, 99), kept: {} },
	{
		name: 'prototype-polluting keys at every level',
		raw: `{"version":1,"lessons":{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":2},"original":{"updatedAt":"${TIME}","entries":{"__proto__":{"text":"1","verdict":"correct"},"network:x":${JSON.stringify(good)}}}}}}`,
		kept: { a: kept({ 'network:x': good }) }
	}
];

describe('damaged saved progress', () => {
	it.each(DAMAGED)('keeps what can be kept of $name', ({ raw, kept: expected }) => {
		const { loaded } = loadFrom(raw);
		expect(loaded).toEqual({ version: 1, lessons: expected });
		expect(progressSchema.safeParse(loaded).success).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each(DAMAGED.filter((c) => !c.name.startsWith('prototype')))(
		'copies the saved text of $name to a backup key before cleaning it up',
		({ raw }) => {
			const { storage } = loadFrom(raw);
			const backups = storage.keys(BACKUP_PREFIX);
			expect(backups).toEqual([`${BACKUP_PREFIX}${TIME}`]);
			expect(storage.getItem(backups[0] as string)).toBe(raw);
			expect(readProgress(storage.getItem(STORAGE_KEY)).status).toBe('ok');
		}
	);

	it('backs damaged text up once, not at every load', () => {
		const { storage, progress } = loadFrom('not json');
		progress.load();
		createProgressStore(storage, () => new Date(TIME)).load();
		expect(storage.keys(BACKUP_PREFIX)).toHaveLength(1);
	});

	it('keeps an earlier backup when new damage is found at the same time', () => {
		const storage = new MemoryStorage();
		storage.items.set(`${BACKUP_PREFIX}${TIME}`, 'first');
		storage.items.set(STORAGE_KEY, 'second');
		createProgressStore(storage, () => new Date(TIME)).load();
		expect(storage.getItem(`${BACKUP_PREFIX}${TIME}`)).toBe('first');
		expect(storage.getItem(`${BACKUP_PREFIX}${TIME}-2`)).toBe('second');
	});

	it('does not write over damaged text it could not back up, working in memory instead', () => {
		const storage = new FailingStorage('writes');
		storage.items.set(STORAGE_KEY, 'not json');
		const progress = createProgressStore(storage);
		progress.saveEntry('a', 'original', 'network:x', { text: '1', verdict: 'correct' });
		expect(storage.getItem(STORAGE_KEY)).toBe('not json');
		expect(progress.available).toBe(false);
		expect(progress.completion('a', 1)).toEqual({ done: 1, total: 1 });
	});

	it('reads version 0 (a plain map of correct answers) as correct entries of unknown age', () => {
		const { loaded, storage } = loadFrom(JSON.stringify({ 'backprop-step-by-step': { out_h1: '0.5933', 'dE/dw5': '0.0822' } }));
		expect(loaded.lessons).toEqual({
			'backprop-step-by-step': kept(
				{ 'network:out_h1': { text: '0.5933', verdict: 'correct' }, 'network:dE/dw5': { text: '0.0822', verdict: 'correct' } },
				'1970-01-01T00:00:00.000Z'
			)
		});
		expect(readProgress(storage.getItem(STORAGE_KEY)).status).toBe('migrated');
		expect(storage.keys(BACKUP_PREFIX)).toEqual([]);
	});

	it('keeps the readable answers of damaged version 0 data', () => {
		const { loaded } = loadFrom(JSON.stringify({ a: { out_h1: '0.5933', net_h1: 7 }, b: 'oops' }));
		expect(loaded.lessons).toEqual({ a: kept({ 'network:out_h1': { text: '0.5933', verdict: 'correct' } }, '1970-01-01T00:00:00.000Z') });
	});
});

describe('loading any saved text (property)', () => {
	const anything = fc.anything({ withNullPrototype: true, withObjectString: true });
	const verdict = fc.oneof(fc.constantFrom('correct', 'close', 'incorrect', 'unreadable'), anything);
	const entry = fc.oneof(fc.record({ text: fc.oneof(fc.string(), anything), verdict, revealed: anything, hintsShown: fc.oneof(fc.nat(), anything) }, { requiredKeys: [] }), anything);
	const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'original', 'v17', 'v0', 'toString'));
	const lessonLike = fc.record({ entries: fc.oneof(fc.dictionary(key, entry), anything), updatedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anything) }, { requiredKeys: [] });
	const progressLike = fc.record({
		version: fc.oneof(fc.constantFrom(0, 1, 2, 99, -1, 1.5), anything),
		lessons: fc.oneof(fc.dictionary(key, fc.oneof(fc.dictionary(key, lessonLike), anything)), anything)
	}, { requiredKeys: [] });
	const savedText = fc.oneof(
		fc.string({ unit: 'binary' }),
		fc.json(),
		progressLike.map((p) => JSON.stringify(p) ?? 'undefined'),
		// Valid saved text cut short, as a full disk might leave it.
		fc.tuple(progressLike.map((p) => JSON.stringify(p) ?? ''), fc.nat()).map(([t, n]) => t.slice(0, n))
	);

	it('never throws and always gives valid progress, which reads back unchanged', () => {
		fc.assert(
			fc.property(savedText, (raw) => {
				const { loaded, storage } = loadFrom(raw);
				expect(progressSchema.safeParse(loaded).success).toBe(true);
				const again = readProgress(storage.getItem(STORAGE_KEY));
				expect(again.progress).toEqual(loaded);
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			}),
			{ numRuns: 500 }
		);
	});
});
