import { ContentError } from '$lib/source';
import type { LessonSource } from './catalogue';
import { slugOf } from './lesson';

/**
 * Problems in how lessons refer to each other. A learner never sees a file's number: a lesson is
 * named by its title and linked by its slug (`[Losses](losses)`, also `./losses` or
 * `/lessons/losses`), and such a link must lead to a lesson that exists.
 */
export function referenceErrors(sources: LessonSource[]): ContentError[] {
	const slugs = new Set(sources.map((s) => slugOf(s.file)));
	return sources.flatMap(({ file, text }) =>
		text.split('\n').flatMap((line, i) => {
			const errors: ContentError[] = [];
			for (const m of line.matchAll(/\blessons? (\d+)\b/gi)) {
				errors.push(new ContentError(file, i + 1, `“${m[0]}”: learners do not see file numbers; name the lesson by its title and link it by its slug, e.g. [Losses](losses)`));
			}
			for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
				const slug = lessonSlug(m[1] as string);
				if (slug !== undefined && !slugs.has(slug)) {
					errors.push(new ContentError(file, i + 1, `the link to “${m[1]}” leads to no lesson: there is no content/NN-${slug}.md`));
				}
			}
			return errors;
		})
	);
}

/** The lesson a link's target names, if it is a link to a lesson (not to the web, a file or a heading). */
export function lessonSlug(target: string): string | undefined {
	const path = target.split('#')[0] as string;
	if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
	const slug = path.replace(/^\/lessons\//, '').replace(/^\.\//, '').replace(/\/$/, '');
	return /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(slug) ? slug : undefined;
}
