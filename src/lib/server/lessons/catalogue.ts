import { ContentError, ContentErrors } from '$lib/source';
import { parseLesson } from './lesson';
import { referenceErrors } from './references';
import type { Lesson, LessonSummary } from './types';

export type LessonSource = { file: string; text: string };

/**
 * Parses every lesson, collecting the problems of all of them, and checks what concerns several
 * (two files with one slug). Returns the lessons by `order`, then file name.
 */
export function lessonsFrom(sources: LessonSource[]): Lesson[] {
	const errors: ContentError[] = [];
	const lessons: Lesson[] = [];
	for (const { file, text } of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
		try {
			lessons.push(parseLesson(text, file));
		} catch (e) {
			if (!(e instanceof ContentErrors)) throw e;
			errors.push(...e.errors);
		}
	}
	errors.push(...catalogueErrors(lessons), ...referenceErrors(sources));
	if (errors.length > 0) throw new ContentErrors(errors);
	return sortLessons(lessons);
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
	const { slug, title, order, summary, deck } = lesson;
	return deck ? { slug, title, order, summary, deck } : { slug, title, order, summary };
}

/** The lessons before and after `slug` in catalogue order. */
export function neighboursOf(lessons: Lesson[], slug: string) {
	const i = lessons.findIndex((l) => l.slug === slug);
	const link = (l: Lesson | undefined) => (l ? { slug: l.slug, title: l.title } : undefined);
	return { previous: i > 0 ? link(lessons[i - 1]) : undefined, next: i >= 0 ? link(lessons[i + 1]) : undefined };
}
