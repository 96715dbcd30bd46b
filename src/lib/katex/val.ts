/**
 * `\val{name}`: the value of a quantity, typeset as a number. Prose such as `$i_1 = \val{i1}$` then
 * follows a lesson's "new numbers": the MathML annotation keeps the source `\val{i1}`, so the page
 * can render the formula again with another variant's values.
 *
 * Two small extensions, so that prose never types a number the engine can compute:
 * - `\val[3]{name}`: the value to 3 significant digits instead of 4 (1 to 17);
 * - `\val{a / b}`: two quantities joined by one of `+ - * /`, with a space on each side (a name
 *   never contains a space, and `dE/dw5` is one name): "about `\val[3]{dE/dw5 / dE/dw1}` times".
 */
import katex from 'katex';
import { formatSignificant } from '$lib/derivation/tex';

/**
 * The value of a quantity by name (`i1`, or `network:i1`); undefined when there is none, null when
 * it is hidden: a value the learner is asked for is not shown before they have found it.
 */
export type TexValues = (name: string) => number | null | undefined;

/** The part of KaTeX's macro context that `\val` uses (its type is not exported). */
type MacroContext = {
	future(): { text: string };
	consumeArgs(count: number, delimiters?: string[][]): Array<Array<{ text: string }>>;
};
export type MacroFunction = (context: MacroContext) => string;

/** A value still to be found, in place of its number. */
export const HIDDEN = '{\\boxed{?}}';

/** Marks the ParseError of an unknown `\val` name or a `\val` it cannot read, so that a caller can word it as such. */
const VAL_ERROR = Symbol('val');

/** `net:out_h1` → { network: 'net', quantity: 'out_h1' }; `out_h1` has no network. */
export function parseValName(name: string): { network?: string; quantity: string } {
	const colon = name.indexOf(':');
	if (colon < 0) return { quantity: name.trim() };
	return { network: name.slice(0, colon).trim(), quantity: name.slice(colon + 1).trim() };
}

/** A value as `\val` shows it: 4 significant digits (or `digits`), no trailing zeros, braced so `-` is a sign. */
export function valTex(x: number, digits = 4): string {
	if (!Number.isFinite(x)) return '{\\text{—}}';
	return `{${formatSignificant(x, digits)}}`;
}

/** The operations `\val{a op b}` can join two quantities with. */
const OPERATIONS: Record<string, (a: number, b: number) => number> = {
	'+': (a, b) => a + b,
	'-': (a, b) => a - b,
	'*': (a, b) => a * b,
	'/': (a, b) => a / b
};

/**
 * What `\val{…}` asks for: `out_h1` is one name; `dE/dw5 / dE/dw1` is two names and an operation
 * (an operator stands between spaces). Undefined when it is neither (two operators, a missing name).
 */
export function parseValExpression(text: string): { names: string[]; operation?: string } | undefined {
	const parts = text.trim().split(/\s+([-+*/])\s+/);
	if (parts.length === 1) return { names: [parts[0] as string] };
	const [a, operation, b] = parts;
	if (parts.length !== 3 || !a || !b || /\s/.test(a + b)) return undefined;
	return { names: [a, b], operation };
}

/** The significant digits of `\val[3]{…}`: a whole number from 1 to 17, else undefined. */
function parseDigits(text: string): number | undefined {
	const digits = /^\s*(\d{1,2})\s*$/.exec(text)?.[1];
	return digits !== undefined && Number(digits) >= 1 && Number(digits) <= 17 ? Number(digits) : undefined;
}

/** KaTeX hands over an argument's tokens last first. */
const tokenText = (tokens: Array<{ text: string }> = []) => [...tokens].reverse().map((t) => t.text).join('');

/** A ParseError marked as a `\val` error (a wrong quantity or use of `\val`, not a TeX mistake). */
const valError = (message: string) => Object.assign(new katex.ParseError(message), { [VAL_ERROR]: true });

/**
 * The `\val` macro over `values`. An unknown name, or a `\val` it cannot read, is a ParseError when
 * `strict` (an unknown name's message from `explain` when given), and `?` otherwise. A hidden value
 * hides the whole `\val`.
 */
export function valMacro(values: TexValues | undefined, strict: boolean, explain?: (name: string) => string): MacroFunction {
	return (context) => {
		const digitsText = context.future().text === '[' ? tokenText(context.consumeArgs(1, [['['], [']']])[0]) : undefined;
		const text = tokenText(context.consumeArgs(1)[0]).trim();
		const digits = digitsText === undefined ? 4 : parseDigits(digitsText);
		const expression = parseValExpression(text);
		if (digits === undefined || expression === undefined) {
			if (!strict) return '{?}';
			throw valError(
				digits === undefined
					? `\\val[${digitsText}]{${text}}: give the significant digits as a whole number from 1 to 17, e.g. \\val[3]{${text}}`
					: `\\val{${text}} shows one quantity, or two joined by one of + - * / with a space on each side, e.g. \\val{dE/dw5 / dE/dw1}`
			);
		}
		const found = expression.names.map((name) => ({ name, value: values?.(name) }));
		const unknown = found.find((f) => f.value === undefined);
		if (unknown) {
			if (!strict) return '{?}';
			const message = explain?.(unknown.name) ?? `unknown quantity “${unknown.name}” in \\val{${unknown.name}}`;
			// The message quotes the one name; the lesson has the whole expression.
			throw valError(message.replace(`in \\val{${unknown.name}}`, `in \\val{${text}}`));
		}
		if (found.some((f) => f.value === null)) return HIDDEN;
		const [a = NaN, b = NaN] = found.map((f) => f.value as number);
		const operate = expression.operation === undefined ? undefined : OPERATIONS[expression.operation];
		return valTex(operate ? operate(a, b) : a, digits);
	};
}

/** True for the error of an unknown `\val` name or a `\val` it cannot read (not a TeX mistake). */
export function isValError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && VAL_ERROR in error;
}
