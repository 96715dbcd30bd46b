// Slips in the backward pass and the update: a factor left out, a sum cut short, a wrong weight.
import type { Step, Steps } from '$lib/derivation';
import { parseQuantity, partialOf } from '$lib/nn/quantity';
import { probe, readsOf, stepOf } from './evaluate';
import type { Mistake } from './types';
import { activationOf, equals, list, math, name, numTex } from './words';

/** ∂out_X/∂net_X, the activation's derivative of one neuron. */
function isActivationDerivative(name: string): boolean {
	const [of, wrt] = partialOf(name) ?? [];
	if (of === undefined || wrt === undefined) return false;
	const [a, b] = [parseQuantity(of), parseQuantity(wrt)];
	return a.kind === 'out' && b.kind === 'net' && a.neuron === b.neuron;
}

export const sigmaPrimeLeftOut: Mistake = {
	id: 'sigma-prime-left-out',
	title: 'σ′ left out',
	alter(step, steps) {
		const d = step.needs.find((n) => isActivationDerivative(n));
		const derivative = d === undefined ? undefined : stepOf(steps, d);
		// A linear neuron's ∂out/∂net is the constant 1: leaving it out is no slip.
		if (d === undefined || !derivative || (derivative.needs.length === 0 && derivative.value === 1)) return undefined;
		return (get) => step.compute((n) => (n === d ? 1 : get(n)));
	},
	explanation(site, { steps }) {
		const d = site.needs.find((n) => isActivationDerivative(n)) ?? '';
		const act = activationOf(stepOf(steps, d));
		const factor = act === 'sigmoid' ? math(`\\sigma' = ${steps.tex(d)}`) : `the ${act}'s derivative ${name(steps, d)}`;
		const product = math(site.needs.map((n) => steps.tex(n)).join(' \\cdot '));
		return `It looks like ${factor} was left out of ${name(steps, site.quantity)}: the chain rule multiplies ${product}.`;
	}
};

/** The neuron a path term of a hidden gradient goes through: dE_o1/dout_h1 or delta_o1 → o1. */
function throughOf(name: string): string | undefined {
	const q = parseQuantity(name);
	if (q.kind === 'delta') return q.neuron;
	if (q.kind !== 'partial' || parseQuantity(q.wrt).kind !== 'out') return undefined;
	const of = parseQuantity(q.of);
	return of.kind === 'error' ? of.neuron : undefined;
}

/** Keeps only the terms of `step` whose needs `keep` accepts; the others read as 0. */
function onlySome(step: Step, keep: (need: string) => boolean) {
	const dropped = new Set(step.needs.filter((n) => !keep(n)));
	return (get: (n: string) => number) => step.compute((n) => (dropped.has(n) ? 0 : get(n)));
}

/** One version per neuron a hidden output feeds: "only the path through o1", "… through o2". */
export function onePath(via: string): Mistake {
	const applies = (step: Step) =>
		step.kind === 'hidden-gradient' && step.needs.length > 1 && step.needs.some((n) => throughOf(n) === via);
	return {
		id: `one-path:${via}`,
		title: `Only the path through ${via} summed`,
		alter: (step) => (applies(step) ? onlySome(step, (n) => throughOf(n) === via) : undefined),
		explanation(site, { steps }) {
			const feeds = list([...new Set(site.needs.map((n) => throughOf(n) ?? n))].map((n) => name(steps, n)));
			const asked = steps.tex(site.quantity);
			const paths = site.needs.every((n) => n.startsWith('dE_'))
				? math(`${asked} = ${site.needs.map((n) => steps.tex(n)).join(' + ')}`)
				: `${math(asked)} has one term for each`;
			return `It looks like only the path through ${name(steps, via)} was counted: ${name(steps, `out_${site.neuron}`)} feeds ${feeds}, so ${paths}.`;
		}
	};
}

export const pathsIn = (chain: Step[]): string[] => [
	...new Set(chain.filter((s) => s.kind === 'hidden-gradient' && s.needs.length > 1).flatMap((s) => s.needs.map(throughOf)))
].filter((x): x is string => x !== undefined);

/** The neuron a term of a shared parameter's gradient belongs to: delta_h1 or dnet_h1/db1 → h1. */
function ownerOf(name: string): string | undefined {
	const q = parseQuantity(name);
	if (q.kind === 'delta') return q.neuron;
	const of = q.kind === 'partial' ? parseQuantity(q.of) : undefined;
	return of?.kind === 'net' ? of.neuron : undefined;
}
const isShared = (step: Step) =>
	step.kind === 'parameter-gradient' && step.neuron === undefined && new Set(step.needs.map(ownerOf)).size > 1;

/** One version per neuron a shared parameter feeds: its gradient taken through that neuron only. */
export function sharedOnlyThrough(via: string): Mistake {
	return {
		id: `shared-one:${via}`,
		title: `Shared parameter's gradient taken through ${via} only`,
		alter: (step) =>
			isShared(step) && step.needs.some((n) => ownerOf(n) === via) ? onlySome(step, (n) => ownerOf(n) === via) : undefined,
		explanation(site, { steps }) {
			const p = site.parameter ?? 'the parameter';
			const owners = [...new Set(site.needs.map((n) => ownerOf(n) ?? n))];
			const bias = stepOf(steps, `dnet_${via}/d${p}`)?.kind === 'bias-factor' ? 'bias ' : '';
			const term = math(`\\delta \\cdot \\frac{\\partial \\mathrm{net}}{\\partial ${steps.tex(p)}}`);
			return `It looks like only the term through ${name(steps, via)} was counted: the ${bias}${name(steps, p)} feeds ${list(owners.map((o) => name(steps, o)))}, so ${name(steps, site.quantity)} adds ${term} over all of them.`;
		}
	};
}

export const sharedIn = (chain: Step[]): string[] =>
	[...new Set(chain.filter(isShared).flatMap((s) => s.needs.map(ownerOf)))].filter((x): x is string => x !== undefined);

/** Parameters a step reads that one update step changes. */
function updatedReads(step: Step, steps: Steps): string[] {
	return readsOf(step, steps).filter((p) => {
		const update = steps.isGiven(p) ? stepOf(steps, `${p}_new`) : undefined;
		return update !== undefined && !update.given;
	});
}

export const updatedWeights: Mistake = {
	id: 'updated-weights',
	title: 'Updated weights used in the hidden layer',
	alter(step, steps) {
		if (step.kind !== 'weight-factor' && step.kind !== 'hidden-gradient' && step.kind !== 'path') return undefined;
		const old = updatedReads(step, steps);
		return old.length === 0 ? undefined : (get) => step.compute((n) => (old.includes(n) ? get(`${n}_new`) : get(n)));
	},
	explanation(site, { steps, under }) {
		const w = updatedReads(site, steps)[0];
		const updated = w === undefined ? 'weights' : equals(steps, `${w}_new`, under(`${w}_new`));
		return `It looks like you used the updated ${updated}: the whole backward pass uses the weights from before the update.`;
	}
};

/** An update w − η·∂E/∂w: its parameter, gradient and rate (found by a probe), or undefined. */
function updateOf(step: Step, steps: Steps) {
	if (step.kind !== 'update' || step.given || step.parameter === undefined) return undefined;
	const [p, g] = [step.parameter, `dE/d${step.parameter}`];
	const rate = -probe(step, steps, { [p]: 0, [g]: 1 });
	return Number.isFinite(rate) && rate !== 0 ? { p, g, rate } : undefined;
}

export const plusUpdate: Mistake = {
	id: 'plus-update',
	title: 'Update taken with + instead of −',
	alter(step, steps) {
		const u = updateOf(step, steps);
		return u && ((get) => get(u.p) + u.rate * get(u.g));
	},
	explanation(site, { steps }) {
		const u = updateOf(site, steps);
		const rule = u ? `${steps.tex(u.p)} - ${numTex(u.rate)} \\cdot ${steps.tex(u.g)}` : 'w - \\eta \\cdot \\frac{\\partial E}{\\partial w}';
		return `It looks like the step went up the gradient: the update subtracts, ${math(rule)}.`;
	}
};

export const rateLeftOut: Mistake = {
	id: 'rate-left-out',
	title: 'Learning rate left out',
	alter(step, steps) {
		const u = updateOf(step, steps);
		return u && u.rate !== 1 ? (get) => get(u.p) - get(u.g) : undefined;
	},
	explanation(site, { steps }) {
		const u = updateOf(site, steps);
		const rule = u
			? `${math(`${steps.tex(u.p)} - \\eta \\cdot ${steps.tex(u.g)}`)} with ${math(`\\eta = ${numTex(u.rate)}`)}`
			: math('w - \\eta \\cdot \\frac{\\partial E}{\\partial w}');
		return `It looks like the learning rate was left out: the update is ${rule}.`;
	}
};
