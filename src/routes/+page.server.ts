import { askedKeys } from '$lib/lessons/asked';
import { lessonSteps } from '$lib/lessons/steps';
import { summaryOf } from '$lib/server/lessons';
import { loadCatalogue } from '$lib/server/lessons/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	lessons: loadCatalogue().map((lesson) => ({
		...summaryOf(lesson),
		// The catalogue counts a learner's completion over exactly these keys, as the lesson page does.
		asked: askedKeys(lesson.blocks, lessonSteps(lesson.networks, lesson.labels).steps)
	}))
});
