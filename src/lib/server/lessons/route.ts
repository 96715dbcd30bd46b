import { error } from '@sveltejs/kit';
import { ContentErrors } from '$lib/source';
import { loadLessons } from './vite';
import type { Lesson } from './types';

/**
 * The lessons for a route's load. A broken lesson becomes a 500 whose message names each file
 * and line, so that `npm run dev` shows the mistake instead of a blank page; it is also logged,
 * so that the terminal (and a failing build) shows it too.
 */
export function loadCatalogue(): Lesson[] {
	try {
		return loadLessons();
	} catch (e) {
		if (!(e instanceof ContentErrors)) throw e;
		console.error(e.message);
		error(500, e.message);
	}
}
