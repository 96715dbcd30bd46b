import type { MathNode } from 'mathjs/number';
import { OPS, Value } from '$lib/autograd';
import { buildExpression, type Expression } from '$lib/nn/expr';
import { constant, named, shaped, type Formula, type Get, type Term } from './formula';
import { definitionTex, EULER, namesIn, strip, view } from './graph-tex';
import { bare, formatSignificant, inline, num, quantityTex, tex, type Labels } from './tex';

/**
 * Local gradients ∂C/∂N of one definition C with respect to one name N it reads, the other names
 * held fixed: written by the gate rules where C is one gate, generically otherwise.
 */

export type Gate =
	| 'identity' | 'neg' | 'add' | 'sub' | 'sum' | 'mul' | 'div' | 'pow' | 'exp' | 'log'
	| 'sigmoid' | 'tanh' | 'relu' | 'max' | 'compound';

export type Local = { gate: Gate; formula: Formula; rule: string };

/** The exact local gradient, from the engine: fresh leaves for C's names, then backward. */
export function localValue(expr: Expression, wrt: string, get: Get): number {
	const leaves = new Map<string, Value>();
	const leaf = (name: string) => {
		if (!leaves.has(name)) leaves.set(name, new Value(get(name)));
		return leaves.get(name) as Value;
	};
	buildExpression(expr, leaf).backward();
	return leaves.get(wrt)?.grad ?? 0;
}

/** Part of a local gradient: the terms it reads, how it is written and evaluated from them. */
type Piece = { terms: Term[]; write: (...parts: string[]) => string; evaluate: (...xs: number[]) => number };

const ONE: Piece = { terms: [], write: () => '1', evaluate: () => 1 };

/**
 * ∂C/∂N for the definition C (named `of`). `labels` write the names; `get` gives the engine's
 * values for the numbers quoted in the rule.
 */
export function localGradient(of: string, expr: Expression, wrt: string, labels: Labels, get: Get): Local {
	const terms = signedTerms(expr.tree, 1);
	const [first] = terms;
	// One gate is the whole definition: its output is a name, so σ' and tanh' can read it.
	const whole = terms.length === 1 && first?.sign === 1 && strip(first.node).type !== 'SymbolNode';
	const reading = terms.filter((t) => namesIn(t.node).includes(wrt));
	const found = reading.map((t) =>
		isName(t.node, wrt) ? { gate: t.sign === 1 ? 'add' : 'sub', piece: ONE } : gatePiece(t.node, wrt, labels, whole ? named(of, labels) : undefined)
	);
	const parts = found.every((f) => f !== undefined) ? found.map((f, i) => ({ sign: reading[i]?.sign ?? 1, piece: f.piece })) : undefined;
	const [only] = found;
	let gate: Gate;
	if (!parts || !only) gate = 'compound';
	else if (terms.length === 1 && !whole) gate = first?.sign === 1 ? 'identity' : 'neg';
	// Within a sum, a term on its own follows its gate's rule: the other terms are constant.
	else if (found.length === 1 && (reading[0]?.sign === 1 || only.piece === ONE)) gate = only.gate as Gate;
	else gate = 'sum';
	const formula = parts ? combine(parts) : generic(expr, wrt, labels);
	const others = parts?.[0]?.piece.terms.length ?? 0;
	return { gate, formula, rule: ruleOf(gate, inline(quantityTex(of, labels)), inline(quantityTex(wrt, labels)), others) };
}

/** `of` and `wrt` come written as the page writes them (inline math), never as internal names. */
function ruleOf(gate: Gate, of: string, wrt: string, others: number): string {
	switch (gate) {
		case 'identity': return 'identity: passes the gradient on unchanged';
		case 'neg': return 'negation: passes the gradient on with its sign flipped';
		case 'add': return 'add gate: distributes the gradient to each input';
		case 'sub': return 'subtraction: the second input gets the gradient with its sign flipped';
		case 'sum': return `sum rule: add the local gradients of the terms that read ${wrt}; the other terms are constant`;
		// The rule names the pattern, never the number: that is for the learner to find.
		case 'mul': return others > 1 ? 'mul gate: the local gradient is the product of the other inputs' : 'mul gate: the local gradient is the other input (the inputs swap)';
		case 'div': return 'div gate: derivative of a quotient with respect to this input';
		case 'pow': return 'power rule: the exponent times the input to one power less';
		case 'exp': return 'exp gate: the local gradient is the output itself, e to the input';
		case 'log': return 'log gate: one over the input';
		case 'sigmoid': return 'sigmoid gate: σ(1 − σ), from its output';
		case 'tanh': return 'tanh gate: 1 − tanh², from its output';
		case 'relu': return 'relu gate: 1 when the input is positive, 0 otherwise';
		case 'max': return 'max gate: routes the gradient to the larger input only';
		case 'compound': return `partial derivative of ${of} with respect to ${wrt}, the other names held fixed`;
	}
}

/** a + b − (c) … as signed terms; anything else is one term. */
function signedTerms(node: MathNode, sign: number): Array<{ node: MathNode; sign: number }> {
	const n = view(strip(node));
	const [a, b] = (n.args ?? []) as MathNode[];
	if (n.fn === 'unaryMinus' && a) return signedTerms(a, -sign);
	if (n.fn === 'unaryPlus' && a) return signedTerms(a, sign);
	if (n.op === '+' && a && b) return [...signedTerms(a, sign), ...signedTerms(b, sign)];
	if (n.op === '-' && a && b) return [...signedTerms(a, sign), ...signedTerms(b, -sign)];
	return [{ node, sign }];
}

const isName = (node: MathNode, name: string) => strip(node).type === 'SymbolNode' && view(strip(node)).name === name;

/** A gate input: a name, or a number written with numbers only. */
function leafTerm(node: MathNode, labels: Labels): Term | undefined {
	const n = strip(node);
	if (n.type === 'SymbolNode' && view(n).name !== EULER) return named(view(n).name as string, labels);
	if (namesIn(n).length > 0) return undefined;
	return constant(buildExpression({ tree: n, names: [] }, () => new Value(NaN)).data);
}

/** Factors of a product a·b·c, through parentheses. */
function factors(node: MathNode): MathNode[] {
	const n = view(strip(node));
	return n.op === '*' && n.args?.length === 2 ? n.args.flatMap(factors) : [node];
}

const unary = (op: 'exp' | 'log' | 'tanh' | 'relu') => (x: number) => OPS[op].evaluate([x], {}).local[0] as number;
const sigmoidLocal = (x: number) => OPS.sigmoid.evaluate([x], { threshold: 0, temperature: 1 }).local[0] as number;
const cases = (condition: string) => `\\begin{cases} 1 & ${condition} \\\\ 0 & \\text{otherwise} \\end{cases}`;

/**
 * The local gradient of one gate whose inputs are names or numbers, `wrt` read once; undefined
 * for anything else. `output` is the gate's own named value, when it is a whole definition.
 */
function gatePiece(node: MathNode, wrt: string, labels: Labels, output?: Term): { gate: Gate; piece: Piece } | undefined {
	const n = view(strip(node));
	if (namesIn(strip(node)).filter((x) => x === wrt).length !== 1) return undefined;
	const args = n.op === '*' ? factors(node) : ((n.args ?? []) as MathNode[]);
	const leaves = args.map((a) => leafTerm(a, labels));
	const at = leaves.findIndex((t) => t?.name === wrt);
	const x = leaves[at];
	const allLeaves = leaves.every((t) => t !== undefined);
	if (n.op === '*' && allLeaves && x) {
		const others = leaves.filter((_, i) => i !== at) as Term[];
		return { gate: 'mul', piece: { terms: others, write: (...p) => p.join(tex.times), evaluate: (...xs) => xs.reduce((s, v) => s * v, 1) } };
	}
	if (n.op === '/' && allLeaves && x) {
		const [a, b] = leaves as [Term, Term];
		if (at === 0) return { gate: 'div', piece: { terms: [b], write: (d) => `\\frac{1}{${d}}`, evaluate: (d) => 1 / d } };
		return { gate: 'div', piece: { terms: [a, b], write: (u, d) => `-\\frac{${u}}{${d}^{2}}`, evaluate: (u, d) => -u / (d * d) } };
	}
	if (n.op === '^') {
		const [base, exponent] = args as [MathNode, MathNode];
		const power = leafTerm(exponent, labels);
		if (isName(base, EULER) && power?.name === wrt) return { gate: 'exp', piece: expPiece(power, output) };
		if (at !== 0 || !x || !power || power.name !== undefined) return undefined;
		const k = power.value(() => NaN);
		const write = (b: string) => (k === 1 ? num(1) : k === 2 ? `${num(2)}${tex.times}${b}` : `${num(k)}${tex.times}${b}^{${formatSignificant(k - 1)}}`);
		return { gate: 'pow', piece: { terms: [x], write, evaluate: (b) => OPS.pow.evaluate([b], { exponent: k }).local[0] as number } };
	}
	const fn = n.type === 'FunctionNode' ? (n.fn as { name: string }).name : undefined;
	if (!fn || !allLeaves || !x) return undefined;
	if (fn === 'max') {
		const all = leaves as Term[];
		const write = (...p: string[]) => cases(`${bare(p[at] as string)} = \\max(${p.map(bare).join(', ')})`);
		return { gate: 'max', piece: { terms: all, write, evaluate: (...xs) => OPS.max.evaluate(xs, {}).local[at] as number } };
	}
	switch (fn) {
		case 'exp':
			return { gate: 'exp', piece: expPiece(x, output) };
		case 'log':
			return { gate: 'log', piece: { terms: [x], write: (v) => `\\frac{1}{${v}}`, evaluate: unary('log') } };
		case 'relu':
			return { gate: 'relu', piece: { terms: [x], write: (v) => cases(`${bare(v)} > 0`), evaluate: unary('relu') } };
		case 'sigmoid':
			return output
				? { gate: 'sigmoid', piece: { terms: [output], write: (s) => `${s}(1 - ${s})`, evaluate: (s) => s * (1 - s) } }
				: { gate: 'sigmoid', piece: { terms: [x], write: (v) => `\\sigma(${bare(v)})(1 - \\sigma(${bare(v)}))`, evaluate: sigmoidLocal } };
		case 'tanh':
			return output
				? { gate: 'tanh', piece: { terms: [output], write: (t) => `1 - ${t}^{2}`, evaluate: (t) => 1 - t * t } }
				: { gate: 'tanh', piece: { terms: [x], write: (v) => `1 - \\tanh^{2}(${bare(v)})`, evaluate: unary('tanh') } };
		default:
			return undefined;
	}
}

/** e^x is its own derivative: read off the gate's output where it has one. */
const expPiece = (x: Term, output?: Term): Piece =>
	output ? { terms: [output], write: (o) => o, evaluate: (o) => o } : { terms: [x], write: (v) => `e^{${v}}`, evaluate: unary('exp') };

/** Signed pieces added up, as one formula. */
function combine(pieces: Array<{ sign: number; piece: Piece }>): Formula {
	const terms = pieces.flatMap(({ piece }) => piece.terms);
	const split = <T>(xs: T[]) => {
		let i = 0;
		return pieces.map(({ piece }) => xs.slice(i, (i += piece.terms.length)));
	};
	const write = (...parts: string[]) =>
		split(parts)
			.map((p, i) => {
				const { sign, piece } = pieces[i] as { sign: number; piece: Piece };
				const s = piece.write(...p);
				const shown = s.startsWith('-') && (i > 0 || sign < 0) ? `\\left(${s}\\right)` : s;
				return i === 0 ? (sign < 0 ? `-${shown}` : shown) : `${sign < 0 ? ' - ' : ' + '}${shown}`;
			})
			.join('');
	const evaluate = (...xs: number[]) =>
		split(xs).reduce((s, p, i) => {
			const { sign, piece } = pieces[i] as { sign: number; piece: Piece };
			return s + sign * piece.evaluate(...p);
		}, 0);
	return shaped(terms, write, evaluate);
}

/** ∂/∂N of the definition, written as such, evaluated exactly by the engine. */
function generic(expr: Expression, wrt: string, labels: Labels): Formula {
	const body = definitionTex(expr.tree, (name) => quantityTex(name, labels));
	return {
		symbolic: `\\frac{\\partial}{\\partial ${quantityTex(wrt, labels)}}\\left(${body}\\right)`,
		substitute: (get) => num(localValue(expr, wrt, get)),
		compute: (get) => localValue(expr, wrt, get),
		reads: expr.names
	};
}
