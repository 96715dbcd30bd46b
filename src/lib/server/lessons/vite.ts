import { lessonsOf, readCatalogue, type Catalogue } from './catalogue';
import { parseLesson } from './lesson';
import type { Lesson } from './types';

let cached: Catalogue | undefined;

/**
 * Every lesson file in `content/`, bundled by Vite, each read on its own: the working lessons and
 * the broken ones with their errors. In `npm run dev` a saved or added lesson invalidates this
 * module, so the catalogue is rebuilt without a restart; only the files whose text changed are
 * parsed again (a lesson takes about a second), so the page reloads promptly after a save.
 */
export function loadLessonCatalogue(): Catalogue {
	if (cached) return cached;
	const files = import.meta.glob<string>('/content/*.md', { query: '?raw', import: 'default', eager: true });
	cached = readCatalogue(
		Object.entries(files).map(([path, text]) => ({ file: path.replace(/^\//, ''), text })),
		import.meta.env.DEV ? memoizedParse : parseLesson
	);
	return cached;
}

/** Every lesson in `content/`; throws ContentErrors naming every broken file and line. */
export function loadLessons(): Lesson[] {
	return lessonsOf(loadLessonCatalogue());
}

type Parsed = { lesson: Lesson } | { thrown: unknown };

/**
 * Results by file and text, kept across re-evaluations of this module (a saved lesson re-runs it)
 * but tied to the parser itself: when the parsing code changes, its module and this cache are new.
 */
const store = globalThis as typeof globalThis & { __lessonParses?: WeakMap<typeof parseLesson, Map<string, Parsed>> };

function memoizedParse(text: string, file: string): Lesson {
	store.__lessonParses ??= new WeakMap();
	let byText = store.__lessonParses.get(parseLesson);
	if (!byText) store.__lessonParses.set(parseLesson, (byText = new Map()));
	const key = `${file}\0${text}`;
	let result = byText.get(key);
	if (!result) {
		try {
			result = { lesson: parseLesson(text, file) };
		} catch (e) {
			result = { thrown: e };
		}
		// One entry per file: the newest text.
		for (const k of byText.keys()) if (k.startsWith(`${file}\0`)) byText.delete(k);
		byText.set(key, result);
	}
	if ('thrown' in result) throw result.thrown;
	return result.lesson;
}
