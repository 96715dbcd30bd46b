import { OPS } from '$lib/autograd';
import type { Activation, NetworkModel, NeuronInfo, Trace } from '$lib/nn';
import { constant, named, product, shaped, single, sum, sumOfChains, sumOfProducts, type Formula, type Get, type Term } from './formula';
import { postOrder } from './order';
import { bare, inline, num, quantityTex, tex, type Labels } from './tex';
import { canonicalQuantity } from '$lib/nn/quantity';

/** What a step computes, so that a rule (or a learner's slip of that rule) can be swapped in. */
export type StepKind =
	| 'net'
	| 'activation'
	| 'activation-derivative'
	| 'error'
	| 'total-error'
	| 'output-gradient'
	| 'hidden-gradient'
	| 'path'
	| 'delta'
	| 'weight-factor'
	| 'input-factor'
	| 'bias-factor'
	| 'parameter-gradient'
	/** ∂E/∂I for an input I of the network. */
	| 'input-gradient'
	| 'update'
	| 'velocity'
	// Computational graphs (graph-steps.ts): a definition forward, a gate's local gradient,
	// upstream × local (summed over uses), and ∂F/∂F = 1 where the backward pass starts.
	| 'definition'
	| 'graph-local'
	| 'graph-gradient'
	| 'graph-output';

/**
 * What a named term of a step's formula is, so that feedback and the diagram read fields, not wording:
 * - `weight`, `input`, `bias`: a net input's weighted sum (input is the source: an input or out_X);
 * - `net`, `output`, `target`: what an activation, its derivative, an error reads;
 * - `upstream`: the gradient arriving from above (∂E/∂out, δ of a later neuron);
 * - `local`: a derivative of this link (∂out/∂net, ∂net/∂w);
 * - `path`: one path's share of a sum over paths (∂E_o1/∂out_h1);
 * - `parameter`, `gradient`, `velocity`: an update's parameter, its gradient, its velocity.
 */
export type Role =
	| 'weight'
	| 'input'
	| 'bias'
	| 'net'
	| 'output'
	| 'target'
	| 'upstream'
	| 'local'
	| 'path'
	| 'parameter'
	| 'gradient'
	| 'velocity';

/** A named term of a step's formula and its role. */
export type StepTerm = { name: string; role: Role };

/** One chain-rule step: what to compute, its formula in symbols, then with numbers, then the value. */
export type Step = {
	quantity: string;
	kind: StepKind;
	/** The neuron the step belongs to, and the parameter for gradient and update steps. */
	neuron?: string;
	parameter?: string;
	/** TeX of the quantity, e.g. \frac{\partial E_{total}}{\partial w_5}. */
	label: string;
	/** TeX of the right-hand side in symbols. */
	symbolic: string;
	/** TeX of the right-hand side with the engine's numbers substituted. */
	substituted: string;
	/** The same right-hand side with anyone's numbers: a learner's own, or a mistaken rule's. */
	substitute(get: Get): string;
	/** Evaluates the right-hand side; with the engine's values it gives `value`. */
	compute(get: Get): number;
	value: number;
	/** What rule the step applies, in a few plain words. */
	rule: string;
	/** Computed quantities it reads: the steps to settle first. */
	needs: string[];
	/** True when the value is simply read off the network (a weight, an input, the constant 1). */
	given: boolean;
	/**
	 * The activation the step is about (sigmoid, tanh, relu, step, identity, linear, softmax): set on
	 * activation, activation-derivative and delta steps, so that feedback need not parse `rule`.
	 */
	activation?: string;
	/** The gate of a graph-local step (mul, add, exp, … as in graph-local.ts's Gate). */
	gate?: string;
	/** The named terms of the formula with their roles, in formula order (network steps). */
	terms?: StepTerm[];
	/** The learning rate of an update step (a constant of the formula, not a named term). */
	rate?: number;
};

export type Context = { model: NetworkModel; trace: Trace; labels: Labels };

/** The engine's value of any quantity, targets included (they are data, not trace entries). */
export function engineValues(c: Context): Get {
	return (name) => {
		const value = c.trace[name] ?? (name.startsWith('target_') ? c.model.spec.targets?.[name.slice(7)] : undefined);
		if (value === undefined) throw new Error(`no value for ${name}`);
		return value;
	};
}

/** A quantity inside a rule, written as the page writes it (its label or default TeX). */
const say = (c: Context, name: string) => inline(quantityTex(name, c.labels));
const neuron = (c: Context, name: string) => indexOf(c).byName.get(name);
const isSoftmax = (n: NeuronInfo) => n.activation.type === 'softmax';
const isInput = (c: Context, source: string) => source in c.model.spec.inputs;
const sourceName = (c: Context, source: string) => (isInput(c, source) ? source : `out_${source}`);
const weightTerm = (c: Context, w: string | number): Term => (typeof w === 'number' ? constant(w) : named(w, c.labels));
const layerOf = (c: Context, n: NeuronInfo) => indexOf(c).layers.get(n.layer) ?? [];
const outputs = (c: Context) => indexOf(c).outputs;
const consumersOf = (c: Context, name: string) => indexOf(c).readers.get(name) ?? [];
const usersOf = (c: Context, p: string) => indexOf(c).users.get(p) ?? [];

/**
 * The neurons by name, layer, source read and parameter used, built once per model: a scan of
 * every neuron for each step made the derivation over a long chain quadratic. Each list keeps
 * the neurons' order.
 */
type NeuronIndex = { byName: Map<string, NeuronInfo>; layers: Map<number, NeuronInfo[]>; outputs: NeuronInfo[]; readers: Map<string, NeuronInfo[]>; users: Map<string, NeuronInfo[]> };
const indexes = new WeakMap<NetworkModel, NeuronIndex>();
function indexOf(c: Context): NeuronIndex {
	const known = indexes.get(c.model);
	if (known) return known;
	const index: NeuronIndex = { byName: new Map(), layers: new Map(), outputs: [], readers: new Map(), users: new Map() };
	const add = <K>(map: Map<K, NeuronInfo[]>, key: K, n: NeuronInfo) => {
		const list = map.get(key);
		if (!list) map.set(key, [n]);
		else if (list[list.length - 1] !== n) list.push(n);
	};
	for (const n of c.model.neurons) {
		if (!index.byName.has(n.name)) index.byName.set(n.name, n);
		add(index.layers, n.layer, n);
		if (n.isOutput) index.outputs.push(n);
		if (typeof n.bias === 'string') add(index.users, n.bias, n);
		for (const i of n.inputs) {
			add(index.readers, i.source, n);
			if (typeof i.weight === 'string') add(index.users, i.weight, n);
		}
	}
	indexes.set(c.model, index);
	return index;
}

/** Inputs, parameters and targets are given; everything else the learner may have to compute. */
function isComputed(c: Context, name: string): boolean {
	const { inputs, parameters } = c.model.spec;
	return !(name in inputs) && !(name in parameters) && !name.startsWith('target_');
}

type Plan = {
	kind: StepKind;
	formula: Formula;
	rule: string;
	neuron?: string;
	parameter?: string;
	given?: boolean;
	activation?: string;
	/** The role of each named term, in the order the formula reads them. */
	roles?: Role[];
	rate?: number;
};

/** Pairs the formula's named terms with their roles; a role list that does not fit is left out. */
function termsOf(reads: string[], roles: Role[] | undefined): StepTerm[] | undefined {
	if (!roles || roles.length !== reads.length) return undefined;
	return reads.map((name, i) => ({ name, role: roles[i] as Role }));
}

/** True when the engine has a value for `name`: a trace entry or a target. */
const known = (c: Context, name: string) =>
	c.trace[name] !== undefined || (name.startsWith('target_') && c.model.spec.targets?.[name.slice(7)] !== undefined);

/**
 * The step that computes one quantity of a network from quantities before it; undefined for a
 * quantity the trace does not have, or one this module cannot explain from the trace's values.
 */
export function networkStep(c: Context, quantity: string): Step | undefined {
	if (c.trace[quantity] === undefined) return undefined;
	const plan = planStep(c, quantity);
	if (!plan || !plan.formula.reads.every((name) => known(c, name))) return undefined;
	const { formula } = plan;
	return {
		quantity,
		kind: plan.kind,
		...(plan.neuron === undefined ? {} : { neuron: plan.neuron }),
		...(plan.parameter === undefined ? {} : { parameter: plan.parameter }),
		label: quantityTex(quantity, c.labels),
		symbolic: formula.symbolic,
		substituted: formula.substitute(engineValues(c)),
		substitute: formula.substitute,
		compute: formula.compute,
		value: c.trace[quantity] as number,
		rule: plan.rule,
		needs: formula.reads.filter((n) => isComputed(c, n)),
		given: plan.given ?? false,
		...(plan.activation === undefined ? {} : { activation: plan.activation }),
		...withTerms(termsOf(formula.reads, plan.roles)),
		...(plan.rate === undefined ? {} : { rate: plan.rate })
	};
}

const withTerms = (terms: StepTerm[] | undefined) => (terms === undefined ? {} : { terms });

/** Roles of named terms, one per named term: constants (a weight given as a number) are skipped. */
const rolesOf = (terms: Array<[Term, Role]>): Role[] => terms.filter(([t]) => t.name !== undefined).map(([, r]) => r);

function planStep(c: Context, quantity: string): Plan | undefined {
	const plan = planStepWithoutRoles(c, quantity);
	if (!plan || plan.roles) return plan;
	return { ...plan, roles: defaultRoles(c, plan) };
}

/** Roles that follow from the kind of step and its formula's reads. */
function defaultRoles(c: Context, plan: Plan): Role[] | undefined {
	const reads = plan.formula.reads;
	const role = (name: string): Role => {
		if (name.startsWith('target_')) return 'target';
		if (name.startsWith('out_')) return plan.kind === 'input-factor' ? 'input' : 'output';
		if (name.startsWith('net_')) return 'net';
		if (name.startsWith('dE_')) return 'path';
		if (name.startsWith('v_')) return 'velocity';
		if (/^dout_.+\/dnet_/.test(name) || name.startsWith('dnet_')) return 'local';
		if (name.startsWith('dE/d') && plan.kind === 'update') return 'gradient';
		if (name.startsWith('dE/') || name.startsWith('delta_')) return 'upstream';
		if (name in c.model.spec.inputs) return 'input';
		if (name in c.model.spec.parameters) return plan.kind === 'update' ? 'parameter' : plan.kind === 'input-factor' ? 'input' : 'weight';
		return 'local';
	};
	return reads.map(role);
}

function planStepWithoutRoles(c: Context, quantity: string): Plan | undefined {
	const q = (name: string) => named(name, c.labels);
	// dE/dnet_X is δ_X under another name: the same step.
	const canonical = canonicalQuantity(quantity);
	if (canonical !== quantity) return planStepWithoutRoles(c, canonical);
	let m: RegExpExecArray | null;
	if ((m = /^net_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		if (!n) return undefined;
		const pairs = n.inputs.map((i): [Term, Term] => [weightTerm(c, i.weight), q(sourceName(c, i.source))]);
		const bias = n.bias === undefined ? [] : [weightTerm(c, n.bias)];
		const roles = rolesOf([...pairs.flatMap(([w, x]): Array<[Term, Role]> => [[w, 'weight'], [x, 'input']]), ...bias.map((b): [Term, Role] => [b, 'bias'])]);
		return { kind: 'net', neuron: n.name, formula: sumOfProducts(pairs, bias), roles, rule: bias.length ? 'weighted sum of the inputs plus the bias' : 'weighted sum of the inputs' };
	}
	if ((m = /^out_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		if (!n) return undefined;
		return { kind: 'activation', neuron: n.name, activation: n.activation.type, formula: activationFormula(c, n, q(`net_${n.name}`)), rule: `${n.activation.type} of the net input` };
	}
	if ((m = /^dout_(.+)\/dnet_(.+)$/.exec(quantity))) {
		const [n, y] = [neuron(c, m[1] as string), neuron(c, m[2] as string)];
		if (!n || !y) return undefined;
		if (n !== y) {
			// Softmax only: out_X reads every net of its layer, ∂out_X/∂net_Y = −out_X·out_Y.
			if (!isSoftmax(n) || y.layer !== n.layer) return undefined;
			const formula = shaped([q(`out_${n.name}`), q(`out_${y.name}`)], (a, b) => `-${a}${tex.times}${b}`, (a, b) => -a * b);
			return { kind: 'activation-derivative', neuron: n.name, activation: 'softmax', formula, rule: 'derivative of the softmax with respect to another net of its layer' };
		}
		return {
			kind: 'activation-derivative',
			neuron: n.name,
			activation: n.activation.type,
			formula: activationDerivativeFormula(n.activation, q(`out_${n.name}`), q(`net_${n.name}`)),
			rule: `derivative of the ${n.activation.type}`
		};
	}
	if (quantity === 'E_total') {
		return { kind: 'total-error', formula: sum(outputs(c).map((o) => q(`E_${o.name}`))), rule: 'sum of the output errors' };
	}
	if ((m = /^E_(.+)$/.exec(quantity)) && c.model.neurons.some((n) => n.isOutput && n.name === m?.[1])) {
		const o = m[1] as string;
		const formula = errorFormula(c, q(`target_${o}`), q(`out_${o}`));
		return formula && { kind: 'error', neuron: o, formula, rule: lossRule(c) };
	}
	if ((m = /^dE\/dout_(.+)$/.exec(quantity))) {
		const n = neuron(c, m[1] as string);
		if (!n) return undefined;
		if (n.isOutput) {
			const formula = errorDerivativeFormula(c, q(`target_${n.name}`), q(`out_${n.name}`));
			return formula && { kind: 'output-gradient', neuron: n.name, formula, rule: 'derivative of the error with respect to the output' };
		}
		const consumers = consumersOf(c, n.name);
		if (consumers.length === 0) return undefined;
		// Into a softmax layer the per-output paths each run through every output: δ · w is simpler.
		if (consumers.every((o) => o.isOutput && !isSoftmax(o))) {
			const formula = sum(consumers.map((o) => q(`dE_${o.name}/dout_${n.name}`)));
			const rule = consumers.length > 1 ? 'the output feeds several neurons: add the gradient of each path' : 'the output feeds one neuron: the gradient of that one path';
			return { kind: 'hidden-gradient', neuron: n.name, formula, rule };
		}
		const pairs = consumers.map((o): [Term, Term] => [q(`delta_${o.name}`), weightTerm(c, o.inputs.find((i) => i.source === n.name)?.weight as string | number)]);
		return { kind: 'hidden-gradient', neuron: n.name, formula: sumOfProducts(pairs), rule: 'sum over the neurons this output feeds: δ times the weight' };
	}
	if ((m = /^dE_(.+)\/dout_(.+)$/.exec(quantity))) {
		const [o, h] = [neuron(c, m[1] as string), neuron(c, m[2] as string)];
		return o && h && o.isOutput && !h.isOutput ? pathPlan(c, o, h) : undefined;
	}
	if ((m = /^delta_(.+)$/.exec(quantity))) {
		const n = m[1] as string;
		const info = neuron(c, n);
		if (!info) return undefined;
		if (isSoftmax(info)) return softmaxDelta(c, info);
		return { kind: 'delta', neuron: n, activation: info.activation.type, formula: product([q(`dE/dout_${n}`), q(`dout_${n}/dnet_${n}`)]), rule: `chain rule: the error gradient at ${say(c, `out_${n}`)} times its activation derivative` };
	}
	if ((m = /^dnet_(.+)\/d(.+)$/.exec(quantity))) {
		const [n, p] = [neuron(c, m[1] as string), m[2] as string];
		if (!n) return undefined;
		if (p.startsWith('out_')) {
			const w = n.inputs.find((i) => `out_${i.source}` === p)?.weight;
			if (w === undefined) return undefined;
			return { kind: 'weight-factor', neuron: n.name, formula: single(weightTerm(c, w)), rule: 'the net input changes by the weight for each unit of this output', given: true };
		}
		if (isInput(c, p)) {
			const w = n.inputs.find((i) => i.source === p)?.weight;
			if (w === undefined) return undefined;
			return { kind: 'weight-factor', neuron: n.name, formula: single(weightTerm(c, w)), rule: 'the net input changes by the weight for each unit of this input', given: true };
		}
		if (n.bias === p && !n.inputs.some((i) => i.weight === p)) {
			return { kind: 'bias-factor', neuron: n.name, parameter: p, formula: single(constant(1)), rule: 'the bias is added as it is', given: true };
		}
		const source = n.inputs.find((i) => i.weight === p)?.source;
		if (source === undefined) return undefined;
		const read = sourceName(c, source);
		return { kind: 'input-factor', neuron: n.name, parameter: p, formula: single(q(read)), rule: 'the weight multiplies this input', given: !isComputed(c, read) };
	}
	if ((m = /^dE\/d(.+)$/.exec(quantity))) {
		const p = m[1] as string;
		if (isInput(c, p)) return inputGradientPlan(c, p);
		const users = usersOf(c, p);
		if (users.length === 0) return undefined;
		// A softmax neuron's dE/dout · dout/dnet would keep only the diagonal term: go through δ.
		if (users.length === 1 && !isSoftmax(users[0] as NeuronInfo)) {
			const n = (users[0] as NeuronInfo).name;
			const formula = product([q(`dE/dout_${n}`), q(`dout_${n}/dnet_${n}`), q(`dnet_${n}/d${p}`)]);
			return { kind: 'parameter-gradient', neuron: n, parameter: p, formula, rule: 'chain rule: three factors from the error down to the parameter' };
		}
		const formula = sumOfProducts(users.map((n): [Term, Term] => [q(`delta_${n.name}`), q(`dnet_${n.name}/d${p}`)]));
		if (users.length === 1) {
			const n = (users[0] as NeuronInfo).name;
			return { kind: 'parameter-gradient', neuron: n, parameter: p, formula, rule: `chain rule: ${say(c, `delta_${n}`)} times the net input's derivative with respect to the parameter` };
		}
		return { kind: 'parameter-gradient', parameter: p, formula, rule: 'the parameter feeds several neurons: add the gradient through each' };
	}
	if ((m = /^v_(.+)$/.exec(quantity)) && (m[1] as string) in c.model.spec.parameters && c.model.spec.momentum !== undefined) {
		// Deck 004's momentum: v ← λ·v − (1 − λ)·∂E/∂w, from the starting velocity.
		const p = m[1] as string;
		const lambda = c.model.spec.momentum;
		const v0 = constant(c.model.spec.velocities?.[p] ?? 0);
		const decay = decayOf(c, p);
		if (decay !== undefined) {
			// With L2 weight decay the velocity follows ∂E/∂w + λ₂·w (see nn/update.ts).
			const formula = shaped([constant(lambda), v0, q(`dE/d${p}`), constant(decay), q(p)], (l, v, g, d, w) => `${l}${tex.times}${v} - (1 - ${l})${tex.times}(${g} + ${d}${tex.times}${w})`, (l, v, g, d, w) => l * v - (1 - l) * (g + d * w));
			formula.symbolic = `\\lambda${tex.times}v_0 - (1 - \\lambda)${tex.times}\\left(${quantityTex(`dE/d${p}`, c.labels)} + \\lambda_2${tex.times}${quantityTex(p, c.labels)}\\right)`;
			return { kind: 'velocity', parameter: p, formula, rule: 'momentum with weight decay: keep a share λ of the old velocity, add the rest of the gradient plus λ₂ times the weight, downhill' };
		}
		const formula = shaped([constant(lambda), v0, q(`dE/d${p}`)], (l, v, g) => `${l}${tex.times}${v} - (1 - ${l})${tex.times}${g}`, (l, v, g) => l * v - (1 - l) * g);
		formula.symbolic = `\\lambda${tex.times}v_0 - (1 - \\lambda)${tex.times}${quantityTex(`dE/d${p}`, c.labels)}`;
		return { kind: 'velocity', parameter: p, formula, rule: 'momentum: keep a share λ of the old velocity, add the rest of the new gradient, downhill' };
	}
	if ((m = /^(.+)_new$/.exec(quantity)) && (m[1] as string) in c.model.spec.parameters) {
		const p = m[1] as string;
		if (!c.model.trainable.includes(p)) return { kind: 'update', parameter: p, formula: single(q(p)), rule: 'this parameter is kept fixed', given: true };
		const rate = constant(c.model.spec.learningRate as number);
		if (c.model.spec.momentum !== undefined) {
			const formula = shaped([q(p), rate, q(`v_${p}`)], (w, eta, v) => `${w} + ${eta}${tex.times}${v}`, (w, eta, v) => w + eta * v);
			formula.symbolic = `${quantityTex(p, c.labels)} + \\eta${tex.times}${quantityTex(`v_${p}`, c.labels)}`;
			return { kind: 'update', parameter: p, formula, rule: 'momentum update: move by the learning rate times the velocity' };
		}
		const decay = decayOf(c, p);
		if (decay !== undefined) {
			// L2 weight decay: the cost E + λ₂/2·w² has the gradient ∂E/∂w + λ₂·w (deck 001).
			const formula = shaped([q(p), rate, q(`dE/d${p}`), constant(decay)], (w, eta, g, d) => `${w} - ${eta}${tex.times}(${g} + ${d}${tex.times}${w})`, (w, eta, g, d) => w - eta * (g + d * w));
			formula.symbolic = `${quantityTex(p, c.labels)} - \\eta${tex.times}\\left(${quantityTex(`dE/d${p}`, c.labels)} + \\lambda_2${tex.times}${quantityTex(p, c.labels)}\\right)`;
			return { kind: 'update', parameter: p, formula, rule: 'gradient descent with weight decay: step against the gradient plus λ₂ times the weight, scaled by the learning rate η' };
		}
		const formula = shaped([q(p), rate, q(`dE/d${p}`)], (w, eta, g) => `${w} - ${eta}${tex.times}${g}`, (w, eta, g) => w - eta * g);
		formula.symbolic = `${quantityTex(p, c.labels)} - \\eta${tex.times}${quantityTex(`dE/d${p}`, c.labels)}`;
		return { kind: 'update', parameter: p, formula, rate: c.model.spec.learningRate as number, rule: 'gradient descent: step against the gradient, scaled by the learning rate η' };
	}
	return undefined;
}

/**
 * ∂E_o/∂out_h, the share of one output's error in a hidden neuron's gradient, summed over the
 * neurons h feeds on the way to o. Into o itself (not softmax) that is δ_o · w; into a softmax
 * layer, E_o = E(out_o) reads every net of the layer, so it is ∂E/∂out_o · Σ_Y ∂out_o/∂net_Y · w_{hY};
 * into a hidden neuron c, ∂E_o/∂out_c · ∂out_c/∂net_c · w_{hc}. Only the paths the trace has.
 */
function pathPlan(c: Context, o: NeuronInfo, h: NeuronInfo): Plan | undefined {
	const q = (name: string) => named(name, c.labels);
	const consumers = consumersOf(c, h.name);
	const toOutputs = consumers.filter((y) => y.isOutput && known(c, `dout_${o.name}/dnet_${y.name}`));
	const toHidden = consumers.filter((y) => !y.isOutput && known(c, `dE_${o.name}/dout_${y.name}`));
	const w = (y: NeuronInfo) => q(`dnet_${y.name}/dout_${h.name}`);
	const hidden = toHidden.map((y) => [q(`dE_${o.name}/dout_${y.name}`), q(`dout_${y.name}/dnet_${y.name}`), w(y)]);
	if (!isSoftmax(o) && hidden.length === 0 && toOutputs.length === 1) {
		return { kind: 'path', neuron: h.name, formula: product([q(`delta_${o.name}`), w(o)]), rule: `chain rule through ${say(c, `net_${o.name}`)}: ${say(c, `delta_${o.name}`)} times the weight from ${say(c, `out_${h.name}`)}` };
	}
	if (isSoftmax(o) && hidden.length === 0) {
		const formula = sumOfChains(toOutputs.map((y) => [q(`dout_${o.name}/dnet_${y.name}`), w(y)]), q(`dE/dout_${o.name}`));
		return { kind: 'path', neuron: h.name, formula, rule: `chain rule through the softmax: ${say(c, `out_${o.name}`)} reads the net of every output, so add the path through each` };
	}
	const direct = toOutputs.map((y) => (isSoftmax(o) ? [q(`dE/dout_${o.name}`), q(`dout_${o.name}/dnet_${y.name}`), w(y)] : [q(`delta_${o.name}`), w(y)]));
	const chains = [...direct, ...hidden];
	if (chains.length === 0) return undefined;
	return { kind: 'path', neuron: h.name, formula: sumOfChains(chains), rule: `chain rule: add the paths from ${say(c, `out_${h.name}`)} to ${say(c, `E_${o.name}`)} through each neuron it feeds` };
}

/** λ₂ of L2 weight decay for a weight; undefined for a bias (deck 001 leaves biases out) or without decay. */
const decayOf = (c: Context, p: string) => (c.model.biases.has(p) ? undefined : c.model.spec.weightDecay);

/** ∂E/∂I for an input I: the δ of each neuron that reads I times the weight on that connection. */
function inputGradientPlan(c: Context, input: string): Plan | undefined {
	const q = (name: string) => named(name, c.labels);
	const readers = consumersOf(c, input);
	if (readers.length === 0) return undefined;
	const formula = sumOfProducts(readers.map((n): [Term, Term] => [q(`delta_${n.name}`), q(`dnet_${n.name}/d${input}`)]));
	const rule = readers.length > 1 ? `${say(c, input)} feeds several neurons: add δ times the weight through each` : `chain rule: ${say(c, `delta_${(readers[0] as NeuronInfo).name}`)} times the weight from ${say(c, input)}`;
	return { kind: 'input-gradient', formula, rule, roles: readers.flatMap((): Role[] => ['upstream', 'local']) };
}

/**
 * δ of a softmax neuron: every out of the layer reads its net, so δ_X = Σ_Y ∂E/∂out_Y · ∂out_Y/∂net_X.
 * With cross-entropy and targets that sum to 1 this is out_X − t_X, the form learners are taught
 * (validate-learning.ts requires the targets of softmax + cross-entropy to sum to 1).
 */
function softmaxDelta(c: Context, n: NeuronInfo): Plan {
	const q = (name: string) => named(name, c.labels);
	if (c.model.spec.loss === 'cross-entropy') {
		const formula = shaped([q(`out_${n.name}`), q(`target_${n.name}`)], (o, t) => `${o} - ${t}`, (o, t) => o - t);
		return { kind: 'delta', neuron: n.name, activation: 'softmax', formula, rule: 'softmax with cross-entropy: the output minus the target' };
	}
	const pairs = layerOf(c, n).map((m): [Term, Term] => [q(`dE/dout_${m.name}`), q(`dout_${m.name}/dnet_${n.name}`)]);
	return { kind: 'delta', neuron: n.name, activation: 'softmax', formula: sumOfProducts(pairs), rule: 'each softmax output reads this net: add the paths through all of them' };
}

/**
 * The steps that compute `target` (a network quantity), each after the steps it needs, each once.
 * For dE/dw1 this is the full backward path; for w5_new, the three factors, their product and
 * the update. Forward values are taken as known.
 */
export function networkDerivation(c: Context, target: string): Step[] {
	return postOrder(target, (quantity: string) => {
		const step = networkStep(c, quantity);
		if (!step) return undefined;
		const backward = step.kind !== 'net' && step.kind !== 'activation' && step.kind !== 'error' && step.kind !== 'total-error';
		return backward || quantity === target ? { value: step, needs: step.needs.filter(isBackward) } : undefined;
	});
}

/** Backward-pass quantities are derivatives, deltas, velocities and updates; forward ones are net, out, E. */
const isBackward = (name: string) =>
	name.includes('/') || name.startsWith('delta_') || name.startsWith('v_') || name.endsWith('_new');

function activationFormula(c: Context, n: NeuronInfo, net: Term): Formula {
	const a = n.activation;
	if (a.type === 'softmax') {
		const nets = layerOf(c, n).map((m) => named(`net_${m.name}`, c.labels));
		const all = [net, ...nets];
		return shaped(
			all,
			(x, ...xs) => `\\frac{e^{${x}}}{${xs.map((y) => `e^{${y}}`).join(' + ')}}`,
			(x, ...xs) => Math.exp(x) / xs.reduce((s, y) => s + Math.exp(y), 0)
		);
	}
	const op = (a.type === 'linear' ? 'identity' : a.type === 'leaky-relu' ? 'leaky_relu' : a.type) as 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'step' | 'identity';
	const f = (x: number) => OPS[op].evaluate([x], a as never).data;
	switch (a.type) {
		case 'sigmoid':
			return shaped([net], (x) => `\\frac{1}{1 + e^{-${shifted(x, a.threshold, a.temperature)}}}`, f);
		case 'tanh':
			return shaped([net], (x) => `\\tanh(${bare(x)})`, f);
		case 'relu':
			return shaped([net], (x) => `\\max(0, ${bare(x)})`, f);
		case 'leaky-relu':
			return shaped([net], (x) => `\\begin{cases} ${x} & ${x} > 0 \\\\ ${num(a.slope)}${tex.times}${x} & \\text{otherwise} \\end{cases}`, f);
		case 'step': {
			const cmp = a.atThreshold === 1 ? '\\ge' : '>';
			return shaped([net], (x) => `\\begin{cases} 1 & ${bare(x)} ${cmp} ${num(a.threshold)} \\\\ 0 & \\text{otherwise} \\end{cases}`, f);
		}
		case 'identity':
		case 'linear':
			return single(net);
	}
}

function shifted(x: string, threshold: number, temperature: number): string {
	const inner = threshold === 0 ? x : `${x} - ${num(threshold)}`;
	if (temperature === 1) return threshold === 0 ? x : `(${inner})`;
	return `(${inner})/${num(temperature)}`;
}

/** The derivative written the way learners compute it: from the output where that is possible. */
function activationDerivativeFormula(a: Activation, out: Term, net: Term): Formula {
	switch (a.type) {
		case 'sigmoid': {
			const t = a.temperature;
			const scale = t === 1 ? '' : `\\tfrac{1}{${num(t)}}`;
			return shaped([out], (o) => `${scale}${o}(1 - ${o})`, (o) => (o * (1 - o)) / t);
		}
		case 'softmax':
			// The diagonal term; each out also depends on the other nets of the layer (see delta).
			return shaped([out], (o) => `${o}(1 - ${o})`, (o) => o * (1 - o));
		case 'tanh':
			return shaped([out], (o) => `1 - ${o}^2`, (o) => 1 - o * o);
		case 'relu':
			return shaped([net], (x) => `\\begin{cases} 1 & ${bare(x)} > 0 \\\\ 0 & \\text{otherwise} \\end{cases}`, (x) => (x > 0 ? 1 : 0));
		case 'leaky-relu': {
			const slope = a.slope;
			return shaped([net], (x) => `\\begin{cases} 1 & ${bare(x)} > 0 \\\\ ${num(slope)} & \\text{otherwise} \\end{cases}`, (x) => (x > 0 ? 1 : slope));
		}
		case 'step':
			return single(constant(0));
		case 'identity':
		case 'linear':
			return single(constant(1));
	}
}

/** One output's share of the error; undefined for a loss this module cannot write yet. */
function errorFormula(c: Context, target: Term, out: Term): Formula | undefined {
	const n = outputs(c).length;
	switch (c.model.spec.loss) {
		case 'half-squared-error':
			return shaped([target, out], (t, o) => `\\tfrac{1}{2}(${t} - ${o})^2`, (t, o) => 0.5 * (t - o) ** 2);
		case 'squared-error':
			return shaped([target, out], (t, o) => `(${t} - ${o})^2`, (t, o) => (t - o) ** 2);
		case 'mean-squared-error':
			return shaped([target, out], (t, o) => `\\tfrac{1}{${n}}(${t} - ${o})^2`, (t, o) => (t - o) ** 2 / n);
		case 'cross-entropy':
			return shaped([target, out], (t, o) => `-${t} \\ln ${o}`, (t, o) => -t * Math.log(o));
		case 'binary-cross-entropy':
			return shaped([target, out], (t, o) => `-\\left(${t} \\ln ${o} + (1 - ${t}) \\ln(1 - ${o})\\right)`, (t, o) => -(t * Math.log(o) + (1 - t) * Math.log(1 - o)));
	}
}

function errorDerivativeFormula(c: Context, target: Term, out: Term): Formula | undefined {
	const n = outputs(c).length;
	switch (c.model.spec.loss) {
		case 'half-squared-error':
			return shaped([target, out], (t, o) => `-(${t} - ${o})`, (t, o) => -(t - o));
		case 'squared-error':
			return shaped([target, out], (t, o) => `-2(${t} - ${o})`, (t, o) => -2 * (t - o));
		case 'mean-squared-error':
			return shaped([target, out], (t, o) => `-\\tfrac{2}{${n}}(${t} - ${o})`, (t, o) => (-2 / n) * (t - o));
		case 'cross-entropy':
			return shaped([target, out], (t, o) => `-\\frac{${t}}{${o}}`, (t, o) => -t / o);
		case 'binary-cross-entropy':
			return shaped([target, out], (t, o) => `-\\frac{${t}}{${o}} + \\frac{1 - ${t}}{1 - ${o}}`, (t, o) => -t / o + (1 - t) / (1 - o));
	}
}

function lossRule(c: Context): string {
	const loss = c.model.spec.loss;
	if (loss === 'cross-entropy') return 'minus the target times the log of the output';
	if (loss === 'binary-cross-entropy') return 'the cross-entropy of a yes/no output';
	if (loss === 'half-squared-error') return 'half the squared difference between target and output';
	if (loss === 'mean-squared-error') return 'the squared difference, divided by the number of outputs';
	return 'the squared difference between target and output';
}
