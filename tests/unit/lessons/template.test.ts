import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '$lib/server/lessons';

const FILE = 'docs/template-lesson.md';

describe('the template lesson of the authoring guide', () => {
	const lesson = parseLesson(readFileSync(FILE, 'utf8'), FILE);

	it('passes the checks and has one exercise, one derivation and one table', () => {
		const tasks = lesson.blocks.filter((b) => b.kind !== 'prose').map((b) => b.kind);
		expect(tasks.sort()).toEqual(['derivation', 'exercise', 'table']);
		expect(lesson.blocks.some((b) => b.kind === 'prose')).toBe(true);
	});

	it('uses a network, a graph, labels, variants and a printed value that disagrees', () => {
		expect(Object.values(lesson.networks).map((n) => n.kind).sort()).toEqual(['graph', 'network', 'network']);
		expect(Object.keys(lesson.labels)).not.toHaveLength(0);
		expect(lesson.variants).toBe(true);
		expect(lesson.printed.some((p) => p.agrees)).toBe(true);
		expect(lesson.printed.some((p) => p.cutOff)).toBe(true);
		expect(lesson.printed.some((p) => !p.agrees && !p.cutOff)).toBe(true);
	});

	it('uses hints in both forms, a solution and \\val', () => {
		const tasks = lesson.blocks.flatMap((b) => (b.kind === 'prose' || b.kind === 'training' ? [] : [b]));
		expect(tasks.find((b) => b.kind === 'exercise')?.hints).toHaveLength(2);
		expect(tasks.some((b) => b.solutionHtml !== undefined)).toBe(true);
		expect(tasks.find((b) => b.kind === 'table')).toMatchObject({ network: 'gate', inputs: ['x1', 'x2'], rows: [[0, 0], [0, 1], [1, 0], [1, 1]] });
		const html = lesson.blocks.map((b) => (b.kind === 'prose' ? b.html : b.kind === 'training' ? b.captionHtml : b.promptHtml + (b.solutionHtml ?? ''))).join('');
		expect(html).toContain('\\val{mazur:i1}');
		expect(html).toContain('\\val{xyz:df/dx}');
	});

	it('renders a GitHub-style markdown table in prose, with math in its cells', () => {
		const prose = lesson.blocks.flatMap((b) => (b.kind === 'prose' ? [b.html] : [])).join('');
		expect(prose).toContain('<table>');
		expect(prose).toMatch(/<td[^>]*><span class="katex">/);
		expect(prose).toContain('\\val{mazur:w5}');
	});
});
