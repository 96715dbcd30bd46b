import { describe, expect, it } from 'vitest';
import { LIMITS } from '$lib/server/lessons/limits';
import { errorsOf, fixture, parse, proseLesson } from './helpers';

/** One mistake each, reported once, at the line to change, in the instructor's words. */
const CASES: Array<[string, string, number, string]> = [
	['reports an unclosed block where it starts, not at the next block', 'unclosed-block.md', 18, 'the :::exercise block that starts here is not closed before the :::exercise on line 21'],
	['reports an unclosed $$ once, at its start', 'unclosed-math.md', 20, 'the $$ on this line opens a formula that is never closed'],
	['rejects an exercise whose attributes have an unclosed quote, instead of showing it as prose', 'unclosed-quote.md', 18, 'the attributes of this :::exercise block cannot be read'],
	['explains a decimal comma in YAML as such', 'comma.md', 11, '“5” is read as a name: is a number written with a decimal comma (0,5)? Write numbers with a point, such as 0.5'],
	// dE/dx1 is a target now (an input's gradient): a misspelt input is suggested as an input, never as the bias b1.
	['suggests an input, not a bias, for the gradient of a misspelt input (dE/dx2 → dE/dx1, not dE/db1)', 'input-gradient.md', 18, 'unknown input “x2” in target “dE/dx2”: did you mean “dE/dx1”? (inputs: x1)'],
	['refuses a YAML alias bomb with a clear error', 'alias-bomb.md', 6, 'the YAML’s aliases (*name) expand too much'.replace('’', "'")]
];

describe('a lesson with a malformed part', () => {
	for (const [behaviour, name, line, message] of CASES) {
		it(behaviour, () => {
			const { text, file } = fixture(`malformed/${name}`);
			const errors = errorsOf(text, file);
			expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(message)]);
			expect(errors[0]?.line).toBe(line);
			expect(errors[0]?.message.startsWith(`${file}:${line}: `)).toBe(true);
		});
	}

	it('accepts a UTF-8 byte-order mark (as Windows editors save)', () => {
		const { text, file } = fixture('malformed/bom.md');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(parse(text, file).blocks.filter((b) => b.kind === 'exercise')).toHaveLength(1);
	});
});

/** Inputs beyond the documented limits: a clear error naming the limit, never a crash. */
describe('the limits of a lesson file', () => {
	it('refuses a 3,000-deep blockquote at its line', () => {
		const body = Array.from({ length: 3000 }, (_, i) => '>'.repeat(i + 1) + ' deeper').join('\n');
		const [error, ...rest] = errorsOf(proseLesson(body));
		expect(rest).toEqual([]);
		expect(error?.line).toBe(7 + LIMITS.nesting);
		expect(error?.message).toContain(`at most ${LIMITS.nesting} levels`);
	});

	it('refuses 1,000-deep nested lists at their line', () => {
		const body = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
		const [error, ...rest] = errorsOf(proseLesson(body));
		expect(rest).toEqual([]);
		expect(error?.line).toBe(7 + LIMITS.nesting);
		expect(error?.message).toContain('nested 21 deep');
	});

	it('accepts quotes and lists nested up to the limit', () => {
		const quotes = Array.from({ length: LIMITS.nesting }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n');
		expect(() => parse(proseLesson(quotes))).not.toThrow();
	});

	it('refuses a file larger than the size limit', () => {
		const [error] = errorsOf(proseLesson('word '.repeat(LIMITS.size / 5 + 1)));
		expect(error?.line).toBe(6);
		expect(error?.message).toContain('a lesson may have at most 200,000: split it into two lessons');
	});

	const graphLesson = (n: number) => {
		const define = Array.from({ length: n }, (_, i) => `d${i}: ${i === 0 ? 'x' : `d${i - 1}`} + x`).join(', ');
		return `---\ntitle: A lesson\norder: 1\nsummary: For a test.\nnetworks:\n  big:\n    values: { x: 1 }\n    define: { ${define} }\n    output: d${n - 1}\n---\n\nText.\n`;
	};

	it('refuses a graph of 20,000 definitions by the size of its front matter, before reading it', () => {
		const errors = errorsOf(graphLesson(20_000));
		expect(errors.map((e) => e.line)).toEqual([1]);
		expect(errors[0]?.message).toContain(`it may have at most ${LIMITS.frontMatter.toLocaleString('en')}: make its networks smaller`);
	});

	it('refuses a graph of more definitions than the limit at its line', () => {
		const errors = errorsOf(graphLesson(LIMITS.definitions + 1));
		expect(errors.map((e) => [e.line, e.message.replace(/^[^ ]+ /, '')])).toEqual([
			[6, `networks.big: has 1,001 entries under define:; a lesson's network or graph may have at most ${LIMITS.definitions.toLocaleString('en')}: make it smaller`]
		]);
	});
});
