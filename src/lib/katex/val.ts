/**
 * `\val{name}`: the value of a quantity, typeset as a number. Prose such as `$i_1 = \val{i1}$` then
 * follows a lesson's "new numbers": the MathML annotation keeps the source `\val{i1}`, so the page
 * can render the formula again with another variant's values.
 */
import katex from 'katex';
import { formatSignificant } from '$lib/derivation/tex';

/**
 * The value of a quantity by name (`i1`, or `network:i1`); undefined when there is none, null when
 * it is hidden: a value the learner is asked for is not shown before they have found it.
 */
export type TexValues = (name: string) => number | null | undefined;

/** The part of KaTeX's macro context that `\val` uses (its type is not exported). */
type MacroContext = { consumeArgs(count: number): Array<Array<{ text: string }>> };
export type MacroFunction = (context: MacroContext) => string;

/** A value still to be found, in place of its number. */
export const HIDDEN = '{\\boxed{?}}';

/** Marks the ParseError of an unknown `\val` name, so that a caller can word it as such. */
const VAL_ERROR = Symbol('val');

/** `net:out_h1` → { network: 'net', quantity: 'out_h1' }; `out_h1` has no network. */
export function parseValName(name: string): { network?: string; quantity: string } {
	const colon = name.indexOf(':');
	if (colon < 0) return { quantity: name.trim() };
	return { network: name.slice(0, colon).trim(), quantity: name.slice(colon + 1).trim() };
}

/** A value as `\val` shows it: 4 significant digits, no trailing zeros, braced so `-` is a sign. */
export function valTex(x: number): string {
	if (!Number.isFinite(x)) return '{\\text{—}}';
	return `{${formatSignificant(x, 4)}}`;
}

/**
 * The `\val` macro over `values`. An unknown name is a ParseError when `strict` (its message from
 * `explain` when given), and `?` otherwise.
 */
export function valMacro(values: TexValues | undefined, strict: boolean, explain?: (name: string) => string): MacroFunction {
	return (context) => {
		// KaTeX hands over an argument's tokens last first.
		const tokens = context.consumeArgs(1)[0] ?? [];
		const name = [...tokens].reverse().map((t) => t.text).join('').trim();
		const value = values?.(name);
		if (value === null) return HIDDEN;
		if (value !== undefined) return valTex(value);
		if (!strict) return '{?}';
		const error = new katex.ParseError(explain?.(name) ?? `unknown quantity “${name}” in \\val{${name}}`);
		throw Object.assign(error, { [VAL_ERROR]: true });
	};
}

/** True for the error of an unknown `\val` name (not a TeX mistake). */
export function isValError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && VAL_ERROR in error;
}
