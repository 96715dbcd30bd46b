import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { ContentErrors } from '$lib/source';
import { lessonsOf, type BrokenLesson, type Catalogue } from './catalogue';
import { loadLessonCatalogue } from './vite';

/**
 * The lessons for a route's load. In `npm run dev` (`lenient`) a broken lesson never takes the
 * site down: the working lessons are served, and the broken ones are listed with their errors.
 * Otherwise (`npm run build`) any broken lesson is a 500 naming each file and line, which fails
 * the build; it is also logged, so that the terminal shows it too.
 */
export function loadCatalogue(lenient = dev): Catalogue {
	const catalogue = loadLessonCatalogue();
	if (lenient) return catalogue;
	try {
		lessonsOf(catalogue);
	} catch (e) {
		if (!(e instanceof ContentErrors)) throw e;
		console.error(e.message);
		error(500, e.message);
	}
	return catalogue;
}

/** The error page of one broken lesson: a 500 whose message lists its problems, each as file:line. */
export function brokenLessonError(broken: BrokenLesson): never {
	const message = broken.errors.map((e) => e.message).join('\n');
	console.error(message);
	error(500, message);
}

/** What the home page shows of a broken lesson (dev only): its file and its first problem. */
export function brokenSummary(broken: BrokenLesson) {
	return { slug: broken.slug, file: broken.file, errors: broken.errors.length, first: broken.errors[0]?.message ?? '' };
}
