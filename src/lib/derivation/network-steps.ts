import type { NetworkModel, NeuronInfo, Trace } from '$lib/nn';
import { num, quantityTex, tex, type Labels } from './tex';

/** One chain-rule step: what to compute, its formula in symbols, then with numbers, then the value. */
export type Step = {
	quantity: string;
	/** TeX of the quantity, e.g. \frac{\partial E_{total}}{\partial w_5}. */
	label: string;
	/** TeX of the right-hand side in symbols. */
	symbolic: string;
	/** TeX of the right-hand side with the numbers substituted. */
	substituted: string;
	value: number;
	/** What rule the step applies, in a few plain words. */
	rule: string;
	/** Computed quantities whose values appear in `substituted`: the steps to settle first. */
	needs: string[];
	/** True when the value is simply read off the network (a weight, an input, the constant 1). */
	given: boolean;
};

export type Context = { model: NetworkModel; trace: Trace; labels: Labels };

const q = (c: Context, name: string) => quantityTex(name, c.labels);
const v = (c: Context, name: string) => c.trace[name] as number;
const neuron = (c: Context, name: string) => c.model.neurons.find((n) => n.name === name) as NeuronInfo;
const isInput = (c: Context, source: string) => source in c.model.spec.inputs;
const sourceName = (c: Context, source: string) => (isInput(c, source) ? source : `out_${source}`);
const weightTex = (c: Context, w: string | number) => (typeof w === 'number' ? num(w) : q(c, w));
const weightValue = (c: Context, w: string | number) => (typeof w === 'number' ? w : v(c, w));

/** Builds a step whose symbolic and substituted forms are a product or sum of named factors. */
function combine(c: Context, quantity: string, factors: string[], op: 'product' | 'sum', rule: string): Step {
	const join = op === 'product' ? tex.times : ' + ';
	return {
		quantity,
		label: q(c, quantity),
		symbolic: factors.map((f) => q(c, f)).join(join),
		substituted: factors.map((f) => num(v(c, f))).join(join),
		value: v(c, quantity),
		rule,
		needs: factors.filter((f) => isComputed(c, f)),
		given: false
	};
}

/** Inputs, parameters and targets are given; everything else the learner may have to compute. */
function isComputed(c: Context, name: string): boolean {
	const { inputs, parameters } = c.model.spec;
	return !(name in inputs) && !(name in parameters) && !name.startsWith('target_');
}

/** The step that computes one quantity of a network from quantities before it. */
export function networkStep(c: Context, quantity: string): Step | undefined {
	let m: RegExpExecArray | null;
	const step = (symbolic: string, substituted: string, rule: string, needs: string[] = [], given = false): Step => ({
		quantity, label: q(c, quantity), symbolic, substituted, value: v(c, quantity), rule,
		needs: needs.filter((n) => isComputed(c, n)), given
	});
	if ((m = /^net_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		const terms = n.inputs.map((i) => [weightTex(c, i.weight) + tex.times + q(c, sourceName(c, i.source)), num(weightValue(c, i.weight)) + tex.times + num(v(c, sourceName(c, i.source)))]);
		if (n.bias !== undefined) terms.push([weightTex(c, n.bias), num(weightValue(c, n.bias))]);
		const needs = n.inputs.map((i) => sourceName(c, i.source));
		return step(terms.map((t) => t[0]).join(' + '), terms.map((t) => t[1]).join(' + '), 'weighted sum of the inputs plus the bias', needs);
	}
	if ((m = /^out_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		const [symbolic, substituted] = activationTex(n, q(c, `net_${n.name}`), num(v(c, `net_${n.name}`)));
		return step(symbolic, substituted, `${n.activation.type} of the net input`, [`net_${n.name}`]);
	}
	if ((m = /^dout_(.+)\/dnet_\1$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		const out = q(c, `out_${n.name}`);
		const outV = num(v(c, `out_${n.name}`));
		const [symbolic, substituted] = activationDerivativeTex(n, out, outV, q(c, `net_${n.name}`), num(v(c, `net_${n.name}`)));
		const reads = n.activation.type === 'relu' ? `net_${n.name}` : `out_${n.name}`;
		return step(symbolic, substituted, `derivative of the ${n.activation.type}`, ['sigmoid', 'tanh', 'relu'].includes(n.activation.type) ? [reads] : []);
	}
	if ((m = /^E_(.+)$/.exec(quantity)) && quantity !== 'E_total') {
		const o = m[1] as string;
		const t = q(c, `target_${o}`), out = q(c, `out_${o}`);
		const tv = num(c.model.spec.targets?.[o] as number), ov = num(v(c, `out_${o}`));
		const [pre, preV] = lossFactor(c);
		return step(`${pre}(${t} - ${out})^2`, `${preV}(${tv} - ${ov})^2`, lossRule(c), [`out_${o}`]);
	}
	if (quantity === 'E_total') {
		return combine(c, quantity, outputs(c).map((o) => `E_${o.name}`), 'sum', 'sum of the output errors');
	}
	if ((m = /^dE\/dout_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		if (n.isOutput) {
			const t = q(c, `target_${n.name}`), out = q(c, `out_${n.name}`);
			const tv = num(c.model.spec.targets?.[n.name] as number), ov = num(v(c, `out_${n.name}`));
			const [pre, preV] = lossDerivativeFactor(c);
			return step(`${pre}(${t} - ${out})`, `${preV}(${tv} - ${ov})`, 'derivative of the error with respect to the output', [`out_${n.name}`]);
		}
		const consumers = consumersOf(c, n.name);
		if (consumers.every((o) => o.isOutput)) {
			return combine(c, quantity, consumers.map((o) => `dE_${o.name}/dout_${n.name}`), 'sum', 'the output feeds several neurons: add the gradient of each path');
		}
		const terms = consumers.map((o) => {
			const w = o.inputs.find((i) => i.source === n.name)?.weight as string | number;
			return [q(c, `delta_${o.name}`) + tex.times + weightTex(c, w), num(v(c, `delta_${o.name}`)) + tex.times + num(weightValue(c, w))];
		});
		return step(terms.map((t) => t[0]).join(' + '), terms.map((t) => t[1]).join(' + '), 'sum over the neurons this output feeds: δ times the weight', consumers.map((o) => `delta_${o.name}`));
	}
	if ((m = /^dE_(.+)\/dout_(.+)$/.exec(quantity))) {
		const [o, h] = [m[1] as string, m[2] as string];
		return combine(c, quantity, [`delta_${o}`, `dnet_${o}/dout_${h}`], 'product', `chain rule through ${o}: δ of ${o} times the weight from ${h}`);
	}
	if ((m = /^delta_(.+)$/.exec(quantity))) {
		const n = m[1] as string;
		return combine(c, quantity, [`dE/dout_${n}`, `dout_${n}/dnet_${n}`], 'product', 'chain rule: the error gradient at the output times the activation derivative');
	}
	if ((m = /^dnet_(.+)\/d(.+)$/.exec(quantity))) {
		const [n, p] = [neuron(c, m[1] as string), m[2] as string];
		if (p.startsWith('out_')) {
			const w = n.inputs.find((i) => `out_${i.source}` === p)?.weight as string | number;
			return step(weightTex(c, w), num(weightValue(c, w)), 'the net input changes by the weight for each unit of this output', [], true);
		}
		if (n.bias === p && !n.inputs.some((i) => i.weight === p)) return step('1', '1', 'the bias is added as it is', [], true);
		const source = n.inputs.find((i) => i.weight === p)?.source as string;
		const read = sourceName(c, source);
		return step(q(c, read), num(v(c, read)), 'the weight multiplies this input', [read], !isComputed(c, read));
	}
	if ((m = /^dE\/d(.+)$/.exec(quantity))) {
		const p = m[1] as string;
		const users = c.model.neurons.filter((n) => n.bias === p || n.inputs.some((i) => i.weight === p));
		if (users.length === 1) {
			const n = users[0] as NeuronInfo;
			return combine(c, quantity, [`dE/dout_${n.name}`, `dout_${n.name}/dnet_${n.name}`, `dnet_${n.name}/d${p}`], 'product', 'chain rule: three factors from the error down to the parameter');
		}
		const terms = users.map((n) => [q(c, `delta_${n.name}`) + tex.times + q(c, `dnet_${n.name}/d${p}`), num(v(c, `delta_${n.name}`)) + tex.times + num(v(c, `dnet_${n.name}/d${p}`))]);
		const needs = users.flatMap((n) => [`delta_${n.name}`, `dnet_${n.name}/d${p}`]);
		return step(terms.map((t) => t[0]).join(' + '), terms.map((t) => t[1]).join(' + '), 'the parameter feeds several neurons: add the gradient through each', needs);
	}
	if ((m = /^(.+)_new$/.exec(quantity))) {
		const p = m[1] as string;
		const rate = c.model.spec.learningRate as number;
		if (!c.model.trainable.includes(p)) return step(q(c, p), num(v(c, p)), 'this parameter is kept fixed', [], true);
		return step(`${q(c, p)} - \\eta${tex.times}${q(c, `dE/d${p}`)}`, `${num(v(c, p))} - ${num(rate)}${tex.times}${num(v(c, `dE/d${p}`))}`, 'gradient descent: step against the gradient, scaled by the learning rate η', [`dE/d${p}`]);
	}
	return undefined;
}

/**
 * The steps that compute `target` (a network quantity), each after the steps it needs, each once.
 * For dE/dw1 this is the full backward path; for w5_new, the three factors, their product and
 * the update.
 */
export function networkDerivation(c: Context, target: string): Step[] {
	const steps: Step[] = [];
	const seen = new Set<string>();
	const visit = (quantity: string) => {
		if (seen.has(quantity)) return;
		seen.add(quantity);
		for (const needed of prerequisites(c, quantity)) visit(needed);
		const step = networkStep(c, quantity);
		if (step) steps.push(step);
	};
	visit(target);
	return steps;
}

/** The backward-pass quantities a step is built from (forward values are taken as known). */
function prerequisites(c: Context, quantity: string): string[] {
	let m: RegExpExecArray | null;
	if ((m = /^(.+)_new$/.exec(quantity))) return [`dE/d${m[1]}`];
	if ((m = /^dE\/dout_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		if (n.isOutput) return [];
		const consumers = consumersOf(c, n.name);
		return consumers.every((o) => o.isOutput)
			? consumers.map((o) => `dE_${o.name}/dout_${n.name}`)
			: consumers.map((o) => `delta_${o.name}`);
	}
	if ((m = /^dE_(.+)\/dout_(.+)$/.exec(quantity))) return [`delta_${m[1]}`, `dnet_${m[1]}/dout_${m[2]}`];
	if ((m = /^delta_(.+)$/.exec(quantity))) return [`dE/dout_${m[1]}`, `dout_${m[1]}/dnet_${m[1]}`];
	if ((m = /^dE\/d(.+)$/.exec(quantity))) {
		const p = m[1] as string;
		const users = c.model.neurons.filter((n) => n.bias === p || n.inputs.some((i) => i.weight === p));
		if (users.length === 1) {
			const n = (users[0] as NeuronInfo).name;
			return [`dE/dout_${n}`, `dout_${n}/dnet_${n}`, `dnet_${n}/d${p}`];
		}
		return users.flatMap((n) => [`delta_${n.name}`, `dnet_${n.name}/d${p}`]);
	}
	return [];
}

const outputs = (c: Context) => c.model.neurons.filter((n) => n.isOutput);
const consumersOf = (c: Context, name: string) => c.model.neurons.filter((n) => n.inputs.some((i) => i.source === name));

function lossFactor(c: Context): [string, string] {
	const loss = c.model.spec.loss;
	if (loss === 'half-squared-error') return ['\\tfrac{1}{2}', '\\tfrac{1}{2}'];
	if (loss === 'mean-squared-error') return [`\\tfrac{1}{${outputs(c).length}}`, `\\tfrac{1}{${outputs(c).length}}`];
	return ['', ''];
}

function lossDerivativeFactor(c: Context): [string, string] {
	const loss = c.model.spec.loss;
	if (loss === 'half-squared-error') return ['-', '-'];
	if (loss === 'mean-squared-error') return [`-\\tfrac{2}{${outputs(c).length}}`, `-\\tfrac{2}{${outputs(c).length}}`];
	return ['-2', '-2'];
}

function lossRule(c: Context): string {
	const loss = c.model.spec.loss;
	if (loss === 'half-squared-error') return 'half the squared difference between target and output';
	if (loss === 'mean-squared-error') return 'the squared difference, divided by the number of outputs';
	return 'the squared difference between target and output';
}

function activationTex(n: NeuronInfo, net: string, netV: string): [string, string] {
	const a = n.activation;
	switch (a.type) {
		case 'sigmoid': {
			const arg = (x: string) => shifted(x, a.threshold, a.temperature);
			return [`\\frac{1}{1 + e^{-${arg(net)}}}`, `\\frac{1}{1 + e^{-${arg(netV)}}}`];
		}
		case 'tanh':
			return [`\\tanh(${net})`, `\\tanh(${netV})`];
		case 'relu':
			return [`\\max(0, ${net})`, `\\max(0, ${netV})`];
		case 'step': {
			const cmp = a.atThreshold === 1 ? '\\ge' : '>';
			const body = (x: string) => `\\begin{cases} 1 & ${x} ${cmp} ${num(a.threshold)} \\\\ 0 & \\text{otherwise} \\end{cases}`;
			return [body(net), body(netV)];
		}
		case 'identity':
		case 'linear':
			return [net, netV];
	}
}

function shifted(x: string, threshold: number, temperature: number): string {
	const inner = threshold === 0 ? x : `${x} - ${num(threshold)}`;
	if (temperature === 1) return threshold === 0 ? x : `(${inner})`;
	return `(${inner})/${num(temperature)}`;
}

function activationDerivativeTex(n: NeuronInfo, out: string, outV: string, net: string, netV: string): [string, string] {
	const a = n.activation;
	switch (a.type) {
		case 'sigmoid': {
			const t = a.temperature === 1 ? '' : `\\tfrac{1}{${num(a.temperature)}}`;
			return [`${t}${out}(1 - ${out})`, `${t}${outV}(1 - ${outV})`];
		}
		case 'tanh':
			return [`1 - ${out}^2`, `1 - ${outV}^2`];
		case 'relu':
			return [`\\begin{cases} 1 & ${net} > 0 \\\\ 0 & \\text{otherwise} \\end{cases}`, `\\begin{cases} 1 & ${netV} > 0 \\\\ 0 & \\text{otherwise} \\end{cases}`];
		case 'step':
			return ['0', '0'];
		case 'identity':
		case 'linear':
			return ['1', '1'];
	}
}
