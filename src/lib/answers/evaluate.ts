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

export type Evaluation = { ok: true; value: number } | { ok: false; message: string };

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
		const value = walk(tree, s);
		return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: tooLarge(s) };
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

function walk(raw: unknown, s: string): number {
	const node = (raw ?? {}) as Node;
	switch (node.type) {
		case 'ConstantNode':
			if (typeof node.value === 'number' && Number.isFinite(node.value)) return node.value;
			return refuse(typeof node.value === 'number' ? tooLarge(s) : `${quote(s)} is not a number.`);
		case 'SymbolNode':
			return symbol(String(node.name));
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

function call(node: Node, s: string): number {
	const name = String((node.fn as Node | undefined)?.name);
	const f = isFunction(name) ? FUNCTIONS[name] : undefined;
	if (!f) return refuse(`${quote(name)} is not a function this box knows. Use exp, ln, log or sqrt.`);
	const args = Array.isArray(node.args) ? node.args : [];
	if (args.length !== 1) return refuse(`${name} takes one value, as in ${name}(0.5).`);
	const x = walk(args[0], s);
	const y = f(x);
	if (Number.isFinite(y)) return y;
	if (name === 'sqrt') return refuse(`${quote(s)} takes the square root of a negative number.`);
	if (name.startsWith('l')) return refuse(`${quote(s)} takes the logarithm of zero or a negative number.`);
	return refuse(tooLarge(s));
}

function operate(node: Node, s: string): number {
	const args = Array.isArray(node.args) ? (node.args as unknown[]) : [];
	const values = args.map((arg) => walk(arg, s));
	if (node.implicit === true) checkImplicit(args[1], s);
	const fn = String(node.fn);
	if (values.length === 1 && fn === 'unaryMinus') return -(values[0] as number);
	if (values.length === 1 && fn === 'unaryPlus') return values[0] as number;
	if (values.length !== 2) return refuse(unsupported(s));
	const [a, b] = values as [number, number];
	const y = binary(fn, a, b, s);
	return Number.isFinite(y) ? y : refuse(tooLarge(s));
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
