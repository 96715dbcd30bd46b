// A variant whose mistakes give the right number cannot tell them apart: it needs new numbers.
import { formatNumber, judge, readAnswer } from '$lib/answers';
import type { Steps } from '$lib/derivation';
import { candidates, engineValue } from './catalogue';

/**
 * `quantity: mistake-id` for every mistake whose value for an asked quantity, typed to
 * `significant` digits, the judge accepts as the correct value: it rounds to the same digits, or
 * is the correct value cut off there. Any entry makes the variant degenerate. Misreadings (a
 * weight from another connection) are left out: that one hardly changes a number is no flaw.
 */
export function mistakeCollisions(steps: Steps, quantities: string[], significant = 4): string[] {
	return quantities.flatMap((quantity) => {
		const correct = engineValue(steps, quantity);
		if (!Number.isFinite(correct)) return [];
		return candidates(steps, quantity, { misreadings: false })
			.filter((c) => {
				// Exactly 0 both ways: a zero local gradient (a max gate's loser, a dead ReLU) stops
				// any slip above it; no new numbers would change that.
				if (c.value === 0 && correct === 0) return false;
				const typed = formatNumber(c.value, significant, true);
				return typed === formatNumber(correct, significant, true) || judge(readAnswer(typed), correct).verdict === 'correct';
			})
			.map((c) => `${quantity}: ${c.mistake.id}`);
	});
}
