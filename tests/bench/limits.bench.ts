import { bench, describe } from 'vitest';
import { parseLesson } from '$lib/server/lessons';

// Input beyond the limits of docs/authoring.md ("Limits") must be refused within seconds: before
// them a 1,000-deep list took 275 s, a 20,000-definition graph 96 s, a 3,000-deep quote crashed.
const lesson = (front: string, body: string) => `---\ntitle: A lesson\norder: 1\nsummary: For a test.\n${front}---\n\n${body}\n`;
const refuse = (text: string) => {
	try {
		parseLesson(text, 'content/01-test.md');
	} catch {
		return;
	}
	throw new Error('accepted');
};
const quotes = lesson('', Array.from({ length: 3000 }, (_, i) => '>'.repeat(i + 1) + ' deeper').join('\n'));
const lists = lesson('', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'));
const define = Array.from({ length: 20_000 }, (_, i) => `d${i}: ${i === 0 ? 'x' : `d${i - 1}`} + x`).join(', ');
const graph = lesson(`networks:\n  big:\n    values: { x: 1 }\n    define: { ${define} }\n    output: d19999\n`, 'Text.');

describe('refusing a lesson beyond the limits', () => {
	bench('a 3,000-deep blockquote', () => refuse(quotes), { iterations: 3 });
	bench('1,000-deep nested lists', () => refuse(lists), { iterations: 3 });
	bench('a graph of 20,000 definitions', () => refuse(graph), { iterations: 3 });
});
