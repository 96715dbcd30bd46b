import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs/number';
import { add, max, Value } from '$lib/autograd';

// Only the parser: the rest of mathjs would add weight to the page and nothing to a definition.
const { parse } = create({ parseDependencies: parseDependencies as FactoryFunctionMap });

/** The functions a graph definition may call, each a node of the engine. */
const FUNCTIONS: Record<string, { arity: number | 'n'; apply(args: Value[]): Value }> = {
	exp: { arity: 1, apply: ([a]) => (a as Value).exp() },
	log: { arity: 1, apply: ([a]) => (a as Value).log() },
	sigmoid: { arity: 1, apply: ([a]) => (a as Value).sigmoid() },
	tanh: { arity: 1, apply: ([a]) => (a as Value).tanh() },
	relu: { arity: 1, apply: ([a]) => (a as Value).relu() },
	max: { arity: 'n', apply: (args) => max(...args) }
};
export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** `e` is Euler's number, and `e^x` is exp(x), as learners write it. */
const EULER = 'e';
const isEuler = (node: MathNode | undefined) =>
	node?.type === 'SymbolNode' && (node as unknown as { name: string }).name === EULER;

export class ExpressionError extends Error {}

/** A parsed definition: its syntax tree and the names it reads. */
export type Expression = { tree: MathNode; names: string[] };

/**
 * Characters of one definition (docs/authoring.md, "Limits"). Real ones have a few dozen; the
 * syntax tree is walked recursively, and 20,000 terms (x+x+…) overflowed the call stack.
 */
export const MAX_DEFINITION = 2_000;

export function parseExpression(source: string | number): Expression {
	const text = String(source);
	if (text.length > MAX_DEFINITION) {
		throw new ExpressionError(`this definition has ${text.length.toLocaleString('en')} characters; a definition may have at most ${MAX_DEFINITION.toLocaleString('en')}: split it into several definitions`);
	}
	let tree: MathNode;
	try {
		tree = parse(text);
	} catch (e) {
		throw new ExpressionError(`cannot read “${source}”: ${(e as Error).message}`);
	}
	const names = new Set<string>();
	try {
		check(tree, names);
	} catch (e) {
		if (e instanceof RangeError) throw new ExpressionError('this definition is nested too deeply: split it into several definitions');
		throw e;
	}
	return { tree, names: [...names] };
}

function check(node: MathNode, names: Set<string>): void {
	switch (node.type) {
		case 'ConstantNode': {
			// mathjs also reads "text", true, null and undefined as constants; only numbers count.
			const { value } = node as unknown as { value: unknown };
			if (typeof value !== 'number') throw new ExpressionError(`“${node.toString()}” is not a number: use numbers and names only`);
			return;
		}
		case 'SymbolNode': {
			const { name } = node as unknown as { name: string };
			if (name !== EULER) names.add(name);
			return;
		}
		case 'ParenthesisNode':
			return check((node as unknown as { content: MathNode }).content, names);
		case 'OperatorNode': {
			const { op, args } = node as unknown as { op: string; args: MathNode[] };
			if (!['+', '-', '*', '/', '^'].includes(op)) {
				throw new ExpressionError(`the operator “${op}” is not supported: use + - * / ^`);
			}
			if (op === '^' && !isEuler(args[0]) && !isConstant(args[1])) {
				throw new ExpressionError('a power must be a constant number, as in x^2');
			}
			args.forEach((a) => check(a, names));
			return;
		}
		case 'FunctionNode': {
			const { fn, args } = node as unknown as { fn: { name: string }; args: MathNode[] };
			const def = FUNCTIONS[fn.name];
			if (!def) {
				throw new ExpressionError(`unknown function “${fn.name}”: use ${FUNCTION_NAMES.join(', ')}`);
			}
			if (def.arity !== 'n' && args.length !== def.arity) {
				throw new ExpressionError(`${fn.name} takes ${def.arity} argument(s), not ${args.length}`);
			}
			if (def.arity === 'n' && args.length === 0) {
				throw new ExpressionError(`${fn.name} needs at least one argument, as in ${fn.name}(x, y)`);
			}
			args.forEach((a) => check(a, names));
			return;
		}
		default:
			throw new ExpressionError(`“${node.toString()}” is not supported in a definition`);
	}
}

/** A number written with numbers only: 2, -1, (1/2), -(3) — what a power may have as exponent. */
function isConstant(node: MathNode | undefined): boolean {
	if (!node) return false;
	const n = node as unknown as { op?: string; fn?: string; args?: MathNode[]; content?: MathNode; value?: unknown };
	if (node.type === 'ConstantNode') return typeof n.value === 'number';
	if (node.type === 'ParenthesisNode') return isConstant(n.content);
	return node.type === 'OperatorNode' && ['+', '-', '*', '/', '^'].includes(n.op as string) && (n.args ?? []).every(isConstant);
}

/**
 * The value of a constant (see isConstant). Computed here: the parser-only mathjs instance
 * cannot evaluate, not even unary minus, so `x^-1` would otherwise fail.
 */
function constantValue(node: MathNode): number {
	const n = node as unknown as { op: string; fn: string; args: MathNode[]; content: MathNode; value: number };
	if (node.type === 'ConstantNode') return n.value;
	if (node.type === 'ParenthesisNode') return constantValue(n.content);
	const [a, b] = n.args.map(constantValue) as [number, number];
	if (n.fn === 'unaryMinus') return -a;
	if (n.fn === 'unaryPlus') return a;
	if (n.op === '+') return a + b;
	if (n.op === '-') return a - b;
	if (n.op === '*') return a * b;
	if (n.op === '/') return a / b;
	return a ** b;
}

/** Builds engine nodes for a checked expression; `scope` gives the Value of each name. */
export function buildExpression(expr: Expression, scope: (name: string) => Value): Value {
	const build = (node: MathNode): Value => {
		const n = node as unknown as {
			name: string; value: number; op: string; fn: string | { name: string }; args: MathNode[]; content: MathNode;
		};
		switch (node.type) {
			case 'ConstantNode':
				return new Value(Number(n.value));
			case 'SymbolNode':
				return n.name === EULER ? new Value(Math.E) : scope(n.name);
			case 'ParenthesisNode':
				return build(n.content);
			case 'FunctionNode':
				return (FUNCTIONS[(n.fn as { name: string }).name] as (typeof FUNCTIONS)[string]).apply(n.args.map(build));
			default: {
				const [base, exponent] = n.args as [MathNode, MathNode];
				if (n.op === '^') {
					return isEuler(base) ? build(exponent).exp() : build(base).pow(constantValue(exponent));
				}
				const [a, b] = n.args.map(build) as [Value, Value];
				if (n.fn === 'unaryMinus') return a.neg();
				if (n.fn === 'unaryPlus') return a;
				if (n.op === '+') return add(a, b);
				if (n.op === '-') return a.sub(b);
				if (n.op === '*') return a.mul(b);
				return a.div(b);
			}
		}
	};
	return build(expr.tree);
}
