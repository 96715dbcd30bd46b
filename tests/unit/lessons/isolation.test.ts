import { describe, expect, it, vi } from 'vitest';
import { ContentErrors } from '$lib/source';
import { lessonsFrom, parseLesson, readCatalogue } from '$lib/server/lessons';
import { lessonReload } from '$lib/server/lessons/reload';
import { proseLesson } from './helpers';

const lesson = (title: string) => proseLesson('Text.').replace('title: A lesson', `title: ${title}`);
const sources = [
	{ file: 'content/01-good.md', text: lesson('Good') },
	{ file: 'content/02-broken.md', text: lesson('Broken').replace('order: 1', 'order: oops') },
	{ file: 'content/03-also-good.md', text: lesson('Also good') }
];

describe('one broken lesson among working ones', () => {
	it('keeps every other lesson and lists the broken one with its file and line', () => {
		const { lessons, broken } = readCatalogue(sources);
		expect(lessons.map((l) => l.slug)).toEqual(['good', 'also-good']);
		expect(broken).toHaveLength(1);
		expect(broken[0]).toMatchObject({ file: 'content/02-broken.md', slug: 'broken' });
		expect(broken[0]?.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^content\/02-broken\.md:3: order: must be a number/)]);
	});

	it('still fails the build (lessonsFrom) on the broken lesson', () => {
		expect(() => lessonsFrom(sources)).toThrow(ContentErrors);
		expect(() => lessonsFrom(sources)).toThrow('content/02-broken.md:3');
	});

	it('a lesson linking to a missing lesson is broken; the others stay', () => {
		const { lessons, broken } = readCatalogue([...sources.slice(0, 1), { file: 'content/04-link.md', text: lesson('L').replace('Text.', 'See [x](nowhere).') }]);
		expect(lessons.map((l) => l.slug)).toEqual(['good']);
		expect(broken.map((b) => b.file)).toEqual(['content/04-link.md']);
	});

	it('a file that crashes its parser is reported by name, and the other files’ errors are kept', () => {
		const crashing = (text: string, file: string) => {
			if (file.includes('good')) throw new RangeError('Maximum call stack size exceeded');
			return parseLesson(text, file);
		};
		const { lessons, broken } = readCatalogue(sources, crashing);
		expect(lessons).toEqual([]);
		expect(broken.map((b) => [b.file, b.errors[0]?.line])).toEqual([
			['content/01-good.md', 1],
			['content/02-broken.md', 3],
			['content/03-also-good.md', 1]
		]);
		expect(broken[0]?.errors[0]?.message).toContain('nested too deeply or too large');
	});
});

describe('live reload of lesson files in npm run dev', () => {
	const plugin = lessonReload();
	const hotUpdate = plugin.hotUpdate as (this: unknown, options: unknown) => void;
	const run = (environment: string, file: string) => {
		const send = vi.fn();
		hotUpdate.call({ environment: { name: environment } }, { file, server: { environments: { client: { hot: { send } } } } });
		return send;
	};

	it('reloads the open pages once the server has read a saved lesson', () => {
		expect(run('ssr', '/repo/content/10-neurons.md')).toHaveBeenCalledWith({ type: 'full-reload', path: '*' });
	});

	it('leaves other files to Vite', () => {
		expect(run('ssr', '/repo/src/lib/x.md')).not.toHaveBeenCalled();
		expect(run('ssr', '/repo/content/networks/a.yaml')).not.toHaveBeenCalled();
		expect(run('client', '/repo/content/10-neurons.md')).not.toHaveBeenCalled();
	});
});
