import { lessonsFrom } from './catalogue';
import type { Lesson } from './types';

let cached: Lesson[] | undefined;

/**
 * Every lesson in `content/`, bundled by Vite. In `npm run dev` a saved or added lesson
 * invalidates this module, so the cache is rebuilt without a restart.
 * Throws ContentErrors naming every broken file and line.
 */
export function loadLessons(): Lesson[] {
	if (cached) return cached;
	const files = import.meta.glob<string>('/content/*.md', { query: '?raw', import: 'default', eager: true });
	cached = lessonsFrom(Object.entries(files).map(([path, text]) => ({ file: path.replace(/^\//, ''), text })));
	return cached;
}
