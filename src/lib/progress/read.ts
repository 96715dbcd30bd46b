import { migrate, versionOf } from './migrate';
import { parseTruncatedJson } from './repair';
import { isRecord, salvageProgress } from './salvage';
import { progressSchema } from './schema';
import { emptyProgress, PROGRESS_VERSION, type Progress } from './types';

/**
 * How saved text was read:
 * - `empty`: nothing saved yet;
 * - `ok`: current data, read in full;
 * - `migrated`: data of an older version, brought up to date in full;
 * - `repaired`: some parts were damaged and left out (the rest is kept);
 * - `unreadable`: not JSON, or not progress at all: nothing could be kept;
 * - `newer`: written by a newer version of the app, which this one cannot read.
 * The last three lose something, so the caller keeps the raw text as a backup.
 */
export type ReadStatus = 'empty' | 'ok' | 'migrated' | 'repaired' | 'unreadable' | 'newer';
export type ReadResult = { progress: Progress; status: ReadStatus };

export const losesData = (status: ReadStatus) => status === 'repaired' || status === 'unreadable' || status === 'newer';

/** Reads saved progress text of any age and state. Never throws. */
export function readProgress(raw: string | null): ReadResult {
	if (raw === null) return { progress: emptyProgress(), status: 'empty' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		// Text cut short (one missing brace): what was written before the cut is still readable.
		const repaired = typeof raw === 'string' ? parseTruncatedJson(raw) : undefined;
		if (!repaired) return { progress: emptyProgress(), status: 'unreadable' };
		const result = readData(repaired.value);
		return { progress: result.progress, status: result.status === 'newer' ? 'newer' : isEmpty(result.progress) ? 'unreadable' : 'repaired' };
	}
	return readData(data);
}

/**
 * Everything readable in saved text, however damaged, for a learner who asks to restore it:
 * like readProgress, but data of a newer version is read field by field as the current one
 * (only fields that pass the current schema are kept). Never throws.
 */
export function readWhatIsReadable(raw: string): Progress {
	const read = readProgress(raw);
	if (read.status !== 'newer') return read.progress;
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		data = parseTruncatedJson(raw)?.value;
	}
	return salvageProgress(data);
}

/** How many answers progress holds, over every lesson and variant. */
export const answerCount = (progress: Progress): number =>
	Object.values(progress.lessons).reduce(
		(n, variants) => n + Object.values(variants).reduce((m, l) => m + Object.keys(l.entries).length, 0),
		0
	);

const isEmpty = (progress: Progress) => Object.keys(progress.lessons).length === 0;

/** Reads parsed JSON data as progress (see readProgress). */
export function readData(data: unknown): ReadResult {
	if (!isRecord(data)) return { progress: emptyProgress(), status: 'unreadable' };
	const version = versionOf(data);
	if (version > PROGRESS_VERSION) return { progress: emptyProgress(), status: 'newer' };
	const current = migrate(data, version);
	const exact = progressSchema.safeParse(current);
	if (exact.success) return { progress: exact.data, status: version < PROGRESS_VERSION ? 'migrated' : 'ok' };
	return { progress: salvageProgress(current), status: 'repaired' };
}
