import { describe, expect, it } from 'vitest';
import { lessonSlug, lessonsFrom, referenceErrors } from '$lib/server/lessons';
import { ContentErrors } from '$lib/source';
import { proseLesson } from './helpers';

const source = (name: string, body: string) => ({ file: `content/${name}.md`, text: proseLesson(body) });

describe('references between lessons', () => {
	it('rejects a lesson that names another by its file number, with file and line', () => {
		const errors = referenceErrors([source('10-a', 'First line.\nAs lesson 90 shows, …'), source('90-losses', 'Text.')]);
		expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^content\/10-a\.md:8: “lesson 90”: learners do not see file numbers/)]);
	});

	it('rejects a link to a lesson that does not exist', () => {
		const errors = referenceErrors([source('10-a', 'See [Losses](loses) and [the next](./b).'), source('20-b', '')]);
		expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/10-a\.md:7: the link to “loses” leads to no lesson/)]);
	});

	it('accepts links to existing lessons by slug, ./slug or /lessons/slug, and to headings in them', () => {
		const body = '[A](b) [B](./b#part) [C](/lessons/b) [web](https://example.com) [here](#top) [file](data.csv)';
		expect(referenceErrors([source('10-a', body), source('20-b', '')])).toEqual([]);
	});

	it('fails the build (lessonsFrom) on a broken reference', () => {
		expect(() => lessonsFrom([source('10-a', 'Lesson 20 says so.')])).toThrow(ContentErrors);
	});
});

describe('the lesson a link names', () => {
	it('reads a slug from the forms a lesson link takes', () => {
		expect(['losses', './losses', '/lessons/losses', 'losses#top', './losses/'].map(lessonSlug)).toEqual(Array(5).fill('losses'));
	});
	it('is none for the web, files, other paths and headings', () => {
		expect(['https://x.org', 'mailto:a@b.c', '#top', 'a.png', '../x/y', '/about/x'].map(lessonSlug)).toEqual(Array(6).fill(undefined));
	});
});
