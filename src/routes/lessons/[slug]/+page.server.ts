import { error } from '@sveltejs/kit';
import { neighboursOf } from '$lib/server/lessons';
import { loadCatalogue } from '$lib/server/lessons/route';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every lesson is prerendered; a broken lesson fails the build with its file and line. */
export const entries: EntryGenerator = () => loadCatalogue().map(({ slug }) => ({ slug }));

export const load: PageServerLoad = ({ params }) => {
	const lessons = loadCatalogue();
	const lesson = lessons.find((l) => l.slug === params.slug);
	if (!lesson) error(404, `There is no lesson “${params.slug}”.`);
	return { lesson, ...neighboursOf(lessons, lesson.slug) };
};
