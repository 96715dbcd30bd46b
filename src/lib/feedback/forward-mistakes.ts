// Slips in the forward pass and the loss: where a value is computed with the wrong rule.
import type { Step, Steps } from '$lib/derivation';
import { probe, readsOf, stepOf } from './evaluate';
import type { Mistake } from './types';
import { activationOf, equals, math, name, numTex } from './words';

/** A linear activation passes net through: using net for out would change nothing. */
function isIdentity(step: Step, steps: Steps): boolean {
	const net = `net_${step.neuron}`;
	return [0.25, -1.5].every((x) => probe(step, steps, { [net]: x }) === x);
}

/** The bias a net step adds, found as the parameter whose own factor ∂net/∂b is a bias factor. */
function biasOf(step: Step, steps: Steps): string | undefined {
	if (step.kind !== 'net' || step.neuron === undefined) return undefined;
	const n = step.neuron;
	return readsOf(step, steps).find((p) => steps.isGiven(p) && stepOf(steps, `dnet_${n}/d${p}`)?.kind === 'bias-factor');
}

export const biasForgotten: Mistake = {
	id: 'bias-forgotten',
	title: 'Bias forgotten',
	alter(step, steps) {
		const bias = biasOf(step, steps);
		return bias === undefined ? undefined : (get) => step.compute((n) => (n === bias ? 0 : get(n)));
	},
	explanation(site, { steps, under }) {
		const bias = biasOf(site, steps);
		const adds = bias === undefined ? 'the bias' : `the bias ${equals(steps, bias, under(bias))}`;
		return `It looks like the bias was left out of ${name(steps, site.quantity)}: the weighted sum of the inputs also adds ${adds}.`;
	}
};

export const netForOut: Mistake = {
	id: 'net-for-out',
	title: 'net used where out belongs',
	alter(step, steps) {
		const net = `net_${step.neuron}`;
		if (step.kind === 'activation' && step.needs.includes(net) && !isIdentity(step, steps)) return (get) => get(net);
		const out = step.kind === 'input-factor' ? step.needs.find((n) => n.startsWith('out_')) : undefined;
		const source = out === undefined ? undefined : stepOf(steps, out);
		if (out === undefined || !source || isIdentity(source, steps)) return undefined;
		const sourceNet = `net_${out.slice(4)}`;
		return (get) => step.compute((n) => (n === out ? get(sourceNet) : get(n)));
	},
	explanation(site, { steps, under }) {
		if (site.kind === 'activation') {
			const net = `net_${site.neuron}`;
			const act = activationOf(site);
			// The learner's own net differs when an earlier layer had the same slip: then no number.
			const of = under(net) === steps.value(net) ? equals(steps, net, under(net)) : name(steps, net);
			return `It looks like the ${act} was not applied: ${name(steps, site.quantity)} is the ${act} of ${of}, not ${name(steps, net)} itself.`;
		}
		const out = site.needs.find((n) => n.startsWith('out_')) ?? 'out';
		const net = `net_${out.slice(4)}`;
		const weight = site.parameter === undefined ? 'the weight' : name(steps, site.parameter);
		return `It looks like you used ${equals(steps, net, under(net))} where ${name(steps, out)} belongs: ${weight} multiplies the neuron's output, ${name(steps, out)}.`;
	}
};

/** Bound to the asked quantity: a learner who types out_X when net_X was asked. */
export function outForNet(asked: string): Mistake {
	return {
		id: 'out-for-net',
		title: 'out given where net was asked',
		alter(step, steps) {
			const out = step.kind === 'net' && step.quantity === asked ? stepOf(steps, `out_${step.neuron}`) : undefined;
			if (!out || isIdentity(out, steps)) return undefined;
			return (get) => {
				const net = step.compute(get);
				return out.compute((n) => (n === step.quantity ? net : get(n)));
			};
		},
		explanation(site, { steps }) {
			const out = stepOf(steps, `out_${site.neuron}`);
			const act = activationOf(out);
			return `That looks like ${name(steps, `out_${site.neuron}`)}, the value after the ${act}; ${name(steps, site.quantity)} is the weighted sum that goes into it.`;
		}
	};
}

export const sigmaPrimeFromNet: Mistake = {
	id: 'sigma-prime-from-net',
	title: 'σ′ computed from net instead of out',
	alter(step) {
		const out = `out_${step.neuron}`;
		if (step.kind !== 'activation-derivative' || !step.needs.includes(out)) return undefined;
		const net = `net_${step.neuron}`;
		return (get) => step.compute((n) => (n === out ? get(net) : get(n)));
	},
	explanation(site, { steps, under }) {
		const [net, out] = [`net_${site.neuron}`, `out_${site.neuron}`];
		const act = activationOf(site);
		const o = steps.tex(out);
		const [derivative, formula] =
			act === 'sigmoid'
				? [math("\\sigma'"), `: ${math(`\\sigma' = ${o}(1 - ${o})`)}`]
				: act === 'tanh'
					? [math("\\tanh'"), `: ${math(`\\tanh' = 1 - ${o}^2`)}`]
					: ['the derivative', ''];
		return `It looks like you used ${equals(steps, net, under(net))} in ${derivative} instead of ${name(steps, out)}${formula}.`;
	}
};

/** The names of the target and the output an error step reads. */
const lossTerms = (step: Step) => [`target_${step.neuron}`, `out_${step.neuron}`] as const;

export const halfDropped: Mistake = {
	id: 'half-dropped',
	title: 'The ½ of the squared error dropped',
	alter(step, steps) {
		if (step.kind !== 'error' && step.kind !== 'output-gradient') return undefined;
		const [t, o] = lossTerms(step);
		// ½(1 − 0)² = 0.5 and −(1 − 0) = −1 only for the half squared error.
		const half = probe(step, steps, { [t]: 1, [o]: 0 }) === (step.kind === 'error' ? 0.5 : -1);
		return half ? (get) => 2 * step.compute(get) : undefined;
	},
	explanation(site, { steps, under }) {
		const [t, o] = lossTerms(site).map((n) => steps.tex(n)) as [string, string];
		const error = steps.tex(`E_${site.neuron}`);
		if (site.kind === 'error')
			return `It looks like the ½ was dropped: ${math(`${steps.tex(site.quantity)} = \\tfrac{1}{2}(${t} - ${o})^2`)}, half the squared difference.`;
		const twice = math(`-2(${t} - ${o}) = ${numTex(under(site.quantity))}`);
		return `It looks like you used ${twice}: with ${math(`${error} = \\tfrac{1}{2}(${t} - ${o})^2`)} the 2 cancels the ½, so ${math(`${steps.tex(site.quantity)} = -(${t} - ${o})`)}.`;
	}
};

export const targetOutputSwapped: Mistake = {
	id: 'target-output-swapped',
	title: 'Target and output swapped',
	alter(step) {
		if (step.kind !== 'output-gradient') return undefined;
		const [t, o] = lossTerms(step);
		return (get) => step.compute((n) => (n === t ? get(o) : n === o ? get(t) : get(n)));
	},
	explanation(site, { steps, under }) {
		const [t, o] = lossTerms(site);
		const rule = math(`${steps.tex(site.quantity)} = -(${steps.tex(t)} - ${steps.tex(o)})`);
		return `It looks like the target and the output were swapped: ${rule}, with the target ${equals(steps, t, under(t))} first.`;
	}
};

/** Bound to the asked quantity: the right size with the wrong sign. */
export function signFlipped(asked: string): Mistake {
	return {
		id: 'sign-flipped',
		title: 'Sign flipped',
		// Zero has no sign to flip (a max gate's loser, a dead ReLU): no new numbers could change that.
		alter: (step) => (step.quantity === asked && step.value !== 0 ? (get) => -step.compute(get) : undefined),
		explanation: (site, { steps }) =>
			`The size is right, but the sign is flipped: check each minus sign on the way to ${name(steps, site.quantity)}.`
	};
}
