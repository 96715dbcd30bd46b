import { askedKeys } from '$lib/lessons/asked';
import { lessonSteps } from '$lib/lessons/steps';
import { summaryOf } from '$lib/server/lessons';
import { brokenSummary, loadCatalogue } from '$lib/server/lessons/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { lessons, broken } = loadCatalogue();
	return {
		lessons: lessons.map((lesson) => ({
			...summaryOf(lesson),
			// The catalogue counts a learner's completion over exactly these keys, as the lesson page does.
			asked: askedKeys(lesson.blocks, lessonSteps(lesson.networks, lesson.labels).steps)
		})),
		// Only in `npm run dev`: a build with a broken lesson fails before this page is written.
		broken: broken.map(brokenSummary)
	};
};
