// Every mistake the tutor can name, and which of them can touch a given quantity.
import type { Get, Step, Steps } from '$lib/derivation';
import { onePath, pathsIn, plusUpdate, rateLeftOut, sharedIn, sharedOnlyThrough, sigmaPrimeLeftOut, updatedWeights } from './backward-mistakes';
import { chainOf, valuesUnder } from './evaluate';
import { addScaled, maxToBoth, meanNotSum, oneSidedDifference, upstreamLeftOut } from './flow-mistakes';
import { fanOutOverwritten, fanOutsIn, mulNotSwapped } from './graph-mistakes';
import { biasForgotten, halfDropped, netForOut, outForNet, sigmaPrimeFromNet, signFlipped, targetOutputSwapped } from './forward-mistakes';
import { biasedIn, biasLeftOutOf, wrongWeightsIn } from './slip-mistakes';
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
	mulNotSwapped,
	upstreamLeftOut,
	maxToBoth,
	addScaled,
	meanNotSum,
	oneSidedDifference
];

/** Mistakes that exist once per asked quantity, or once per path, neuron or weight of a chain. */
const FAMILIES: ReadonlyArray<(chain: Step[], asked: string, steps: Steps) => Mistake[]> = [
	(_, asked) => [signFlipped(asked), outForNet(asked)],
	(chain) => pathsIn(chain).map(onePath),
	(chain) => sharedIn(chain).map(sharedOnlyThrough),
	(chain) => fanOutsIn(chain).map(fanOutOverwritten),
	(chain) => biasedIn(chain).map(biasLeftOutOf),
	(chain, _, steps) => wrongWeightsIn(chain, steps)
];

/** Every mistake that touches some step `quantity` is computed from (itself included). */
function applicable(steps: Steps, quantity: string, misreadings = true): Mistake[] {
	const chain = chainOf(steps, quantity);
	const all = [...MISTAKES, ...FAMILIES.flatMap((family) => family(chain, quantity, steps))].filter((m) => misreadings || !m.misreading);
	return all.filter((m) => chain.some((step) => m.alter(step, steps) !== undefined));
}

/** The distinct mistakes that touch some step `quantity` is computed from (see `candidates`). */
export function mistakesFor(steps: Steps, quantity: string): Mistake[] {
	return candidates(steps, quantity).map((c) => c.mistake);
}

export interface Candidate {
	mistake: Mistake;
	/** The asked quantity's value under the mistake: always finite. */
	value: number;
	under: Get;
}

const candidateCache = new WeakMap<Steps, Map<string, Candidate[]>>();

/**
 * Each applicable mistake with the value it gives `quantity`; mistakes that fail are left out, and
 * so is one neuron's version of a mistake that changes exactly the same values of the chain as the
 * general one (the bias left out of every neuron, and of h1 alone, are one slip when net_h1 is asked).
 * Different slips that give the same numbers are all kept: nothing tells them apart.
 */
export function candidates(steps: Steps, quantity: string, { misreadings = true } = {}): Candidate[] {
	let cache = candidateCache.get(steps);
	if (!cache) candidateCache.set(steps, (cache = new Map()));
	const cacheKey = misreadings ? quantity : `${quantity}\u0000understanding`;
	const known = cache.get(cacheKey);
	if (known) return known;
	const chain = chainOf(steps, quantity).map((s) => s.quantity);
	if (chain.length === 0) {
		const found = directCandidates(steps, quantity);
		cache.set(cacheKey, found);
		return found;
	}
	const footprints = new Map<string, string>(); // id → footprint
	const found = applicable(steps, quantity, misreadings).flatMap((mistake) => {
		try {
			const under = valuesUnder(steps, mistake);
			const value = under(quantity);
			if (!Number.isFinite(value)) return [];
			const footprint = chain.map((q) => under(q).toPrecision(12)).join(' ');
			const general = mistake.id.includes(':') ? footprints.get(mistake.id.split(':')[0] as string) : undefined;
			if (general === footprint) return [];
			footprints.set(mistake.id, footprint);
			return [{ mistake, value, under }];
		} catch {
			return [];
		}
	});
	cache.set(cacheKey, found);
	return found;
}

/**
 * For a quantity without a step (a gradient check, a training sum): the mistakes that compute it
 * another way from the engine's other values.
 */
function directCandidates(steps: Steps, quantity: string): Candidate[] {
	const right = engineValue(steps, quantity);
	if (!Number.isFinite(right)) return [];
	return MISTAKES.flatMap((mistake) => {
		let value: number | undefined;
		try {
			value = mistake.direct?.value(steps, quantity);
		} catch {
			value = undefined;
		}
		if (value === undefined || !Number.isFinite(value) || value === right) return [];
		const known = value;
		return [{ mistake, value: known, under: (name: string) => (name === quantity ? known : steps.value(name)) }];
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
