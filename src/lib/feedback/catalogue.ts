// Every mistake the tutor can name, and which of them can touch a given quantity.
import type { Get, Step, Steps } from '$lib/derivation';
import { onePath, pathsIn, plusUpdate, rateLeftOut, sharedIn, sharedOnlyThrough, sigmaPrimeLeftOut, updatedWeights } from './backward-mistakes';
import { chainOf, valuesUnder } from './evaluate';
import { fanOutOverwritten, fanOutsIn, mulNotSwapped } from './graph-mistakes';
import { biasForgotten, halfDropped, netForOut, outForNet, sigmaPrimeFromNet, signFlipped, targetOutputSwapped } from './forward-mistakes';
import type { Mistake } from './types';

/** Mistakes made the same way wherever they apply. */
export const MISTAKES: readonly Mistake[] = [
	halfDropped,
	targetOutputSwapped,
	sigmaPrimeLeftOut,
	sigmaPrimeFromNet,
	netForOut,
	biasForgotten,
	updatedWeights,
	plusUpdate,
	rateLeftOut,
	mulNotSwapped
];

/** Mistakes that exist once per asked quantity, or once per path that a chain sums over. */
const FAMILIES: ReadonlyArray<(chain: Step[], asked: string) => Mistake[]> = [
	(_, asked) => [signFlipped(asked), outForNet(asked)],
	(chain) => pathsIn(chain).map(onePath),
	(chain) => sharedIn(chain).map(sharedOnlyThrough),
	(chain) => fanOutsIn(chain).map(fanOutOverwritten)
];

/** The mistakes that touch some step `quantity` is computed from (itself included). */
export function mistakesFor(steps: Steps, quantity: string): Mistake[] {
	const chain = chainOf(steps, quantity);
	const all = [...MISTAKES, ...FAMILIES.flatMap((family) => family(chain, quantity))];
	return all.filter((m) => chain.some((step) => m.alter(step, steps) !== undefined));
}

export interface Candidate {
	mistake: Mistake;
	/** The asked quantity's value under the mistake: always finite. */
	value: number;
	under: Get;
}

/** Each applicable mistake with the value it gives `quantity`; mistakes that fail are left out. */
export function candidates(steps: Steps, quantity: string): Candidate[] {
	return mistakesFor(steps, quantity).flatMap((mistake) => {
		try {
			const under = valuesUnder(steps, mistake);
			const value = under(quantity);
			return Number.isFinite(value) ? [{ mistake, value, under }] : [];
		} catch {
			return [];
		}
	});
}

/** The engine's value, or NaN for a name it does not know. */
export function engineValue(steps: Steps, quantity: string): number {
	try {
		return steps.value(quantity);
	} catch {
		return NaN;
	}
}
