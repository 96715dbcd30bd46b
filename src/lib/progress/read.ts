import { migrate, versionOf } from './migrate';
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
	try {
		const data: unknown = JSON.parse(raw);
		return readData(data);
	} catch {
		return { progress: emptyProgress(), status: 'unreadable' };
	}
}

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
