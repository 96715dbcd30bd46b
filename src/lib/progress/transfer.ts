import { readData } from './read';
import { field, isRecord } from './salvage';
import { LIMITS, PROGRESS_VERSION, type LessonProgress, type Progress } from './types';

/** Marks an exported file as ours; files without it are still read if they look like progress. */
export const APP = 'backprop-tutor';

export const IMPORT_MESSAGES = {
	notProgress: 'This file is not Backprop Tutor progress. Choose a file saved with “Export progress”.',
	newer: 'This file is from a newer version of Backprop Tutor. Reload the page to get the newest version, then import it again.',
	tooLarge: 'This file is too large to be Backprop Tutor progress.'
} as const;

export type ImportResult = { ok: true; merged: number } | { ok: false; message: string };

/** The file a learner downloads: readable JSON, with what it is and when it was made. */
export function exportText(progress: Progress, exportedAt: string): string {
	return JSON.stringify({ app: APP, version: progress.version, exportedAt, lessons: progress.lessons }, null, 2);
}

/** The progress in an exported file (damaged parts left out), or a message for the learner. */
export function readExport(text: string): { ok: true; progress: Progress } | { ok: false; message: string } {
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
	return { ok: true, progress: readData({ version, lessons }).progress };
}

/**
 * `incoming` merged into `local`, one lesson variant at a time: the one changed more recently
 * wins whole (entries are not mixed, so a lesson is never half one device and half another).
 * On equal times the local one stays. `merged` counts lesson variants taken from `incoming`.
 */
export function mergeProgress(local: Progress, incoming: Progress): { progress: Progress; merged: number } {
	const progress = structuredClone(local);
	let merged = 0;
	for (const [slug, variants] of Object.entries(incoming.lessons)) {
		const mine = Object.hasOwn(progress.lessons, slug) ? (progress.lessons[slug] as Record<string, LessonProgress>) : {};
		for (const [variant, theirs] of Object.entries(variants)) {
			const current = Object.hasOwn(mine, variant) ? mine[variant] : undefined;
			if (current && !(Date.parse(theirs.updatedAt) > Date.parse(current.updatedAt))) continue;
			mine[variant] = structuredClone(theirs);
			merged++;
		}
		if (Object.keys(mine).length > 0) progress.lessons[slug] = mine;
	}
	return { progress, merged };
}
