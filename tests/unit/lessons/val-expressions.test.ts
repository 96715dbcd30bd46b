// `\val[digits]{…}` and `\val{a op b}`: a ratio or a sum the engine computes, at a chosen rounding,
// so that prose need not type it (issue 13).
import { describe, expect, it } from 'vitest';
import { isValError, renderTex, renderTexStrict } from '$lib/katex';
import { parseValExpression } from '$lib/katex/val';
import { errorsOf, parse } from './helpers';

const values = (name: string) =>
	({ 'dE/dw5': 0.08415504072083961, 'dE/dw1': 0.00034348571107286697, a: 0.5932, b: 0.5968, neg: -0.25, zero: 0, 'n:x': 3 })[name];
/** The numbers KaTeX typesets for a formula: the text of its MathML <mn> elements. */
const numbers = (html: string) => [...html.matchAll(/<mn>([^<]*)<\/mn>/g)].map((m) => m[1]);
const withoutAnnotation = (html: string) => html.replace(/<annotation[^>]*>.*?<\/annotation>/s, '');

describe('\\val[digits]{name}', () => {
	it('shows the value to the given significant digits, without trailing zeros', () => {
		expect(numbers(renderTexStrict('\\val[3]{dE/dw5}', { values }))).toEqual(['0.0842']);
		expect(numbers(renderTexStrict('\\val[9]{dE/dw5}', { values }))).toEqual(['0.0841550407']);
		expect(numbers(renderTexStrict('\\val[ 2 ]{a}', { values }))).toEqual(['0.59']);
		expect(numbers(renderTexStrict('\\val{dE/dw5}', { values }))).toEqual(['0.08416']); // 4 without [ ]
	});

	it('rejects digits that are not a whole number from 1 to 17, as a \\val error', () => {
		for (const digits of ['0', '18', 'x', '2.5', '']) {
			expect(() => renderTexStrict(`\\val[${digits}]{a}`, { values })).toThrow('give the significant digits as a whole number from 1 to 17');
			expect(withoutAnnotation(renderTex(`\\val[${digits}]{a}`, { values }))).toBe(withoutAnnotation(renderTex('{?}')));
		}
		try {
			renderTexStrict('\\val[0]{a}', { values });
		} catch (error) {
			expect(isValError(error)).toBe(true);
		}
	});
});

describe('\\val{a op b}', () => {
	it('shows a ratio of two quantities (a name may itself contain a slash)', () => {
		expect(numbers(renderTexStrict('\\val[3]{dE/dw5 / dE/dw1}', { values }))).toEqual(['245']);
		expect(numbers(renderTexStrict('\\val{dE/dw5 / dE/dw1}', { values }))).toEqual(['245']);
		expect(numbers(renderTexStrict('\\val[6]{dE/dw5 / dE/dw1}', { values }))).toEqual(['245.003']);
	});

	it('shows a sum, a difference and a product', () => {
		expect(numbers(renderTexStrict('\\val[5]{a + b}', { values }))).toEqual(['1.19']);
		expect(numbers(renderTexStrict('\\val{a - b}', { values }))).toEqual(['0.0036']);
		expect(withoutAnnotation(renderTexStrict('\\val{neg * a}', { values }))).toBe(withoutAnnotation(renderTexStrict('{-0.1483}')));
		expect(numbers(renderTexStrict('\\val{n:x * a}', { values }))).toEqual(['1.78']);
	});

	it('shows a dash for a division by zero', () => {
		expect(withoutAnnotation(renderTexStrict('\\val{a / zero}', { values }))).toBe(withoutAnnotation(renderTexStrict('{\\text{—}}')));
	});

	it('hides the whole result while either quantity is still to be found', () => {
		const hiding = (name: string) => (name === 'dE/dw1' ? null : values(name));
		expect(withoutAnnotation(renderTexStrict('\\val[3]{dE/dw5 / dE/dw1}', { values: hiding }))).toBe(withoutAnnotation(renderTexStrict('{\\boxed{?}}')));
	});

	it('keeps the source in the MathML annotation, so the page can render it again', () => {
		const tex = '\\val[3]{dE/dw5 / dE/dw1}';
		expect(renderTexStrict(tex, { values })).toContain(`<annotation encoding="application/x-tex">${tex}</annotation>`);
	});

	it('names an unknown quantity in either place', () => {
		expect(() => renderTexStrict('\\val{a / nope}', { values })).toThrow('unknown quantity “nope” in \\val{a / nope}');
		expect(() => renderTexStrict('\\val{nope + a}', { values })).toThrow('unknown quantity “nope”');
		expect(withoutAnnotation(renderTex('\\val{a / nope}', { values }))).toBe(withoutAnnotation(renderTex('{?}')));
	});

	it('reads an operator only between spaces, and one operator at most', () => {
		expect(parseValExpression('dE/dw5')).toEqual({ names: ['dE/dw5'] });
		expect(parseValExpression(' dE/dw5  /  dE/dw1 ')).toEqual({ names: ['dE/dw5', 'dE/dw1'], operation: '/' });
		expect(parseValExpression('a+b')).toEqual({ names: ['a+b'] }); // one (unknown) name
		expect(parseValExpression('a + b + c')).toBeUndefined();
		expect(parseValExpression('a b / c')).toBeUndefined();
		expect(() => renderTexStrict('\\val{a + b + a}', { values })).toThrow('shows one quantity, or two joined by one of + - * /');
	});
});

describe('\\val{a op b} in a lesson', () => {
	const NEURON =
		'{ inputs: { i1: 0.05 }, layers: [{ activation: sigmoid, neurons: { o1: { inputs: { i1: w1 }, bias: b } } }], parameters: { w1: 0.15, b: 0.35 }, targets: { o1: 0.01 } }';
	/** The body starts on line 8. */
	const lesson = (body: string) => `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: ${NEURON}\n---\n\n${body}\n`;
	const html = (text: string) => parse(text).blocks.map((b) => (b.kind === 'prose' ? b.html : b.kind === 'training' ? b.captionHtml : b.promptHtml)).join('\n');

	it('shows the engine’s ratio and hides it while a quantity in it is asked', () => {
		expect(numbers(html(lesson('$\\val[3]{b / w1}$')))).toEqual(['2.33']);
		const hidden = html(lesson('$\\val[3]{dE/dw1 / w1}$\n\n:::exercise{ask="dE/dw1"}\nCompute it.\n:::'));
		expect(hidden).toContain('\\val[3]{dE/dw1 / w1}');
		expect(numbers(hidden.split(':::')[0] ?? '')).not.toContain('0.0');
	});

	it('rejects an unknown quantity or a \\val it cannot read, at its line', () => {
		const errors = errorsOf(lesson('$\\val{w1 / w2}$\n\n$\\val[0]{w1}$\n\n$\\val{w1 / b / b}$'));
		expect(errors.map((e) => [e.line, e.detail])).toEqual([
			[8, 'unknown quantity “w2” in \\val{w1 / w2}: did you mean “w1”?'],
			[10, expect.stringContaining('give the significant digits as a whole number from 1 to 17')],
			[12, expect.stringContaining('shows one quantity, or two joined by one of + - * /')]
		]);
	});
});
