// How quantities and numbers appear in sentences for the learner: the lesson's TeX notation as
// inline math (`$…$`, rendered by the page with KaTeX, MathML for screen readers), never NaN.
import { formatNumber } from '$lib/answers';
import { formatSignificant, quantitySpeech, type Steps } from '$lib/derivation';

/** A quantity name in plain words (for text that is never rendered as math). */
export const say = (name: string): string => quantitySpeech(name);

export const fmt = (x: number): string => formatNumber(x, 4);

/** Inline math in a sentence. */
export const math = (tex: string): string => `$${tex}$`;

/** A number written in TeX: 4 significant digits, `\times 10^{n}` for extreme ones. */
export const numTex = (x: number): string => formatSignificant(x, 4);

/** A name in the lesson's notation (its label, if the lesson gives one), as inline math. */
export const name = (steps: Steps, quantity: string): string => math(steps.tex(quantity));

/** `name = value` as one formula. */
export const equals = (steps: Steps, quantity: string, value: number): string => math(`${steps.tex(quantity)} = ${numTex(value)}`);

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The activation's name, as the step records it ("sigmoid"); "activation" when it has none. */
export function activationOf(step: { activation?: string } | undefined): string {
	return step?.activation ?? 'activation';
}
