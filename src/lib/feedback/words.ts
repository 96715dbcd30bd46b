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

/** The activation's name from a step's rule ("sigmoid of the net input" → "sigmoid"). */
export function activationOf(rule: string): string {
	return /(sigmoid|tanh|relu|step|identity|linear)/.exec(rule)?.[1] ?? 'activation';
}
