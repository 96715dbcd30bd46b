import katex from 'katex';
import type { KatexOptions } from 'katex';
import { fixedOptions, isValError, renderTexStrict, TEX_MACROS, valMacro } from '$lib/katex';
import { ContentError } from '$lib/source';
import type { VFile } from 'vfile';
import type { LessonValues } from './values';

/**
 * Options for rehype-katex, the same as the strict renderer of $lib/katex: HTML and MathML, no
 * trusted commands (\href, \htmlClass… are errors, not red text), LaTeX-faithful input only, the
 * shared macros, and `\val` bound to the lesson's values (without them every `\val` is an error).
 * rehype-katex spreads these options for every formula, so the getter hands each formula a fresh
 * copy of the macros and a \gdef in one cannot leak into the next.
 */
export function katexOptions(values?: LessonValues): Omit<KatexOptions, 'displayMode' | 'throwOnError'> {
	const options: Omit<KatexOptions, 'displayMode' | 'throwOnError' | 'macros'> = fixedOptions(true);
	const val = valMacro(values?.values, true, values?.explain);
	return Object.defineProperty(options, 'macros', { enumerable: true, get: () => ({ ...TEX_MACROS, '\\val': val }) });
}

/**
 * rehype-katex never throws: it leaves a message on the file and renders a red error span.
 * Each such message becomes an error at the line of its formula.
 */
export function mathErrors(vfile: VFile, file: string, fallbackLine: number): ContentError[] {
	return vfile.messages
		.filter((m) => m.source === 'rehype-katex')
		.map((m) => {
			const tex = texOf(m.ancestors?.at(-1));
			// Display math is a <code> in a <pre>; only the <pre> may carry the position.
			const placed = [...(m.ancestors ?? [])].reverse().find((n) => n.position);
			const line = m.line ?? placed?.position?.start.line ?? fallbackLine;
			// An unknown \val name is a wrong quantity, not a TeX mistake: say only that.
			if (isValError(m.cause)) return new ContentError(file, line, reason(m.cause));
			return new ContentError(file, line, `the math ${quoteTex(tex)} is not valid TeX: ${reason(m.cause)}`);
		});
}

/** Checks a TeX string that is rendered elsewhere (a label); undefined when it is fine. */
export function texProblem(tex: string): string | undefined {
	try {
		renderTexStrict(tex);
		return undefined;
	} catch (e) {
		return `${quoteTex(tex)} is not valid TeX: ${reason(e)}`;
	}
}

function reason(cause: unknown): string {
	if (cause instanceof katex.ParseError) return cause.rawMessage ?? cause.message;
	return cause instanceof Error ? cause.message : String(cause);
}

function quoteTex(tex: string): string {
	const chars = [...tex.trim()];
	return `“${chars.length > 60 ? chars.slice(0, 59).join('') + '…' : chars.join('')}”`;
}

function texOf(node: unknown): string {
	if (!node || typeof node !== 'object') return '';
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node && Array.isArray(node.children)) return node.children.map(texOf).join('');
	return '';
}
