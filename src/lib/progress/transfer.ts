import { readData } from './read';
import { field, isRecord } from './salvage';
import { LIMITS, PROGRESS_VERSION, type Entry, type LessonProgress, type Progress } from './types';

/** Marks an exported file as ours; files without it are still read if they look like progress. */
export const APP = 'backprop-tutor';

export const IMPORT_MESSAGES = {
	notProgress: 'This file is not Backprop Tutor progress. Choose a file saved with “Export progress”.',
	newer: 'This file is from a newer version of Backprop Tutor. Reload the page to get the newest version, then import it again.',
	tooLarge: 'This file is too large to be Backprop Tutor progress.'
} as const;

/** What an import changed, answer by answer. */
export type ImportChanges = {
	/** Answers that were not here before. */
	added: number;
	/** Answers here replaced by the file's newer ones. */
	replaced: number;
	/** Answers of the file not taken because a different one here is as new or newer. */
	keptLocal: number;
	/** Lessons (by slug) that gained or changed an answer. */
	lessons: string[];
	/** The file had damaged parts, which were left out. */
	damaged: boolean;
};

export type ImportResult = { ok: true; changes: ImportChanges; message: string } | { ok: false; message: string };

/** The file a learner downloads: readable JSON, with what it is and when it was made. */
export function exportText(progress: Progress, exportedAt: string): string {
	return JSON.stringify({ app: APP, version: progress.version, exportedAt, lessons: progress.lessons }, null, 2);
}

/** The progress in an exported file (damaged parts left out), or a message for the learner. */
export function readExport(text: string): { ok: true; progress: Progress; damaged: boolean } | { ok: false; message: string } {
	if (typeof text !== 'string') return { ok: false, message: IMPORT_MESSAGES.notProgress };
	if (text.length > LIMITS.fileChars) return { ok: false, message: IMPORT_MESSAGES.tooLarge };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, message: IMPORT_MESSAGES.notProgress };
	}
	const app = field(data, 'app');
	const version = field(data, 'version');
	const lessons = field(data, 'lessons');
	// Only files that say what they are: a stray JSON file is not silently read as old progress.
	const looksLikeProgress = (app === undefined || app === APP) && isRecord(lessons) && typeof version === 'number';
	if (!looksLikeProgress || !Number.isInteger(version) || version < 1) return { ok: false, message: IMPORT_MESSAGES.notProgress };
	if (version > PROGRESS_VERSION) return { ok: false, message: IMPORT_MESSAGES.newer };
	const read = readData({ version, lessons });
	return { ok: true, progress: read.progress, damaged: read.status === 'repaired' };
}

/** When an entry was saved: its own time, else its lesson variant's (older data has no entry times). */
const timeOf = (entry: Entry, lesson: LessonProgress): number => {
	const t = Date.parse(entry.at ?? lesson.updatedAt);
	return Number.isNaN(t) ? 0 : t;
};
const later = (a: string, b: string) => (Date.parse(a) > Date.parse(b) ? a : b);
const same = (a: Entry, b: Entry) =>
	a.text === b.text && a.verdict === b.verdict && (a.revealed ?? false) === (b.revealed ?? false) && (a.hintsShown ?? 0) === (b.hintsShown ?? 0);

/**
 * `incoming` merged into `local` answer by answer: an answer found on one side only is kept; for
 * an answer on both sides the newer one wins (on equal times the local one stays), so answers of
 * two devices are combined and nothing newer is lost. A lesson variant's updatedAt becomes the
 * later of the two.
 */
export function mergeProgress(local: Progress, incoming: Progress): { progress: Progress; changes: Omit<ImportChanges, 'damaged'> } {
	const progress = structuredClone(local);
	const changes = { added: 0, replaced: 0, keptLocal: 0, lessons: [] as string[] };
	for (const [slug, variants] of Object.entries(incoming.lessons)) {
		const mine = Object.hasOwn(progress.lessons, slug) ? (progress.lessons[slug] as Record<string, LessonProgress>) : {};
		let changed = false;
		for (const [variant, theirs] of Object.entries(variants)) {
			const current = Object.hasOwn(mine, variant) ? mine[variant] : undefined;
			if (!current) {
				mine[variant] = structuredClone(theirs);
				changes.added += Object.keys(theirs.entries).length;
				changed = true;
				continue;
			}
			for (const [key, entry] of Object.entries(theirs.entries)) {
				const here = Object.hasOwn(current.entries, key) ? current.entries[key] : undefined;
				if (here && same(here, entry)) continue;
				if (here && !(timeOf(entry, theirs) > timeOf(here, current))) {
					changes.keptLocal++;
					continue;
				}
				if (here) changes.replaced++;
				else changes.added++;
				current.entries[key] = { ...structuredClone(entry), at: entry.at ?? theirs.updatedAt };
				changed = true;
			}
			current.updatedAt = later(current.updatedAt, theirs.updatedAt);
		}
		if (Object.keys(mine).length > 0) progress.lessons[slug] = mine;
		if (changed) changes.lessons.push(slug);
	}
	return { progress, changes };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an import did, in one or two sentences for the learner. */
export function describeImport(changes: ImportChanges): string {
	const { added, replaced, keptLocal, lessons, damaged } = changes;
	const parts: string[] = [];
	if (added + replaced === 0) parts.push('Nothing new: every answer in the file is already here, or older than the one here.');
	else {
		const what = [added > 0 ? `${plural(added, 'new answer')}` : '', replaced > 0 ? `${plural(replaced, 'newer answer')} in place of older ones` : '']
			.filter(Boolean)
			.join(' and ');
		parts.push(`Imported ${what}, in ${plural(lessons.length, 'lesson')}.`);
		if (keptLocal > 0) parts.push(`${plural(keptLocal, 'answer')} here ${keptLocal === 1 ? 'was' : 'were'} as new or newer and kept.`);
	}
	if (damaged) parts.push('Some parts of the file were damaged and left out.');
	return parts.join(' ');
}
