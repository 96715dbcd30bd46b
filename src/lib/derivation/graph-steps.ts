import { Value } from '$lib/autograd';
import type { GraphModel, Trace } from '$lib/nn';
import { formatQuantity as formatName, parseQuantity as parseName } from '$lib/nn/quantity';
import { buildExpression, parseExpression, type Expression } from '$lib/nn/expr';
import { constant, named, product, single, sumOfProducts, type Formula, type Get, type Term } from './formula';
import { localGradient, localValue } from './graph-local';
import { definitionTex } from './graph-tex';
import { postOrder, reachable } from './order';
import type { Step, StepKind } from './network-steps';
import { inline, num, quantityTex, type Labels } from './tex';

/**
 * Steps of a computational graph with output F: each definition forward, then d{F}/d{N} for every
 * name N backward, as upstream gradient × local gradient d{C}/d{N}, summed over the definitions
 * C that read N. The output's own local gradient is `d{F}/d{N} (local)` where it differs from
 * the total d{F}/d{N}, i.e. when N is read by F and by another definition too.
 */
export type GraphContext = {
	model: GraphModel;
	trace: Trace;
	labels: Labels;
	output: string;
	/** Each definition's expression, in the order they are computed. */
	expressions: Map<string, Expression>;
	/** The names F depends on, F included: only these pass a gradient back. */
	feeds: Set<string>;
};

const LOCAL = ' (local)';

export function graphContext(model: GraphModel, trace: Trace, labels: Labels = {}): GraphContext {
	const expressions = new Map(model.definitions.map((name) => [name, parseExpression(model.spec.define[name] as string | number)]));
	const output = model.spec.output;
	const feeds = reachable(output, (name) => expressions.get(name)?.names ?? []);
	return { model, trace, labels, output, expressions, feeds };
}

/** Definitions on the way to F that read `name`, in computed order. */
const consumersOf = (c: GraphContext, name: string): readonly string[] => consumerIndex(c).get(name) ?? [];

/** Readers of every name, built once per context: a scan per step made a long chain quadratic. */
const consumerIndexes = new WeakMap<GraphContext, Map<string, string[]>>();
function consumerIndex(c: GraphContext): Map<string, string[]> {
	let index = consumerIndexes.get(c);
	if (!index) {
		index = new Map();
		for (const [d, e] of c.expressions) {
			if (!c.feeds.has(d)) continue;
			for (const n of new Set(e.names)) {
				const readers = index.get(n);
				if (readers) readers.push(d);
				else index.set(n, [d]);
			}
		}
		consumerIndexes.set(c, index);
	}
	return index;
}

const gradientName = (c: GraphContext, name: string) => `d${c.output}/d${name}`;

/** The name of ∂C/∂N: the output's own carries `(local)` when it is not the whole gradient. */
export function localName(c: GraphContext, of: string, wrt: string): string {
	const clash = of === c.output && consumersOf(c, wrt).length > 1;
	return `d${of}/d${wrt}${clash ? LOCAL : ''}`;
}

/** Every quantity a step computes: definitions, gradients d{F}/d{N}, local gradients d{C}/d{N}. */
export function graphQuantities(c: GraphContext): string[] {
	const names = [...Object.keys(c.model.spec.values), ...c.expressions.keys()];
	const locals = [...c.expressions].flatMap(([d, e]) => e.names.map((n) => localName(c, d, n)));
	const paths = names.flatMap((n) => {
		const readers = consumersOf(c, n);
		return readers.length > 1 ? readers.filter((d) => d !== c.output).map((d) => formatName({ kind: 'path', of: c.output, through: d, wrt: n })) : [];
	});
	return [...new Set([...c.expressions.keys(), ...names.map((n) => gradientName(c, n)), ...locals, ...paths])];
}

type Quantity =
	| { kind: 'definition'; name: string }
	| { kind: 'path'; through: string; wrt: string }
	| { kind: 'output' }
	| { kind: 'gradient'; wrt: string }
	| { kind: 'local'; of: string; wrt: string };

function parseQuantity(c: GraphContext, quantity: string): Quantity | undefined {
	if (c.expressions.has(quantity)) return { kind: 'definition', name: quantity };
	const path = parseName(quantity);
	if (path.kind === 'path') {
		const readers = consumersOf(c, path.wrt);
		return path.of === c.output && path.through !== c.output && readers.length > 1 && readers.includes(path.through) ? { kind: 'path', through: path.through, wrt: path.wrt } : undefined;
	}
	const m = /^d(\w+)\/d(\w+)( \(local\))?$/.exec(quantity);
	if (!m) return undefined;
	const [of, wrt, local] = [m[1] as string, m[2] as string, m[3] !== undefined];
	const known = wrt in c.model.spec.values || c.expressions.has(wrt);
	if (!known) return undefined;
	if (of === c.output && !local) return wrt === of ? { kind: 'output' } : { kind: 'gradient', wrt };
	const reads = c.expressions.get(of)?.names.includes(wrt) ?? false;
	return reads && localName(c, of, wrt) === quantity ? { kind: 'local', of, wrt } : undefined;
}

export function isGivenInGraph(c: GraphContext, name: string): boolean {
	return name in c.model.spec.values || name === gradientName(c, c.output);
}

/** The engine's value of any graph quantity: trace values, dF/dF = 1, and local gradients. */
export function graphValues(c: GraphContext): Get {
	const fromTrace: Get = (name) => {
		const value = c.trace[name];
		if (value === undefined) throw new Error(`no value for ${name}`);
		return value;
	};
	return (name) => {
		const traced = c.trace[name];
		if (traced !== undefined) return traced;
		const q = parseQuantity(c, name);
		if (q?.kind === 'output') return 1;
		if (q?.kind === 'local') return localValue(c.expressions.get(q.of) as Expression, q.wrt, fromTrace);
		return fromTrace(name);
	};
}

type Plan = { kind: StepKind; formula: Formula; rule: string; given?: boolean; gate?: string };

/** The step that computes one quantity of a graph, or undefined for a given value. */
export function graphStep(c: GraphContext, quantity: string): Step | undefined {
	const plan = planStep(c, quantity);
	if (!plan) return undefined;
	const { formula } = plan;
	const values = graphValues(c);
	return {
		quantity,
		kind: plan.kind,
		label: labelOf(c, quantity),
		symbolic: formula.symbolic,
		substituted: formula.substitute(values),
		substitute: formula.substitute,
		compute: formula.compute,
		value: values(quantity),
		rule: plan.rule,
		needs: formula.reads.filter((n) => !isGivenInGraph(c, n)),
		given: plan.given ?? false,
		...(plan.gate === undefined ? {} : { gate: plan.gate })
	};
}

function labelOf(c: GraphContext, quantity: string): string {
	const own = c.labels[quantity];
	// A per-path term ∂f/∂q · ∂q/∂x is written as the product it is.
	const path = parseName(quantity);
	if (own === undefined && path.kind === 'path') return `${labelOf(c, gradientName(c, path.through))} \\cdot ${labelOf(c, localName(c, path.through, path.wrt))}`;
	if (!quantity.endsWith(LOCAL)) return quantityTex(quantity, c.labels);
	return own ?? `\\left.${quantityTex(quantity.slice(0, -LOCAL.length), c.labels)}\\right|_{\\text{local}}`;
}

function planStep(c: GraphContext, quantity: string): Plan | undefined {
	const q = parseQuantity(c, quantity);
	if (!q) return undefined;
	const term = (name: string): Term => ({ ...named(name, c.labels), tex: labelOf(c, name) });
	const F = c.output;
	const say = (name: string) => inline(labelOf(c, name));
	switch (q.kind) {
		case 'definition':
			return { kind: 'definition', formula: definitionFormula(c, q.name), rule: 'forward pass: evaluate the definition with the values it reads' };
		case 'output':
			return { kind: 'graph-output', formula: single(constant(1)), rule: `the backward pass starts at the output: ${inline(`${labelOf(c, gradientName(c, F))} = 1`)}`, given: true };
		case 'local':
			return localPlan(c, q.of, q.wrt);
		case 'path': {
			const formula = product([term(gradientName(c, q.through)), term(localName(c, q.through, q.wrt))]);
			return { kind: 'graph-gradient', formula, rule: `one path: the upstream gradient ${say(gradientName(c, q.through))} times the local gradient ${say(localName(c, q.through, q.wrt))}` };
		}
		case 'gradient': {
			const consumers = consumersOf(c, q.wrt);
			if (consumers.length === 0) {
				return { kind: 'graph-gradient', formula: single(constant(0)), rule: `${say(q.wrt)} does not feed ${say(F)}: think about what that means for its gradient` };
			}
			if (consumers.length === 1 && consumers[0] === F) return localPlan(c, F, q.wrt);
			const pairs = consumers.map((d): [Term, Term] => [term(gradientName(c, d)), term(localName(c, d, q.wrt))]);
			if (pairs.length === 1) {
				const [d] = consumers as [string];
				return { kind: 'graph-gradient', formula: product(pairs[0] as [Term, Term]), rule: `chain rule: the upstream gradient ${say(gradientName(c, d))} times the local gradient ${say(localName(c, d, q.wrt))}` };
			}
			const uses = pairs.length === 2 ? 'both uses' : `all ${pairs.length} uses`;
			return { kind: 'graph-gradient', formula: sumOfProducts(pairs), rule: `copy: ${say(q.wrt)} is read by ${consumers.map(say).join(', ')}, so the gradients of ${uses} add up (upstream × local for each)` };
		}
	}
}

function localPlan(c: GraphContext, of: string, wrt: string): Plan {
	const { formula, rule, gate } = localGradient(of, c.expressions.get(of) as Expression, wrt, c.labels, graphValues(c));
	return { kind: 'graph-local', formula, rule, gate };
}

/** A definition in symbols, with numbers, and evaluated as the engine builds it. */
function definitionFormula(c: GraphContext, name: string): Formula {
	const expr = c.expressions.get(name) as Expression;
	return {
		symbolic: definitionTex(expr.tree, (n) => quantityTex(n, c.labels)),
		substitute: (get) => definitionTex(expr.tree, (n) => num(get(n))),
		compute: (get) => buildExpression(expr, (n) => new Value(get(n))).data,
		reads: expr.names
	};
}

/**
 * The steps that compute `target`, each after the steps it needs, each once: for dF/dN, from
 * the output down to N (upstream gradients, local gradients, their products and sums); forward
 * values are taken as known. For a definition, the forward steps it rests on.
 */
export function graphDerivation(c: GraphContext, target: string): Step[] {
	return postOrder(target, (quantity: string) => {
		const step = graphStep(c, quantity);
		if (!step) return undefined;
		const backward = isBackward(quantity);
		return { value: step, needs: step.needs.filter((needed) => isBackward(needed) || !backward) };
	});
}

const isBackward = (name: string) => name.includes('/');
