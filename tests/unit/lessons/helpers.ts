import { readFileSync } from 'node:fs';
import { ContentErrors, type ContentError } from '$lib/source';
import { parseLesson, type Lesson } from '$lib/server/lessons';

export const FIXTURES = 'tests/fixtures/lessons';

export function fixture(path: string): { text: string; file: string } {
	const file = `${FIXTURES}/${path}`;
	return { text: readFileSync(file, 'utf8'), file };
}

/** A prose-only lesson: the body starts on line 7. */
export function proseLesson(body: string): string {
	return `---\ntitle: A lesson\norder: 1\nsummary: For a test.\n---\n\n${body}\n`;
}

/** The errors a lesson is rejected with; fails the test if it is accepted. */
export function errorsOf(text: string, file = 'content/01-test.md'): ContentError[] {
	try {
		parseLesson(text, file);
	} catch (e) {
		if (e instanceof ContentErrors) return e.errors;
		throw e;
	}
	throw new Error('the lesson was accepted');
}

export function parse(text: string, file = 'content/01-test.md'): Lesson {
	return parseLesson(text, file);
}
