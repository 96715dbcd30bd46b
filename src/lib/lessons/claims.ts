/**
 * Claims in a lesson's prose that the engine checks: `:claim[raising $x$ raises $f$]{holds="df/dx > 0"}`.
 * A claim holds when every comparison of its `holds` holds for the network's numbers. It is
 * checked for the lesson's own numbers (a false claim is a content error) and for every variant
 * drawn (a draw that breaks a claim is refused), so that the prose stays true under new numbers.
 */

export type Operand = { quantity: string } | { number: number };
export type Comparison = { left: Operand; op: Op; right: Operand };
export type Claim = {
	/** The line of the claim in the lesson file. */
	line: number;
	/** The claim's own words, as written (for messages). */
	text: string;
	network: string;
	holds: Comparison[];
	/** The `holds` text as written. */
	source: string;
};

// `=` is exact: for a value that is exactly 0 by structure, as a dead ReLU's gradient.
const OPS = {
	'<': (a: number, b: number) => a < b,
	'>': (a: number, b: number) => a > b,
	'<=': (a: number, b: number) => a <= b,
	'>=': (a: number, b: number) => a >= b,
	'=': (a: number, b: number) => a === b
} as const;
export type Op = keyof typeof OPS;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Reads `holds`: comparisons `A op B` joined by ` and `, where A and B are quantity names or
 * numbers and op is <, >, <=, >= or = (exactly equal), with spaces around it. A message says what is wrong otherwise.
 */
export function parseHolds(text: string): Comparison[] | string {
	const parts = text.trim().split(/\s+and\s+/);
	const comparisons: Comparison[] = [];
	for (const part of parts) {
		const m = /^(\S+)\s+(<=|>=|<|>|=)\s+(\S+)$/.exec(part.trim());
		if (!m) return `cannot read “${part.trim()}”: write a comparison such as holds="dE/dw5 > 0" or holds="out_o1 < out_o2" (spaces around <, >, <=, >= or =; several joined by “and”)`;
		comparisons.push({ left: operand(m[1] as string), op: m[2] as Op, right: operand(m[3] as string) });
	}
	return comparisons;
}

const operand = (s: string): Operand => (NUMBER.test(s) ? { number: Number(s) } : { quantity: s });

/** The quantities a claim reads. */
export const claimQuantities = (holds: Comparison[]) =>
	holds.flatMap((c) => [c.left, c.right]).flatMap((o) => ('quantity' in o ? [o.quantity] : []));

/** The first comparison that does not hold for `value`'s numbers, written with them; undefined when all hold. */
export function brokenComparison(holds: Comparison[], value: (quantity: string) => number): string | undefined {
	for (const c of holds) {
		const [a, b] = [read(c.left, value), read(c.right, value)];
		if (!OPS[c.op](a, b)) return `${show(c.left, a)} ${c.op} ${show(c.right, b)} is false`;
	}
	return undefined;
}

const read = (o: Operand, value: (q: string) => number) => ('number' in o ? o.number : value(o.quantity));
const show = (o: Operand, x: number) => ('number' in o ? String(o.number) : `${o.quantity} = ${Number(x.toPrecision(6))}`);
