import { describe, expect, it } from 'vitest';
import { escapeHtml, isTexParseError, isValError, parseValName, renderTex, renderTexStrict, valTex } from '$lib/katex';

/** The visible and MathML markup, without the TeX source annotation (which differs by design). */
function withoutAnnotation(html: string): string {
	return html.replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '');
}

describe('renderTex', () => {
	it('renders MathML beside the HTML so screen readers can read the formula', () => {
		const html = renderTex('\\sigma(x)');
		expect(html).toContain('<math');
		expect(html).toContain('<annotation encoding="application/x-tex">\\sigma(x)</annotation>');
		expect(html).toContain('class="katex-html"');
	});

	it('renders display math as a block only when asked', () => {
		expect(renderTex('x', { display: true })).toContain('katex-display');
		expect(renderTex('x')).not.toContain('katex-display');
	});

	it('shows bad TeX as escaped source with an escaped error message', () => {
		const html = renderTex('\\frac{<script>alert(1)</script>');
		expect(html).toMatch(/^<code class="tex-error" title="[^"<>]*">[^<>]*<\/code>$/);
		expect(html).not.toContain('<script');
		expect(html).toContain('\\frac{&lt;script&gt;alert(1)&lt;/script&gt;</code>');
		expect(html).toContain('title="KaTeX parse error');
	});

	it('escapes quotes in the error message so it cannot leave the title attribute', () => {
		const html = renderTex('\\unknownmacro" onmouseover="alert(1)');
		expect(html.startsWith('<code class="tex-error"')).toBe(true);
		expect(html).not.toContain('" onmouseover="');
		expect(html).toContain('&quot; onmouseover=&quot;');
	});

	it.each([
		'\\href{javascript:alert(1)}{click}',
		'\\url{javascript:alert(1)}',
		'\\htmlClass{evil}{x}',
		'\\htmlStyle{color:red}{x}',
		'\\htmlData{a=b}{x}',
		'\\includegraphics{https://example.com/x.png}'
	])('shows %s as escaped source, never as a link or markup (trust is off)', (tex) => {
		const html = renderTex(tex);
		expect(html).toMatch(/^<code class="tex-error" title="[^"]*is not allowed/);
		expect(html).not.toMatch(/<(a|img)\b/);
		expect(html).not.toMatch(/\s(href|src|style|data-a)=/);
	});

	it('expands the shared macros \\pd, \\out, \\net and \\Etot', () => {
		expect(withoutAnnotation(renderTex('\\pd{E}{w_5}'))).toBe(
			withoutAnnotation(renderTex('\\frac{\\partial E}{\\partial w_5}'))
		);
		expect(withoutAnnotation(renderTex('\\out_{h1} + \\net_{h1}'))).toBe(
			withoutAnnotation(renderTex('\\mathrm{out}_{h1} + \\mathrm{net}_{h1}'))
		);
		expect(withoutAnnotation(renderTex('\\Etot'))).toBe(withoutAnnotation(renderTex('E_{\\text{total}}')));
	});

	it('does not let a \\gdef in one formula leak into the next', () => {
		renderTex('\\gdef\\leaky{x}\\leaky');
		expect(renderTex('\\leaky')).toMatch(/^<code class="tex-error"/);
		expect(renderTex('\\gdef\\pd{oops}')).not.toMatch(/tex-error/);
		expect(withoutAnnotation(renderTex('\\pd{a}{b}'))).toContain('∂');
	});

	it('caps sizes at maxSize', () => {
		const html = renderTex('\\rule{1000em}{1em}');
		expect(html).not.toContain('width:1000em');
		expect(html).toContain('width:20em');
	});

	it('stops runaway macro expansion with an error instead of hanging', () => {
		expect(renderTex('\\def\\loop{\\loop}\\loop')).toMatch(/^<code class="tex-error" title="[^"]*Too many expansions/);
	});

	it('renders LaTeX-incompatible but harmless input that the strict check rejects', () => {
		expect(renderTex('é')).toContain('<math');
	});
});

describe('renderTexStrict', () => {
	it('renders valid TeX exactly as renderTex does', () => {
		const tex = '\\pd{\\Etot}{w_5} = \\pd{\\Etot}{\\out_{o1}}\\cdot\\sigma(\\net_{o1})';
		expect(renderTexStrict(tex)).toBe(renderTex(tex));
		expect(renderTexStrict(tex, { display: true })).toBe(renderTex(tex, { display: true }));
	});

	it.each([
		['a parse error', '\\frac{'],
		['an undefined command', '\\undefinedmacro'],
		['unicode text in math mode', 'é'],
		['a comment with no end of line', 'a % c'],
		['runaway expansion', '\\def\\loop{\\loop}\\loop'],
		['a command that needs trust', '\\href{https://example.com}{x}']
	])('throws a ParseError on %s', (_what, tex) => {
		expect(() => renderTexStrict(tex)).toThrow(/KaTeX parse error/);
		try {
			renderTexStrict(tex);
		} catch (error) {
			expect(isTexParseError(error)).toBe(true);
		}
	});

	it('is what renderTex does when throwOnError is set', () => {
		expect(() => renderTex('\\frac{', { throwOnError: true })).toThrow(/KaTeX parse error/);
	});
});

describe('escapeHtml', () => {
	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});
});

describe('\\val{name}', () => {
	const values = (name: string) => ({ i1: 0.05, w5: 0.4, big: 12.34567, neg: -0.25, tiny: 1.5e-9, 'b:E_total': 0.298371109 })[name];
	/** The number KaTeX typesets for a formula: the text of its MathML <mn> elements. */
	const numbers = (html: string) => [...html.matchAll(/<mn>([^<]*)<\/mn>/g)].map((m) => m[1]);

	it('shows the value with 4 significant digits and no trailing zeros', () => {
		expect(numbers(renderTex('\\val{i1}', { values }))).toEqual(['0.05']);
		expect(numbers(renderTex('\\val{w5}', { values }))).toEqual(['0.4']);
		expect(numbers(renderTex('\\val{b:E_total}', { values }))).toEqual(['0.2984']);
		expect(numbers(renderTex('\\val{big}', { values }))).toEqual(['12.35']);
	});

	it('renders as the number typed in its place would', () => {
		expect(withoutAnnotation(renderTex('i_1 = \\val{i1}', { values }))).toBe(withoutAnnotation(renderTex('i_1 = {0.05}')));
		expect(withoutAnnotation(renderTex('x = \\val{neg}', { values }))).toBe(withoutAnnotation(renderTex('x = {-0.25}')));
		expect(withoutAnnotation(renderTex('\\val{tiny}', { values }))).toBe(withoutAnnotation(renderTex('{1.5 \\times 10^{-9}}')));
	});

	it('keeps the source \\val{…} in the MathML annotation, so the page can render it again with other values', () => {
		const tex = 'i_1 = \\val{i1},\\ \\val{b:E_total}';
		expect(renderTex(tex, { values })).toContain(`<annotation encoding="application/x-tex">${tex}</annotation>`);
		expect(renderTexStrict(tex, { values, display: true })).toContain(`<annotation encoding="application/x-tex">${tex}</annotation>`);
	});

	it('shows another variant’s numbers from the same source', () => {
		const other = (name: string) => (name === 'i1' ? 0.3 : undefined);
		expect(numbers(renderTex('\\val{i1}', { values: other }))).toEqual(['0.3']);
	});

	it('works as a superscript and ignores spaces around the name', () => {
		expect(numbers(renderTex('x^\\val{ i1 }', { values }))).toEqual(['0.05']);
	});

	it('renders an unknown name as ? when forgiving, with or without values', () => {
		expect(withoutAnnotation(renderTex('\\val{nope}', { values }))).toBe(withoutAnnotation(renderTex('{?}')));
		expect(renderTex('\\val{i1}')).not.toMatch(/tex-error/);
		expect(withoutAnnotation(renderTex('\\val{i1}'))).toBe(withoutAnnotation(renderTex('{?}')));
	});

	it('throws on an unknown name in strict mode, marked as a \\val error', () => {
		expect(() => renderTexStrict('\\val{nope}', { values })).toThrow('unknown quantity “nope” in \\val{nope}');
		expect(() => renderTex('\\val{nope}', { values, throwOnError: true })).toThrow(/KaTeX parse error/);
		try {
			renderTexStrict('\\val{nope}');
			expect.unreachable();
		} catch (error) {
			expect(isTexParseError(error)).toBe(true);
			expect(isValError(error)).toBe(true);
		}
		expect(isValError(new Error('x'))).toBe(false);
	});

	it('splits network:name', () => {
		expect(parseValName('b:E_total')).toEqual({ network: 'b', quantity: 'E_total' });
		expect(parseValName(' out_h1 ')).toEqual({ quantity: 'out_h1' });
		expect(valTex(Number.NaN)).toBe('{\\text{—}}');
	});
});
