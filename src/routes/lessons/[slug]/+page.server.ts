import { error } from '@sveltejs/kit';
import { neighboursOf } from '$lib/server/lessons';
import { brokenLessonError, loadCatalogue } from '$lib/server/lessons/route';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every lesson is prerendered; a broken lesson fails the build with its file and line. */
export const entries: EntryGenerator = () => loadCatalogue().lessons.map(({ slug }) => ({ slug }));

/** In `npm run dev` a broken lesson shows its own errors; the others keep working. */
export const load: PageServerLoad = ({ params }) => {
	const { lessons, broken } = loadCatalogue();
	const lesson = lessons.find((l) => l.slug === params.slug);
	if (!lesson) {
		const mistaken = broken.find((b) => b.slug === params.slug);
		if (mistaken) brokenLessonError(mistaken);
		error(404, `There is no lesson “${params.slug}”.`);
	}
	return { lesson, ...neighboursOf(lessons, lesson.slug) };
};
