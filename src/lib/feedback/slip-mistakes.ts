// Slips of reading, not of understanding: a weight taken from another connection (the slides' own
// slip on slide 15), the bias left out of one neuron only. Found from the steps' terms and roles.
import type { Step, Steps } from '$lib/derivation';
import { parseQuantity } from '$lib/nn/quantity';
import { stepOf } from './evaluate';
import type { Mistake } from './types';
import { equals, name } from './words';

const termsWith = (step: Step | undefined, role: string) => (step?.terms ?? []).filter((t) => t.role === role).map((t) => t.name);

/** The bias of a net step, from its terms. */
export const biasOfStep = (step: Step): string | undefined => (step.kind === 'net' ? termsWith(step, 'bias')[0] : undefined);

/** One version per neuron: the bias left out of that neuron's net input only. */
export function biasLeftOutOf(neuron: string): Mistake {
	return {
		id: `bias-forgotten:${neuron}`,
		title: `Bias left out of ${neuron}`,
		misreading: true,
		alter(step) {
			const bias = step.neuron === neuron ? biasOfStep(step) : undefined;
			return bias === undefined ? undefined : (get) => step.compute((n) => (n === bias ? 0 : get(n)));
		},
		explanation(site, { steps, under }) {
			const bias = biasOfStep(site);
			const which = bias === undefined ? '' : ` ${equals(steps, bias, under(bias))}`;
			return `It looks like the bias${which} was left out of ${name(steps, site.quantity)}: the weighted sum of the inputs also adds it.`;
		}
	};
}

/** Neurons whose net step has a bias, among the steps of a chain. */
export const biasedIn = (chain: Step[]): string[] =>
	[...new Set(chain.filter((s) => biasOfStep(s) !== undefined && s.neuron !== undefined).map((s) => s.neuron as string))];

type Phase = 'forward' | 'backward';

/** Steps of a phase that read weight `w` as a term. */
function readsWeight(step: Step, w: string, phase: Phase): boolean {
	if (phase === 'forward') return step.kind === 'net' && termsWith(step, 'weight').includes(w);
	return (step.kind === 'weight-factor' || step.kind === 'hidden-gradient' || step.kind === 'path') && termsWith(step, 'weight').includes(w);
}

/** `other`'s value read where `w` belongs: in the forward pass (net inputs) or the backward pass (∂net/∂out). */
export function wrongWeight(w: string, other: string, phase: Phase): Mistake {
	const where = phase === 'forward' ? '' : '-back';
	return {
		id: `wrong-weight${where}:${other}-for-${w}`,
		title: phase === 'forward' ? `${other} used for ${w}` : `${other} used for ${w} on the way back`,
		misreading: true,
		alter(step) {
			if (!readsWeight(step, w, phase)) return undefined;
			return (get) => step.compute((n) => (n === w ? get(other) : get(n)));
		},
		explanation(site, { steps }) {
			const line = connection(steps, w);
			// Weights are given on the page: their names say enough (a value might be a right answer elsewhere).
			const [mine, theirs] = [name(steps, w), name(steps, other)];
			return `It looks like the value of ${theirs} was read where ${mine} belongs in ${name(steps, site.quantity)}${line ? `: ${mine} is the weight ${line}` : ''}.`;
		}
	};
}

/** "from i2 to h1", from the net step that reads `w`. */
function connection(steps: Steps, w: string): string | undefined {
	for (const net of netSteps(steps)) {
		const terms = net.terms ?? [];
		const i = terms.findIndex((t) => t.role === 'weight' && t.name === w);
		const source = terms[i + 1];
		// The neurons and inputs by their symbols (h_1, i_1), as the lesson's drawing names them.
		if (i >= 0 && source?.role === 'input' && net.neuron !== undefined) {
			const from = parseQuantity(source.name);
			return `from ${name(steps, from.kind === 'out' ? from.neuron : source.name)} to ${name(steps, net.neuron)}`;
		}
	}
	return undefined;
}

const netCache = new WeakMap<Steps, Step[]>();
function netSteps(steps: Steps): Step[] {
	let nets = netCache.get(steps);
	if (!nets) {
		nets = steps
			.quantities()
			.filter((q) => q.startsWith('net_'))
			.map((q) => stepOf(steps, q))
			.filter((s): s is Step => s?.kind === 'net' && s.terms !== undefined);
		netCache.set(steps, nets);
	}
	return nets;
}

/**
 * The weights a learner may take for `w`: the other weights of the same neuron, the weights on the
 * same input in other neurons of the layer, and its neighbours in the layer's order (w2 → w3, as
 * the slides do). Only weights with a different value: the same value is no slip at all.
 */
function alternatives(steps: Steps, w: string): string[] {
	const nets = netSteps(steps);
	const home = nets.find((n) => termsWith(n, 'weight').includes(w));
	if (!home) return [];
	const sources = (n: Step) => termsWith(n, 'input').sort().join(' ');
	const layer = nets.filter((n) => sources(n) === sources(home));
	const order = layer.flatMap((n) => termsWith(n, 'weight'));
	const at = order.indexOf(w);
	const sourceOf = (n: Step, weight: string) => {
		const t = n.terms ?? [];
		return t[t.findIndex((x) => x.role === 'weight' && x.name === weight) + 1]?.name;
	};
	const mySource = sourceOf(home, w);
	const sameSource = layer.flatMap((n) => termsWith(n, 'weight').filter((x) => sourceOf(n, x) === mySource));
	const picks = [...termsWith(home, 'weight'), ...sameSource, order[at - 1], order[at + 1]];
	const value = (x: string) => {
		try {
			return steps.value(x);
		} catch {
			return NaN;
		}
	};
	return [...new Set(picks)].filter((x): x is string => x !== undefined && x !== w && Number.isFinite(value(x)) && value(x) !== value(w));
}

/** Every wrong-weight slip that touches a step of `chain`. */
export function wrongWeightsIn(chain: Step[], steps: Steps): Mistake[] {
	const out: Mistake[] = [];
	const seen = new Set<string>();
	for (const step of chain) {
		const phase: Phase | undefined = step.kind === 'net' ? 'forward' : step.kind === 'weight-factor' || step.kind === 'hidden-gradient' || step.kind === 'path' ? 'backward' : undefined;
		if (!phase) continue;
		for (const w of termsWith(step, 'weight')) {
			for (const other of alternatives(steps, w)) {
				const m = wrongWeight(w, other, phase);
				if (!seen.has(m.id)) out.push(m), seen.add(m.id);
			}
		}
	}
	return out;
}
