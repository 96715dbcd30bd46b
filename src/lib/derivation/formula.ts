import { num, quantityTex, tex, type Labels } from './tex';

/** Reads the value of a quantity: the engine's, a learner's own, or one made under a mistake. */
export type Get = (name: string) => number;

/**
 * One term of a formula: how it is written and how it is evaluated. A named term reads its
 * value through `get`, so the same formula can be evaluated with anyone's numbers.
 */
export type Term = { tex: string; value: (get: Get) => number; name?: string };

export const named = (name: string, labels: Labels): Term => ({
	tex: quantityTex(name, labels),
	value: (get) => get(name),
	name
});

export const constant = (x: number): Term => ({ tex: num(x), value: () => x });

/** A formula in three forms that always agree: in symbols, with numbers, and evaluated. */
export type Formula = {
	symbolic: string;
	substitute(get: Get): string;
	compute(get: Get): number;
	/** The named terms it reads. */
	reads: string[];
};

const readsOf = (terms: Term[]) => terms.flatMap((t) => (t.name === undefined ? [] : [t.name]));

/** Number of a term inside a formula: a bare constant or a quantity's value. */
const show = (t: Term, get: Get) => num(t.value(get));

export function product(terms: Term[]): Formula {
	return {
		symbolic: terms.map((t) => t.tex).join(tex.times),
		substitute: (get) => terms.map((t) => show(t, get)).join(tex.times),
		compute: (get) => terms.reduce((p, t) => p * t.value(get), 1),
		reads: readsOf(terms)
	};
}

export function sum(terms: Term[]): Formula {
	return {
		symbolic: terms.map((t) => t.tex).join(' + '),
		substitute: (get) => terms.map((t) => show(t, get)).join(' + '),
		compute: (get) => terms.reduce((s, t) => s + t.value(get), 0),
		reads: readsOf(terms)
	};
}

/** Σ a·b, as in a weighted sum or a gradient summed over paths. */
export function sumOfProducts(pairs: Array<[Term, Term]>, extra: Term[] = []): Formula {
	return {
		symbolic: [...pairs.map(([a, b]) => a.tex + tex.times + b.tex), ...extra.map((t) => t.tex)].join(' + '),
		substitute: (get) =>
			[...pairs.map(([a, b]) => show(a, get) + tex.times + show(b, get)), ...extra.map((t) => show(t, get))].join(' + '),
		compute: (get) => pairs.reduce((s, [a, b]) => s + a.value(get) * b.value(get), 0) + extra.reduce((s, t) => s + t.value(get), 0),
		reads: readsOf([...pairs.flat(), ...extra])
	};
}

/** A term on its own: the step just reads a value (a weight, an input, an earlier output). */
export function single(term: Term): Formula {
	return { symbolic: term.tex, substitute: (get) => show(term, get), compute: term.value, reads: readsOf([term]) };
}

/**
 * A formula of a few named terms with a custom shape, e.g. out(1 − out). `write` gets each term's
 * TeX (symbols or numbers), `evaluate` their values, in the same order as `terms`.
 */
export function shaped(terms: Term[], write: (...parts: string[]) => string, evaluate: (...xs: number[]) => number): Formula {
	return {
		symbolic: write(...terms.map((t) => t.tex)),
		substitute: (get) => write(...terms.map((t) => show(t, get))),
		compute: (get) => evaluate(...terms.map((t) => t.value(get))),
		reads: readsOf(terms)
	};
}

/**
 * a · (Σ b·c): one factor times a sum of two-factor products, as in ∂E_o/∂out_o · Σ_Y ∂out_o/∂net_Y · w_{hY}.
 * Without `a` it is a plain Σ of products of any length: Σ_k Π_j chains[k][j].
 */
export function sumOfChains(chains: Term[][], factor?: Term): Formula {
	const write = (part: (t: Term) => string) => {
		const sum = chains.map((chain) => chain.map(part).join(tex.times)).join(' + ');
		if (!factor) return sum;
		return chains.length > 1 ? `${part(factor)}${tex.times}\\left(${sum}\\right)` : `${part(factor)}${tex.times}${sum}`;
	};
	return {
		symbolic: write((t) => t.tex),
		substitute: (get) => write((t) => show(t, get)),
		compute: (get) => (factor ? factor.value(get) : 1) * chains.reduce((s, chain) => s + chain.reduce((p, t) => p * t.value(get), 1), 0),
		reads: readsOf([...(factor ? [factor] : []), ...chains.flat()])
	};
}
