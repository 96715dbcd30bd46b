import { ContentError, ContentErrors } from '$lib/source';
import { parseLesson, slugOf } from './lesson';
import { referenceErrors } from './references';
import type { Lesson, LessonSummary } from './types';

export type LessonSource = { file: string; text: string };

/** A lesson file that cannot be shown, with every problem found in it. */
export type BrokenLesson = { file: string; slug: string; errors: ContentError[] };

/** Every lesson file read: the ones that work, by `order`, and the broken ones, by file name. */
export type Catalogue = { lessons: Lesson[]; broken: BrokenLesson[] };

/**
 * Parses every lesson, each on its own: a broken file (even one that crashes a parser) never
 * hides the others or their errors. Problems between lessons (two files with one slug, a link to
 * no lesson) make the file that has them broken.
 */
export function readCatalogue(sources: LessonSource[], parse: typeof parseLesson = parseLesson): Catalogue {
	const errorsByFile = new Map<string, ContentError[]>();
	const add = (e: ContentError) => {
		const list = errorsByFile.get(e.file) ?? [];
		list.push(e);
		errorsByFile.set(e.file, list);
	};
	const parsed: Lesson[] = [];
	const sorted = [...sources].sort((a, b) => a.file.localeCompare(b.file));
	for (const { file, text } of sorted) {
		try {
			parsed.push(parse(text, file));
		} catch (e) {
			lessonErrors(e, file).forEach(add);
		}
	}
	for (const e of [...catalogueErrors(parsed), ...safeReferenceErrors(sorted)]) add(e);
	const broken = sorted
		.filter(({ file }) => errorsByFile.has(file))
		.map(({ file }) => ({ file, slug: slugOf(file), errors: [...(errorsByFile.get(file) ?? [])].sort((a, b) => a.line - b.line) }));
	return { lessons: sortLessons(parsed.filter((l) => !errorsByFile.has(l.file))), broken };
}

/**
 * The errors one lesson was rejected with. A parser that crashes (a bug, or an input beyond what
 * it can take) still gives an error naming the file, rather than losing every other file's errors.
 */
export function lessonErrors(e: unknown, file: string): ContentError[] {
	if (e instanceof ContentErrors) return e.errors;
	if (e instanceof ContentError) return [e];
	const what = e instanceof RangeError ? 'it is nested too deeply or too large to read' : e instanceof Error ? e.message : String(e);
	return [new ContentError(file, 1, `this file could not be read (${what}): please report it, with the file`)];
}

function safeReferenceErrors(sources: LessonSource[]): ContentError[] {
	try {
		return referenceErrors(sources);
	} catch (e) {
		return sources.flatMap(({ file }) => lessonErrors(e, file));
	}
}

/**
 * Parses every lesson, collecting the problems of all of them (the build and the CLI): throws
 * ContentErrors naming every broken file and line. Returns the lessons by `order`, then file name.
 */
export function lessonsFrom(sources: LessonSource[]): Lesson[] {
	return lessonsOf(readCatalogue(sources));
}

/** The lessons of a catalogue, or ContentErrors naming every problem of its broken files. */
export function lessonsOf(catalogue: Catalogue): Lesson[] {
	const errors = catalogue.broken.flatMap((b) => b.errors);
	if (errors.length > 0) throw new ContentErrors(errors);
	return catalogue.lessons;
}

/** Problems between lessons: each slug is one page, so two files must not share one. */
export function catalogueErrors(lessons: Lesson[]): ContentError[] {
	const bySlug = new Map<string, string>();
	const errors: ContentError[] = [];
	for (const lesson of lessons) {
		const other = bySlug.get(lesson.slug);
		if (other) errors.push(new ContentError(lesson.file, 1, `the slug “${lesson.slug}” is also that of ${other}: rename one of the files`));
		else bySlug.set(lesson.slug, lesson.file);
	}
	return errors;
}

export function sortLessons(lessons: Lesson[]): Lesson[] {
	return [...lessons].sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
}

export function summaryOf(lesson: Lesson): LessonSummary {
	const { slug, title, order, summary, deck, source } = lesson;
	return { slug, title, order, summary, ...(deck ? { deck } : {}), ...(source ? { source } : {}) };
}

/** The lessons before and after `slug` in catalogue order. */
export function neighboursOf(lessons: Lesson[], slug: string) {
	const i = lessons.findIndex((l) => l.slug === slug);
	const link = (l: Lesson | undefined) => (l ? { slug: l.slug, title: l.title } : undefined);
	return { previous: i > 0 ? link(lessons[i - 1]) : undefined, next: i >= 0 ? link(lessons[i + 1]) : undefined };
}
