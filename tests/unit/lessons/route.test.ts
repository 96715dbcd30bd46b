import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { ContentError, ContentErrors } from '$lib/source';

vi.mock('$lib/server/lessons/vite', () => ({
	loadLessons: () => {
		throw new ContentErrors([new ContentError('content/01-x.md', 7, 'unknown quantity “out_h3”: did you mean “out_h1”?')]);
	}
}));

describe('a route reading a broken lesson', () => {
	it('fails with a 500 whose message names the file and line, so the dev error page shows it', async () => {
		const { loadCatalogue } = await import('$lib/server/lessons/route');
		vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			loadCatalogue();
			expect.unreachable();
		} catch (e) {
			expect(isHttpError(e, 500)).toBe(true);
			expect((e as { body: { message: string } }).body.message).toBe(
				'content/01-x.md:7: unknown quantity “out_h3”: did you mean “out_h1”?'
			);
		}
	});
});
