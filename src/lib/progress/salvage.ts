import { hintsSchema, keySchema, textSchema, timeSchema, variantKeySchema, verdictSchema } from './schema';
import { PROGRESS_VERSION, UNKNOWN_TIME, type Entry, type LessonProgress, type Progress } from './types';

/**
 * Keeps every part of damaged progress that is still valid, field by field: an entry with a bad
 * `hintsShown` keeps its text and verdict; a lesson with one bad entry keeps the others; a lesson
 * with an unreadable `updatedAt` is kept as of unknown age. What cannot be read is left out.
 * Never throws; the result always passes progressSchema.
 */
export function salvageProgress(data: unknown): Progress {
	const lessons: Progress['lessons'] = {};
	for (const [slug, variants] of ownEntries(field(data, 'lessons'))) {
		if (!keySchema.safeParse(slug).success) continue;
		const kept: Record<string, LessonProgress> = {};
		for (const [variant, lesson] of ownEntries(variants)) {
			const salvaged = variantKeySchema.safeParse(variant).success ? salvageLesson(lesson) : undefined;
			if (salvaged) kept[variant] = salvaged;
		}
		if (Object.keys(kept).length > 0) lessons[slug] = kept;
	}
	return { version: PROGRESS_VERSION, lessons };
}

/** A lesson's progress, or undefined when it has no readable entries (nothing worth keeping). */
export function salvageLesson(data: unknown): LessonProgress | undefined {
	const entries: Record<string, Entry> = {};
	for (const [key, entry] of ownEntries(field(data, 'entries'))) {
		const salvaged = keySchema.safeParse(key).success ? salvageEntry(entry) : undefined;
		if (salvaged) entries[key] = salvaged;
	}
	if (Object.keys(entries).length === 0) return undefined;
	const time = timeSchema.safeParse(field(data, 'updatedAt'));
	return { entries, updatedAt: time.success ? time.data : UNKNOWN_TIME };
}

/** An entry needs its text and verdict; optional fields that are invalid are dropped alone. */
export function salvageEntry(data: unknown): Entry | undefined {
	const text = textSchema.safeParse(field(data, 'text'));
	const verdict = verdictSchema.safeParse(field(data, 'verdict'));
	if (!text.success || !verdict.success) return undefined;
	const entry: Entry = { text: text.data, verdict: verdict.data };
	const revealed = field(data, 'revealed');
	if (typeof revealed === 'boolean') entry.revealed = revealed;
	const hints = hintsSchema.safeParse(field(data, 'hintsShown'));
	if (hints.success) entry.hintsShown = hints.data;
	const at = timeSchema.safeParse(field(data, 'at'));
	if (at.success) entry.at = at.data;
	return entry;
}

export const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** An own property only: `constructor` or `toString` of a plain object are not data. */
export const field = (x: unknown, key: string): unknown =>
	isRecord(x) && Object.hasOwn(x, key) ? x[key] : undefined;

export const ownEntries = (x: unknown): Array<[string, unknown]> => (isRecord(x) ? Object.entries(x) : []);
