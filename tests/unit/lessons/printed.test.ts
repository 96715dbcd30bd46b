import { describe, expect, it } from 'vitest';
import { parseLesson, printedAgrees } from '$lib/server/lessons';
import { errorsOf, fixture, parse } from './helpers';

/** A graph whose quantity `a` has the given value, with one printed value for it. */
function graphLesson(engine: number, printed: string): string {
	return `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: { values: { a: ${engine} }, define: { f: a * 2 }, output: f }\nprinted:\n  - { quantity: a, value: ${printed}, slide: 4 }\n---\n\nText.\n`;
}

describe('numbers printed on the slides', () => {
	const { text, file } = fixture('valid/01-forward-pass.md');
	const printed = parseLesson(text, file).printed;

	it('marks a printed value that disagrees with the engine, keeping both', () => {
		expect(printed[1]).toEqual({
			quantity: 'dout_o1/dnet_o1',
			network: 'network',
			value: 0.1816,
			text: '0.1816',
			slide: 33,
			engine: expect.closeTo(0.186815602, 9),
			agrees: false,
			cutOff: false,
			rounded: '0.1868',
			line: 25
		});
	});

	it('marks a printed value that is the engine value rounded as agreeing', () => {
		expect(printed[2]).toMatchObject({ text: '0.1868', engine: expect.closeTo(0.186815602, 9), agrees: true });
		expect(printed[0]).toMatchObject({ quantity: 'out_h1', text: '0.593269992', agrees: true });
	});

	it('reads the printed digits from the file: 0.50 has two decimals', () => {
		const agreeing = parse(graphLesson(0.5049, '0.50')).printed[0];
		expect(agreeing).toMatchObject({ text: '0.50', value: 0.5, agrees: true });
		// At one decimal 0.5061 would round to 0.5; at two it is 0.51.
		expect(parse(graphLesson(0.5061, '0.50')).printed[0]).toMatchObject({ text: '0.50', agrees: false });
		expect(parse(graphLesson(0.5061, '0.5')).printed[0]).toMatchObject({ text: '0.5', agrees: true });
	});

	it('tells a value cut off instead of rounded apart from a wrong one', () => {
		expect(parse(graphLesson(0.593269992, '0.5932')).printed[0]).toMatchObject({ agrees: false, cutOff: true });
		expect(parse(graphLesson(0.593269992, '0.5931')).printed[0]).toMatchObject({ agrees: false, cutOff: false });
		expect(parse(graphLesson(0.593269992, '0.5933')).printed[0]).toMatchObject({ agrees: true, cutOff: false });
	});

	it('does not count a value cut off instead of rounded as agreeing', () => {
		expect(printedAgrees('0.5932', 0.593269992)).toBe(false);
		expect(printedAgrees('0.5932', 0.593269992, { cutOff: true })).toBe(true);
		expect(printedAgrees('0.5933', 0.593269992)).toBe(true);
		expect(printedAgrees('-0.0099', -0.00987)).toBe(true);
		expect(printedAgrees('1.2e-3', 0.001234)).toBe(true);
	});

	it('rejects a printed value for an unknown quantity, at the entry’s line', () => {
		const errors = errorsOf(graphLesson(0.5, '0.5').replace('quantity: a,', 'quantity: aa,'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([[7, expect.stringContaining('unknown quantity “aa”: did you mean “a”?')]]);
	});
});
