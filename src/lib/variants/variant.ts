import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import { degeneracies } from './degenerate';
import { drawSpec } from './draw';
import { mulberry32 } from './random';

export type VariantOptions = {
	/**
	 * Draws tried before giving up on a seed; the lesson's own numbers are then used. Default 100:
	 * "new numbers" runs on the main thread, and 100 refused draws of the 2-2-2 network take well
	 * under 150 ms (a caller's `isDegenerate` adds its own cost per draw).
	 */
	maxAttempts?: number;
	/** Further draws to refuse, e.g. values that round to the same digits as a named mistake. */
	isDegenerate?: (trace: Trace, spec: ModelSpec) => boolean;
};

/**
 * - `drawn`: new numbers that pass every check;
 * - `unchanged`: nothing in this spec may change (a step network with targets, all zeros): the original;
 * - `fallback`: every draw was degenerate: the original.
 */
export type Variant = { spec: ModelSpec; outcome: 'drawn' | 'unchanged' | 'fallback'; attempts: number };

/**
 * Variant `seed` of a network or graph: the same structure with new numbers (see draw.ts),
 * identical on every machine. Draws that make a poor exercise (see degenerate.ts) are refused and
 * drawn again from the same stream, so a refused draw moves the seed on deterministically. A rule
 * the lesson's own numbers already break (a lesson about a saturated sigmoid) is not held against
 * a variant at the same node.
 */
export function drawVariant(spec: ModelSpec, seed: number, options: VariantOptions = {}): Variant {
	const { maxAttempts = 100, isDegenerate } = options;
	const model = buildModel(spec);
	const original = traceModel(model);
	// A value that is not finite is never allowed, even where the lesson's own numbers have one.
	const allowed = new Set(degeneracies(model, original).filter((d) => !d.rule.startsWith('finite')).map((d) => `${d.node}:${d.rule}`));
	const same = JSON.stringify(spec);

	const random = mulberry32(seed);
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		const drawn = drawSpec(spec, random);
		if (!drawn) return { spec, outcome: 'unchanged', attempts: attempt };
		if (JSON.stringify(drawn) !== same && acceptable(drawn, original, allowed, isDegenerate)) {
			return { spec: drawn, outcome: 'drawn', attempts: attempt };
		}
	}
	return { spec, outcome: 'fallback', attempts: maxAttempts };
}

/** The spec of variant `seed` (the lesson's own spec when no good variant exists). */
export const variantSpec = (spec: ModelSpec, seed: number, options?: VariantOptions): ModelSpec =>
	drawVariant(spec, seed, options).spec;

function acceptable(spec: ModelSpec, original: Trace, allowed: Set<string>, isDegenerate: VariantOptions['isDegenerate']) {
	try {
		const model = buildModel(spec);
		const trace = traceModel(model);
		const problems = degeneracies(model, trace, original).filter((d) => !allowed.has(`${d.node}:${d.rule}`));
		return problems.length === 0 && !isDegenerate?.(trace, spec);
	} catch {
		return false; // a drawn spec the engine refuses is just another bad draw
	}
}
