import { field, isRecord, ownEntries } from './salvage';
import { ORIGINAL, PROGRESS_VERSION, UNKNOWN_TIME } from './types';

/**
 * Saved data from older versions, brought up to the current one step by step. To change the
 * format: bump PROGRESS_VERSION, add `MIGRATIONS[old]` turning old data into new, and keep the
 * old step. Each step may leave invalid parts in place: salvage.ts sorts them out afterwards.
 */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
	/**
	 * Version 0 (never shipped; it shows the mechanism) was `{ [slug]: { [quantity]: text } }`:
	 * only correct answers, of the lesson's single network, with no time. They become verdict
	 * `correct` under `network:quantity` for the original numbers, of unknown age.
	 */
	0: (data) => ({
		version: 1,
		lessons: Object.fromEntries(
			ownEntries(data).map(([slug, answers]) => [
				slug,
				{
					[ORIGINAL]: {
						entries: isRecord(answers)
							? Object.fromEntries(ownEntries(answers).map(([q, text]) => [`network:${q}`, { text, verdict: 'correct' }]))
							: answers,
						updatedAt: UNKNOWN_TIME
					}
				}
			])
		)
	})
};

/**
 * The version data says it has: its `version` when that is a whole number; else 1 when it has
 * `lessons` (current data with a damaged version), else 0 (the plain map of version 0).
 */
export function versionOf(data: Record<string, unknown>): number {
	const version = field(data, 'version');
	if (typeof version === 'number' && Number.isInteger(version) && version >= 0) return version;
	return isRecord(field(data, 'lessons')) ? PROGRESS_VERSION : 0;
}

/** Data of `version` (≤ current) brought to the current version. */
export function migrate(data: Record<string, unknown>, version: number): Record<string, unknown> {
	let current = data;
	for (let v = version; v < PROGRESS_VERSION; v++) {
		const step = MIGRATIONS[v];
		if (!step) throw new Error(`no migration from progress version ${v}`);
		current = step(current);
	}
	return current;
}
