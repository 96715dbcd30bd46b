import { recomputeAll, type Value } from '$lib/autograd';
import { buildNetwork } from './network';
import type { NetworkSpec } from './schema';

/**
 * The quantities of a gradient check (deck 001, slide 54), for a network with targets and
 * `gradientCheck: { epsilon: ε }`, for every named parameter P (trained or not), on the network's
 * own example:
 * - `E_total_plus_P`, `E_total_minus_P`: E_total with P moved to P + ε or P − ε, every other
 *   parameter as it is;
 * - `numgrad_P` = (E_total_plus_P − E_total_minus_P) / 2ε, the centred difference, which agrees
 *   with dE/dP up to a term of order ε²;
 * - `numgrad_onesided_P` = (E_total_plus_P − E_total) / ε, the one-sided difference (the slide's
 *   formula with its missing division by ε put back), which agrees up to a term of order ε.
 * A graph of its own is built, so the traced graph and its gradients are left alone.
 */
export function gradientCheckTrace(spec: NetworkSpec): Record<string, number> {
	if (!spec.gradientCheck || !spec.targets) return {};
	const { epsilon } = spec.gradientCheck;
	const model = buildNetwork(spec);
	const loss = model.loss as Value;
	const errorWith = (p: Value, x: number) => {
		p.data = x;
		recomputeAll(loss);
		return loss.data;
	};
	recomputeAll(loss);
	const base = loss.data;
	const trace: Record<string, number> = {};
	for (const name of Object.keys(spec.parameters)) {
		const p = model.nodes.get(name) as Value;
		const value = p.data;
		const plus = errorWith(p, value + epsilon);
		const minus = errorWith(p, value - epsilon);
		errorWith(p, value);
		trace[`E_total_plus_${name}`] = plus;
		trace[`E_total_minus_${name}`] = minus;
		trace[`numgrad_${name}`] = (plus - minus) / (2 * epsilon);
		trace[`numgrad_onesided_${name}`] = (plus - base) / epsilon;
	}
	return trace;
}
