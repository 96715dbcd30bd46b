// How quantities and numbers appear in sentences for the learner: plain text, never NaN.
import { formatNumber } from '$lib/answers';
import { quantitySpeech } from '$lib/derivation';

export const say = (name: string): string => quantitySpeech(name);

export const fmt = (x: number): string => formatNumber(x, 4);

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The activation's name, as the step records it ("sigmoid"); "activation" when it has none. */
export function activationOf(step: { activation?: string } | undefined): string {
	return step?.activation ?? 'activation';
}
