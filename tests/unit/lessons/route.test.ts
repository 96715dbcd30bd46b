import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { ContentError } from '$lib/source';
import type { Catalogue } from '$lib/server/lessons';

const broken = {
	file: 'content/01-x.md',
	slug: 'x',
	errors: [new ContentError('content/01-x.md', 7, 'unknown quantity “out_h3”: did you mean “out_h1”?')]
};
vi.mock('$lib/server/lessons/vite', () => ({
	loadLessonCatalogue: (): Catalogue => ({ lessons: [], broken: [broken] })
}));

const messageOf = (run: () => unknown) => {
	try {
		run();
	} catch (e) {
		expect(isHttpError(e, 500)).toBe(true);
		return (e as { body: { message: string } }).body.message;
	}
	return expect.unreachable();
};

describe('a route reading a broken lesson', () => {
	it('fails the build with a 500 whose message names the file and line', async () => {
		const { loadCatalogue } = await import('$lib/server/lessons/route');
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(messageOf(() => loadCatalogue(false))).toBe('content/01-x.md:7: unknown quantity “out_h3”: did you mean “out_h1”?');
	});

	it('in npm run dev, lists the broken lesson instead of failing every page', async () => {
		const { loadCatalogue } = await import('$lib/server/lessons/route');
		expect(loadCatalogue(true)).toEqual({ lessons: [], broken: [broken] });
	});

	it('gives the broken lesson its own error page naming its file and line', async () => {
		const { brokenLessonError } = await import('$lib/server/lessons/route');
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(messageOf(() => brokenLessonError(broken))).toBe('content/01-x.md:7: unknown quantity “out_h3”: did you mean “out_h1”?');
	});
});
