import { describe, expect, it } from 'vitest';
import { errorsOf, parse, proseLesson } from './helpers';

const html = (body: string) => {
	const [block] = parse(proseLesson(body)).blocks;
	return block?.kind === 'prose' ? block.html : '';
};

describe('author HTML in prose', () => {
	it('keeps an allowed element such as <em>', () => {
		expect(html('Some <em>stress</em> here.')).toBe('<p>Some <em>stress</em> here.</p>');
	});

	it('rejects an <img> with an onerror handler, naming the line', () => {
		const errors = errorsOf(proseLesson('Text.\n\n<img src="x.png" onerror="alert(1)">'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[9, expect.stringContaining('remove the onerror attribute from <img>: lessons cannot run scripts')]
		]);
	});

	it('rejects <iframe> and <style> elements', () => {
		const errors = errorsOf(proseLesson('<iframe src="https://example.org"></iframe>\n\n<style>p { color: red }</style>'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[7, expect.stringContaining('remove the <iframe> element')],
			[9, expect.stringContaining('remove the <style> element')]
		]);
	});

	it('rejects a javascript: URL hidden by spaces and case in raw HTML', () => {
		const [error] = errorsOf(proseLesson('<a href=" JavaScript:alert(1)">x</a>'));
		expect(error?.message).toContain('remove the javascript: link');
	});

	it('quietly removes other markup the sanitiser does not allow', () => {
		const out = html('<div class="evil" style="position:fixed">Kept text</div>');
		expect(out).toBe('<div>Kept text</div>');
	});

	it('treats HTML inside code as text', () => {
		expect(html('Write `<script>` to run code.')).toBe('<p>Write <code>&#x3C;script></code> to run code.</p>');
	});
});

describe('math', () => {
	it('renders inline and display math with MathML for screen readers', () => {
		const out = html('Inline $\\sigma(x)$ and\n\n$$\n\\pd{E}{w_5}\n$$');
		expect(out).toContain('<math');
		expect(out).toContain('<annotation encoding="application/x-tex">\\sigma(x)</annotation>');
		expect(out).toContain('class="katex-display"');
	});

	it('rejects bad TeX at the line of the formula, however many formulas are fine', () => {
		const errors = errorsOf(proseLesson('Fine $x$.\n\nAlso fine $y$.\n\n$$\n\\frac{1}{\n$$'));
		expect(errors.map((e) => e.line)).toEqual([11]);
	});

	it('rejects commands that need trust, such as \\href', () => {
		const [error] = errorsOf(proseLesson('A $\\href{https://example.org}{link}$.'));
		expect(error?.message).toContain('\\href is not allowed');
	});

	it('rejects a label whose TeX does not parse, at the label’s line', () => {
		const text = `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: { values: { x: 2 }, define: { f: x * x }, output: f }\nlabels:\n  f: "\\\\frac{1}{"\n---\n\nText.\n`;
		const errors = errorsOf(text);
		expect(errors.map((e) => [e.line, e.message])).toEqual([[7, expect.stringContaining('labels.f: “\\frac{1}{” is not valid TeX')]]);
	});
});

describe('colons in prose', () => {
	it('renders a GitHub-style table', () => {
		const out = html('| x | y |\n| --- | --- |\n| 1 | $w_1$ |');
		expect(out).toContain('<table>');
		expect(out).toContain('<td>1</td>');
		expect(out).toContain('<math');
	});

	it('keeps 10:30 and w:b as written', () => {
		expect(html('The lecture is at 10:30, see w:b and a:b[c].')).toBe('<p>The lecture is at 10:30, see w:b and a:b[c].</p>');
	});

	it('reports an unknown block even when it looks like a typo of a hint', () => {
		const text = proseLesson('::hnit[Try this]');
		expect(errorsOf(text).map((e) => e.message)).toEqual([expect.stringContaining('unknown block “hnit”: did you mean “hint”?')]);
	});
});
