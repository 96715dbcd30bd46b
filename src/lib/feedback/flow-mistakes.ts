// Slips in how a gradient flows: the upstream gradient left out of a chain step, a gate routing
// the gradient to the wrong inputs (max to both, add split), a sum taken as a mean, and a gradient
// check's one-sided difference. Found from the steps' kinds, terms and gates.
import type { Step, Steps } from '$lib/derivation';
import { gradientCheck, gradientCheckOf, isDataSum, partialOf } from '$lib/nn/quantity';
import { readsOf, stepOf } from './evaluate';
import type { Mistake } from './types';
import { list, math, name, numTex } from './words';

const termsWith = (step: Step, role: string) => (step.terms ?? []).filter((t) => t.role === role).map((t) => t.name);

/**
 * The upstream gradients a chain step multiplies by a local one: network steps say so in their
 * terms; a graph's upstream × local reads ∂F/∂C (upstream) and ∂C/∂N (local, its `wrt` is N).
 */
function upstreamOf(step: Step): string[] {
	if (step.kind === 'graph-gradient') {
		const wrt = partialOf(step.quantity)?.[1];
		return step.needs.filter((n) => partialOf(n)?.[1] !== wrt);
	}
	const chainKinds = ['delta', 'parameter-gradient', 'path', 'hidden-gradient'];
	if (!chainKinds.includes(step.kind)) return [];
	const upstream = termsWith(step, 'upstream');
	const other = (step.terms ?? []).some((t) => t.role === 'local' || t.role === 'weight');
	return other ? upstream : [];
}

export const upstreamLeftOut: Mistake = {
	id: 'upstream-left-out',
	title: 'Upstream gradient left out',
	alter(step) {
		const upstream = upstreamOf(step);
		if (upstream.length === 0) return undefined;
		return (get) => step.compute((n) => (upstream.includes(n) ? 1 : get(n)));
	},
	explanation(site, { steps }) {
		const upstream = upstreamOf(site);
		const ups = list(upstream.map((n) => name(steps, n)));
		return `It looks like only the local gradient was taken for ${name(steps, site.quantity)}: the chain rule multiplies it by the gradient arriving from above, ${ups}.`;
	}
};

/** The definition C of a graph local gradient ∂C/∂N, and the names it reads. */
function gateOf(step: Step, steps: Steps): { of: string; wrt: string; reads: string[] } | undefined {
	if (step.kind !== 'graph-local') return undefined;
	const [of, wrt] = partialOf(step.quantity) ?? [];
	const definition = of === undefined ? undefined : stepOf(steps, of);
	if (of === undefined || wrt === undefined || !definition) return undefined;
	return { of, wrt, reads: readsOf(definition, steps) };
}

export const maxToBoth: Mistake = {
	id: 'max-to-both',
	title: 'Max gate passed the gradient to both inputs',
	alter(step, steps) {
		const gate = step.gate === 'max' ? gateOf(step, steps) : undefined;
		// The larger input's local gradient is 1 already: only the smaller one's changes.
		return gate && gate.reads.length > 1 ? () => 1 : undefined;
	},
	explanation(site, { steps, under }) {
		const gate = gateOf(site, steps);
		if (!gate) return 'A max gate routes the gradient to the larger input only.';
		const other = gate.reads.find((n) => n !== gate.wrt);
		const lost = other === undefined ? '' : `, and ${math(`${steps.tex(gate.wrt)} = ${numTex(under(gate.wrt))}`)} is not larger than ${math(`${steps.tex(other)} = ${numTex(under(other))}`)}`;
		return `It looks like the max gate passed the gradient on to both inputs: it routes it to the larger input only${lost}.`;
	}
};

export const addScaled: Mistake = {
	id: 'add-scaled',
	title: 'Add gate scaled the gradient instead of distributing it',
	alter(step, steps) {
		const gate = step.gate === 'add' ? gateOf(step, steps) : undefined;
		const n = gate?.reads.length ?? 0;
		return n > 1 ? (get) => step.compute(get) / n : undefined;
	},
	explanation(site, { steps }) {
		const gate = gateOf(site, steps);
		const inputs = gate ? list(gate.reads.map((n) => name(steps, n))) : 'its inputs';
		return `It looks like the add gate split the gradient between ${inputs}: it passes the whole gradient on to each input, unchanged.`;
	}
};

/** Steps that add a term per output or per path: a mean divides by how many there are. */
function summands(step: Step): number {
	if (step.kind !== 'total-error' && step.kind !== 'hidden-gradient') return 0;
	return step.needs.length > 1 ? step.needs.length : 0;
}

export const meanNotSum: Mistake = {
	id: 'mean-not-sum',
	title: 'Mean taken instead of the sum',
	alter(step) {
		const n = summands(step);
		return n > 1 ? (get) => step.compute(get) / n : undefined;
	},
	explanation(site, { steps }) {
		const terms = math(`${steps.tex(site.quantity)} = ${site.needs.map((n) => steps.tex(n)).join(' + ')}`);
		const what = site.kind === 'total-error' ? 'errors of the outputs' : 'paths';
		return `It looks like the ${what} were averaged: ${terms} adds them, without dividing by ${site.needs.length}.`;
	},
	// A batch gradient or a data set's error, read off the training trace: summed over the examples.
	direct: {
		value(steps, quantity) {
			const n = examplesIn(steps, quantity);
			return n > 1 ? steps.value(quantity) / n : undefined;
		},
		explanation(steps, quantity) {
			const n = examplesIn(steps, quantity);
			return `It looks like the ${n} examples were averaged: ${name(steps, quantity)} adds the contribution of every example, without dividing by ${n}.`;
		}
	}
};

/** How many examples a data-set quantity adds up: the batch gradient its (first) batch, unless averaged. */
function examplesIn(steps: Steps, quantity: string): number {
	if (!isDataSum(quantity) || !steps.examples) return 0;
	return quantity.startsWith('dE_batch/') ? steps.examples.batch : steps.examples.data;
}

export const oneSidedDifference: Mistake = {
	id: 'one-sided-difference',
	title: 'One-sided difference instead of the centred one',
	alter: () => undefined,
	explanation: () => '',
	direct: {
		value(steps, quantity) {
			const check = gradientCheckOf(quantity);
			if (!check || check.oneSided) return undefined;
			return steps.value(gradientCheck.oneSided(check.parameter));
		},
		explanation(steps, quantity) {
			const p = gradientCheckOf(quantity)?.parameter ?? '';
			const [plus, minus] = [steps.tex(gradientCheck.plus(p)), steps.tex(gradientCheck.minus(p))];
			const oneSided = math(`\\frac{${plus} - ${steps.tex('E_total')}}{\\varepsilon}`);
			const centred = math(`\\frac{${plus} - ${minus}}{2\\varepsilon}`);
			return `That is the one-sided difference ${oneSided}, a different method, not a rounding slip: this check takes the centred difference ${centred}, which is far closer to the true gradient.`;
		}
	}
};
