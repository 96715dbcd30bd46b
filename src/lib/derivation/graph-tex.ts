import type { MathNode } from 'mathjs/number';
import { bare } from './tex';

/** The fields of the mathjs nodes a definition may hold (see $lib/nn/expr). */
export type NodeView = {
	type: string;
	name?: string;
	value?: unknown;
	op?: string;
	fn?: string | { name: string };
	args?: MathNode[];
	content?: MathNode;
};

export const view = (node: MathNode) => node as unknown as NodeView;

/** `e` inside a definition is Euler's number, never a name (as in $lib/nn/expr). */
export const EULER = 'e';

export const strip = (node: MathNode): MathNode =>
	node.type === 'ParenthesisNode' ? strip(view(node).content as MathNode) : node;

/** The names a subtree reads, in order of appearance (with repeats). */
export function namesIn(node: MathNode): string[] {
	const n = view(node);
	if (node.type === 'SymbolNode') return n.name === EULER ? [] : [n.name as string];
	if (n.content) return namesIn(n.content);
	return (n.args ?? []).flatMap(namesIn);
}

const FUNCTION_TEX: Record<string, string> = { sigmoid: '\\sigma', relu: '\\operatorname{relu}' };

/**
 * A definition in TeX, each name written by `write` (its label, or a number). mathjs writes the
 * operators; the leading space keeps `\cdot` from running into a name (`\cdotz`).
 */
export function definitionTex(tree: MathNode, write: (name: string) => string): string {
	// A name that is a whole function argument is written bare: σ(-4), not σ((-4)).
	const whole = new Set<MathNode>();
	tree.traverse((node) => {
		if (node.type === 'FunctionNode') for (const a of view(node).args ?? []) if (a.type === 'SymbolNode') whole.add(a);
	});
	const options = {
		parenthesis: 'auto',
		implicit: 'show',
		handler: (node: MathNode, opts: object): string | undefined => {
			const n = view(node);
			if (node.type === 'SymbolNode' && n.name !== EULER) return ` ${whole.has(node) ? bare(write(n.name as string)) : write(n.name as string)}`;
			const fn = node.type === 'FunctionNode' ? FUNCTION_TEX[(n.fn as { name: string }).name] : undefined;
			if (fn === undefined) return undefined;
			return `${fn}\\left(${(n.args ?? []).map((a) => a.toTex(opts)).join(', ')}\\right)`;
		}
	};
	return tree.toTex(options).trim();
}
