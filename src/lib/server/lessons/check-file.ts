import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadModel } from '$lib/nn';
import { ContentError } from '$lib/source';
import { lessonErrors } from './catalogue';
import { lessonSourcesOnDisk } from './disk';
import { parseLesson, slugOf } from './lesson';
import { referenceErrors } from './references';
import type { LessonSource } from './catalogue';
import type { PrintedValue } from './types';

/**
 * What `npm run check:content` does for one file (scripts/check-content.ts prints it), here so
 * that the reliability tests replay each broken-lesson kind through the very same function.
 */
export type CheckTarget = { file: string; kind: 'lesson' | 'network' | 'template' };
export type CheckResult = { errors: ContentError[]; notes: string[] };

/** One file's errors (sorted by line) and notes on printed values; never throws. */
export function checkFile(target: CheckTarget): CheckResult {
	const { file } = target;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		return { errors: [new ContentError(file, 1, `cannot be read: ${e instanceof Error ? e.message : String(e)}`)], notes: [] };
	}
	if (target.kind === 'network') {
		try {
			loadModel({ text, file });
			return { errors: [], notes: [] };
		} catch (e) {
			return { errors: lessonErrors(e, file), notes: [] };
		}
	}
	const errors: ContentError[] = [];
	const notes: string[] = [];
	try {
		const lesson = parseLesson(text, file);
		if (target.kind === 'lesson') notes.push(...lesson.printed.filter((p) => !p.agrees).map((p) => note(file, p)));
	} catch (e) {
		errors.push(...lessonErrors(e, file));
	}
	if (target.kind === 'lesson') errors.push(...betweenLessons(file, text));
	return { errors: errors.sort((a, b) => a.line - b.line), notes };
}

/** What concerns the lesson and the others of its folder: links to them, and a shared slug. */
function betweenLessons(file: string, text: string): ContentError[] {
	let siblings: LessonSource[];
	try {
		// Compared as absolute paths: the folder's files are listed relative to the working directory.
		siblings = lessonSourcesOnDisk(dirname(file) || '.').filter((s) => resolve(s.file) !== resolve(file));
	} catch {
		siblings = [];
	}
	const errors: ContentError[] = [];
	const earlier = siblings.find((s) => slugOf(s.file) === slugOf(file) && s.file.localeCompare(file) < 0);
	if (earlier) errors.push(new ContentError(file, 1, `the slug “${slugOf(file)}” is also that of ${earlier.file}: rename one of the files`));
	try {
		errors.push(...referenceErrors([{ file, text }, ...siblings]).filter((e) => e.file === file));
	} catch (e) {
		errors.push(...lessonErrors(e, file));
	}
	return errors;
}

function note(file: string, p: PrintedValue): string {
	const where = p.slide === undefined ? 'the slide' : `slide ${p.slide}`;
	return `${file}:${p.line}: note: ${where} prints ${p.text} for ${p.quantity}, the engine gives ${p.rounded} (${p.engine.toPrecision(9)}): ${p.cutOff ? 'cut off rather than rounded' : 'the page shows a correction'}`;
}
