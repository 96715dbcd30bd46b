/**
 * The one place KaTeX is called. Every formula in the app goes through here, with fixed options:
 * - `output: 'htmlAndMathml'`: the HTML is what people see, the MathML is what screen readers read;
 * - trust off: `\href`, `\url`, `\includegraphics`, `\htmlClass`… never become links or markup;
 *   they are errors (KaTeX's own "trust: false" would print them in a red that fails contrast in
 *   dark mode, and would let a lesson using them pass the build check);
 * - `maxSize` and `maxExpand`: no giant boxes, no runaway macro loops;
 * - shared macros (`\pd`, `\out`, `\net`, `\Etot`), copied fresh for each call so that a `\gdef`
 *   in one formula cannot leak into the next;
 * - `\val{name}`, the value of a quantity from the `values` option (see val.ts).
 *
 * `renderTexStrict` throws on any error, LaTeX-faithfulness included: use it at build time to
 * validate lesson TeX. `renderTex` never throws: on an error it returns the source, escaped, in a
 * `<code class="tex-error">`. Both give identical HTML for TeX that passes the strict check.
 */
import katex from 'katex';
import type { KatexOptions, ParseError, TrustContext } from 'katex';
import { valMacro, type TexValues } from './val';

export { isValError, parseValName, valMacro, valTex, type MacroFunction, type TexValues } from './val';

/** Macros shared by every formula. Add here, once; lessons and the derivation use them freely. */
export const TEX_MACROS: Readonly<Record<string, string>> = Object.freeze({
	'\\pd': '\\frac{\\partial #1}{\\partial #2}',
	'\\out': '\\mathrm{out}',
	'\\net': '\\mathrm{net}',
	'\\Etot': 'E_{\\text{total}}'
});

/** Largest size, in em, that `\rule`, `\kern` and friends may ask for. */
export const TEX_MAX_SIZE = 20;
/** Most macro expansions in one formula (KaTeX's default; stated so it cannot drift). */
export const TEX_MAX_EXPAND = 1000;

export interface RenderTexOptions {
	/** Display (block, centred) math rather than inline. Default false. */
	display?: boolean;
	/** Throw on a parse error instead of returning a `tex-error` fallback. Default false. */
	throwOnError?: boolean;
	/**
	 * The values `\val{name}` shows. An unknown name renders as `?`, or is an error in strict mode
	 * (and with `throwOnError`).
	 */
	values?: TexValues;
}

/** Trust nothing: a command that needs trust is an error, in both renderers. */
function refuseUntrusted(context: TrustContext): boolean {
	throw new katex.ParseError(`${context.command} is not allowed (untrusted input)`);
}

function katexOptions(display: boolean, strict: boolean, values: TexValues | undefined): KatexOptions {
	return {
		displayMode: display,
		...fixedOptions(strict),
		throwOnError: true,
		macros: { ...TEX_MACROS, '\\val': valMacro(values, strict) }
	};
}

/**
 * The options every formula is rendered with, here or in the lesson build (rehype-katex): HTML and
 * MathML, nothing trusted, size and expansion limits. Only strictness varies.
 */
export function fixedOptions(strict: boolean) {
	return {
		output: 'htmlAndMathml' as const,
		trust: refuseUntrusted,
		// 'error' rejects LaTeX-incompatible input (unicode letters in math mode, a trailing %
		// comment) so lessons stay portable; the forgiving renderer renders such input silently.
		strict: (strict ? 'error' : 'ignore') as 'error' | 'ignore',
		maxSize: TEX_MAX_SIZE,
		maxExpand: TEX_MAX_EXPAND,
		globalGroup: false
	};
}

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escapes text for use in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Renders TeX to an HTML string (HTML + MathML). Never throws unless `throwOnError` is set:
 * bad TeX becomes `<code class="tex-error" title="…message…">…source…</code>`, all escaped.
 */
export function renderTex(tex: string, options: RenderTexOptions = {}): string {
	const display = options.display ?? false;
	if (options.throwOnError) return renderTexStrict(tex, { display, values: options.values });
	try {
		return katex.renderToString(tex, katexOptions(display, false, options.values));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return `<code class="tex-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</code>`;
	}
}

/**
 * Renders TeX to an HTML string, throwing KaTeX's `ParseError` on any error, including
 * LaTeX-faithfulness problems that `renderTex` lets through. For build-time validation.
 */
export function renderTexStrict(tex: string, options: Pick<RenderTexOptions, 'display' | 'values'> = {}): string {
	return katex.renderToString(tex, katexOptions(options.display ?? false, true, options.values));
}

/** True for the errors KaTeX throws on bad TeX (as opposed to bugs elsewhere). */
export function isTexParseError(error: unknown): error is ParseError {
	return error instanceof katex.ParseError;
}
