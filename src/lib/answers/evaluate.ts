// Parses with mathjs and evaluates the tree ourselves, over a whitelist of node
// types, operators and names. mathjs's own evaluate/compile is never reached,
// and the instance (with import, createUnit, …) never leaves this module.
import { create, parseDependencies } from 'mathjs/number';
import { CONSTANTS, FUNCTIONS, isConstant, isFunction } from './math';
import { HOW_TO, quote } from './quote';

// Typed as possibly undefined (mathjs declares a Record); it is always there.
const { parse } = create({ parseDependencies: parseDependencies ?? {} });

// The fields we read, typed loosely because we check every one of them.
interface Node {
	type?: unknown;
	value?: unknown;
	name?: unknown;
	fn?: unknown;
	args?: unknown;
	content?: unknown;
	implicit?: unknown;
}

/**
 * `uncertainty`: how far the value could move if each number the learner typed with three or more
 * significant digits (a rounded intermediate such as 0.7414) were anywhere within half a unit of its
 * last digit; numbers with fewer digits (0.05, 0.5, 1, 2) are taken as exact. First order, summed.
 * `scale`: the largest magnitude met while computing, for a float-noise floor.
 */
export type Evaluation = { ok: true; value: number; uncertainty: number; scale: number } | { ok: false; message: string };

/** A value with its uncertainty and the largest magnitude it was computed through. */
type Num = { v: number; e: number; s: number };

/** Thrown only inside this module, to unwind with a learner-facing message. */
class Refusal {
	constructor(readonly message: string) {}
}

export function evaluateExpression(s: string): Evaluation {
	let tree: unknown;
	try {
		tree = parse(s);
	} catch (e) {
		return { ok: false, message: syntaxMessage(s, e) };
	}
	try {
		const { v, e, s: scale } = walk(tree, s);
		return Number.isFinite(v) ? { ok: true, value: v, uncertainty: Number.isFinite(e) ? e : Infinity, scale } : { ok: false, message: tooLarge(s) };
	} catch (e) {
		if (e instanceof Refusal) return { ok: false, message: e.message };
		throw e;
	}
}

function syntaxMessage(s: string, e: unknown): string {
	const char = (e as { char?: unknown } | null)?.char;
	const at = typeof char === 'number' ? char - 1 : -1;
	if (at >= s.length) return `${quote(s)} is unfinished: something is missing at the end.`;
	return at > 0
		? `${quote(s)} could be read up to ${quote(s.slice(0, at).trimEnd())}, but not from ${quote(s.slice(at))} on.`
		: `${quote(s)} is not a number or an expression this box can read. ${HOW_TO}`;
}

const tooLarge = (s: string) => `${quote(s)} gives a number too large to work with.`;
const divides = (s: string) => `${quote(s)} can't be computed: that divides by zero.`;
const unsupported = (s: string) =>
	`${quote(s)} uses something this box does not compute. Use numbers, + - * / ^, parentheses, and exp, ln or sqrt.`;
const refuse = (message: string): never => {
	throw new Refusal(message);
};

const exact = (v: number): Num => ({ v, e: 0, s: Math.abs(v) });

/** A typed number: rounded at its last digit when it has three or more significant digits. */
function literal(v: number): Num {
	const [mantissa = '', exp = '0'] = Math.abs(v).toExponential().split('e');
	const digits = mantissa.replace('.', '').length;
	if (v === 0 || digits < 3) return exact(v);
	return { v, e: 0.5 * 10 ** (Number(exp) - digits + 1), s: Math.abs(v) };
}

function walk(raw: unknown, s: string): Num {
	const node = (raw ?? {}) as Node;
	switch (node.type) {
		case 'ConstantNode':
			if (typeof node.value === 'number' && Number.isFinite(node.value)) return literal(node.value);
			return refuse(typeof node.value === 'number' ? tooLarge(s) : `${quote(s)} is not a number.`);
		case 'SymbolNode':
			return exact(symbol(String(node.name)));
		case 'ParenthesisNode':
			return walk(node.content, s);
		case 'FunctionNode':
			return call(node, s);
		case 'OperatorNode':
			return operate(node, s);
		default:
			return refuse(unsupported(s));
	}
}

function symbol(name: string): number {
	if (isConstant(name)) return CONSTANTS[name] ?? NaN;
	if (isFunction(name)) return refuse(`Put what ${name} applies to in parentheses, as in ${name}(0.5).`);
	return refuse(`${quote(name)} is not a number.`);
}

function call(node: Node, s: string): Num {
	const name = String((node.fn as Node | undefined)?.name);
	const f = isFunction(name) ? FUNCTIONS[name] : undefined;
	if (!f) return refuse(`${quote(name)} is not a function this box knows. Use exp, ln, log or sqrt.`);
	const args = Array.isArray(node.args) ? node.args : [];
	if (args.length !== 1) return refuse(`${name} takes one value, as in ${name}(0.5).`);
	const x = walk(args[0], s);
	const y = f(x.v);
	if (Number.isFinite(y)) return { v: y, e: spread(f, x), s: Math.max(x.s, Math.abs(y)) };
	if (name === 'sqrt') return refuse(`${quote(s)} takes the square root of a negative number.`);
	if (name.startsWith('l')) return refuse(`${quote(s)} takes the logarithm of zero or a negative number.`);
	return refuse(tooLarge(s));
}

/** How far f moves over x's uncertainty (f may be undefined on one side: then the other side). */
function spread(f: (x: number) => number, x: Num): number {
	if (x.e === 0) return 0;
	const y = f(x.v);
	const sides = [f(x.v - x.e), f(x.v + x.e)].map((z) => Math.abs(z - y)).filter(Number.isFinite);
	return sides.length ? Math.max(...sides) : Infinity;
}

function operate(node: Node, s: string): Num {
	const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
	const values = args.map((arg) => walk(arg, s));
	if (node.implicit === true) checkImplicit(args[1], s);
	const fn = String(node.fn);
	const [a, b] = values as [Num, Num];
	if (values.length === 1 && fn === 'unaryMinus') return { ...a, v: -a.v };
	if (values.length === 1 && fn === 'unaryPlus') return a;
	if (values.length !== 2) return refuse(unsupported(s));
	const y = binary(fn, a.v, b.v, s);
	if (!Number.isFinite(y)) return refuse(tooLarge(s));
	return { v: y, e: uncertainty(fn, a, b, y), s: Math.max(a.s, b.s, Math.abs(y)) };
}

/** First-order uncertainty of a binary operation. */
function uncertainty(fn: string, a: Num, b: Num, y: number): number {
	switch (fn) {
		case 'add':
		case 'subtract':
			return a.e + b.e;
		case 'multiply':
			return Math.abs(a.v) * b.e + Math.abs(b.v) * a.e + a.e * b.e;
		case 'divide':
			return Math.abs(b.v) > b.e ? (a.e + Math.abs(y) * b.e) / (Math.abs(b.v) - b.e) : Infinity;
		default:
			return Math.max(spread((x) => x ** b.v, a) + spread((x) => a.v ** x, b), 0);
	}
}

function binary(fn: string, a: number, b: number, s: string): number {
	switch (fn) {
		case 'add':
			return a + b;
		case 'subtract':
			return a - b;
		case 'multiply':
			return a * b;
		case 'divide':
			return b === 0 ? refuse(divides(s)) : a / b;
		case 'pow': {
			if (a === 0 && b < 0) return refuse(divides(s));
			const y = a ** b;
			return Number.isNaN(y) ? refuse(`${quote(s)} raises a negative number to a fractional power.`) : y;
		}
		default:
			return refuse(unsupported(s));
	}
}

// 2(1+x), 2exp(1) and 2pi read naturally; anything else side by side is a slip.
function checkImplicit(right: unknown, s: string): void {
	const r = (right ?? {}) as Node;
	if (r.type === 'ParenthesisNode' || r.type === 'FunctionNode') return;
	if (r.type === 'SymbolNode' && (r.name === 'pi' || r.name === 'π')) return;
	refuse(`${quote(s)} puts two things side by side. Put * between them if you mean to multiply.`);
}
