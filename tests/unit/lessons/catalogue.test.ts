import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/source';
import { lessonsFrom, loadLessons, loadLessonsFromDisk, neighboursOf, summaryOf } from '$lib/server/lessons';
import { FIXTURES, proseLesson } from './helpers';

const lesson = (title: string, order: number) => proseLesson('Text.').replace('title: A lesson', `title: ${title}`).replace('order: 1', `order: ${order}`);

describe('the catalogue of lessons', () => {
	it('lists lessons by their order, not their file names', () => {
		const lessons = lessonsFrom([
			{ file: 'content/01-b.md', text: lesson('B', 20) },
			{ file: 'content/02-a.md', text: lesson('A', 10) }
		]);
		expect(lessons.map((l) => l.slug)).toEqual(['a', 'b']);
		expect(summaryOf(lessons[0]!)).toEqual({ slug: 'a', title: 'A', order: 10, summary: 'For a test.' });
	});

	it('links each lesson to the one before and after it', () => {
		const lessons = lessonsFrom([1, 2, 3].map((n) => ({ file: `content/0${n}-l${n}.md`, text: lesson(`L${n}`, n) })));
		expect(neighboursOf(lessons, 'l1')).toEqual({ previous: undefined, next: { slug: 'l2', title: 'L2' } });
		expect(neighboursOf(lessons, 'l3')).toEqual({ previous: { slug: 'l2', title: 'L2' }, next: undefined });
	});

	it('rejects two files with the same slug', () => {
		const read = () => lessonsFrom([
			{ file: 'content/01-intro.md', text: lesson('One', 1) },
			{ file: 'content/02-intro.md', text: lesson('Two', 2) }
		]);
		expect(read).toThrow(ContentErrors);
		expect(read).toThrow('content/02-intro.md:1: the slug “intro” is also that of content/01-intro.md');
	});

	it('reports the errors of every broken file together', () => {
		try {
			loadLessonsFromDisk(`${FIXTURES}/broken`);
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(ContentErrors);
			const files = new Set((e as ContentErrors).errors.map((x) => x.file));
			expect(files.size).toBe(19);
		}
	});

	it('reads a folder of valid lessons from disk', () => {
		expect(loadLessonsFromDisk(`${FIXTURES}/valid`).map((l) => l.file)).toEqual([`${FIXTURES}/valid/01-forward-pass.md`]);
	});

	// Seconds, or more on a loaded machine: the timeout only stops a hang (speed: npm run bench).
	it('parses every lesson in content/ (through Vite, as the site does)', () => {
		expect(() => loadLessons()).not.toThrow();
	}, 300_000);
});
