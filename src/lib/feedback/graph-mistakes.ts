// Slips on computational graphs: a mul gate's inputs not swapped, a fan-out's gradients not added.
import type { Step, Steps } from '$lib/derivation';
import { partialOf } from '$lib/nn/quantity';
import { readsOf } from './evaluate';
import type { Mistake } from './types';
import { equals, list, name } from './words';

/** `dC/dN` or `dC/dN (local)` → [C, N]. */
const partial = (name: string): [string, string] | undefined => partialOf(name);

/** The other input a two-input mul gate's local gradient reads (∂(a·b)/∂a = b), if that is the step. */
function otherInput(step: Step, steps: Steps): string | undefined {
	// The step records its gate; the reads tell a two-input product from a·b·c.
	if (step.kind !== 'graph-local' || step.gate !== 'mul') return undefined;
	const wrt = partial(step.quantity)?.[1];
	const reads = readsOf(step, steps);
	return reads.length === 1 && reads[0] !== wrt ? reads[0] : undefined;
}

export const mulNotSwapped: Mistake = {
	id: 'mul-not-swapped',
	title: "The mul gate's inputs not swapped",
	alter(step, steps) {
		const other = otherInput(step, steps);
		const wrt = partial(step.quantity)?.[1];
		if (other === undefined || wrt === undefined) return undefined;
		return (get) => step.compute((n) => (n === other ? get(wrt) : get(n)));
	},
	explanation(site, { steps, under }) {
		const other = otherInput(site, steps);
		const wrt = partial(site.quantity)?.[1];
		if (other === undefined || wrt === undefined) return "A mul gate's local gradient is the other input: the inputs swap.";
		return `It looks like you used ${equals(steps, wrt, under(wrt))} itself: a mul gate swaps its inputs, so ${name(steps, site.quantity)} is the other input, ${name(steps, other)}.`;
	}
};

/** The definition each term of a fan-out sum comes through: upstream dF/dC and local dC/dN → C. */
function useOf(step: Step, need: string): string | undefined {
	const wrt = partial(step.quantity)?.[1];
	const p = partial(need);
	if (!p || wrt === undefined) return undefined;
	return p[1] === wrt ? p[0] : p[1];
}

const uses = (step: Step) => [...new Set(step.needs.map((n) => useOf(step, n)))].filter((u): u is string => u !== undefined);
const isFanOut = (step: Step) => step.kind === 'graph-gradient' && uses(step).length > 1;

/** One version per use of a name read twice: its gradient overwritten by the one through `via`. */
export function fanOutOverwritten(via: string): Mistake {
	return {
		id: `fan-out-one:${via}`,
		title: `Fan-out gradients overwritten, not added (only the use in ${via})`,
		alter(step) {
			if (!isFanOut(step) || !uses(step).includes(via)) return undefined;
			const dropped = new Set(step.needs.filter((n) => useOf(step, n) !== via));
			return (get) => step.compute((n) => (dropped.has(n) ? 0 : get(n)));
		},
		explanation(site, { steps }) {
			const wrt = partial(site.quantity)?.[1];
			const it = wrt === undefined ? 'it' : name(steps, wrt);
			const readers = list(uses(site).map((u) => name(steps, u)));
			return `It looks like the gradient through ${name(steps, via)} overwrote the others: ${it} is read by ${readers}, so ${name(steps, site.quantity)} adds the gradients of all its uses.`;
		}
	};
}

export const fanOutsIn = (chain: Step[]): string[] => [...new Set(chain.filter(isFanOut).flatMap(uses))];
