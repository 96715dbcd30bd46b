import { recomputeAll, topologicalOrder, type Value } from './value';

export type GradCheckRow = {
	leaf: Value;
	analytic: number;
	numeric: number;
	/** |analytic − numeric| / max(1, |analytic|, |numeric|): relative for large, absolute for small. */
	error: number;
};

/**
 * Compares backward()'s gradient of `root` with respect to each leaf against a central finite
 * difference (f(x + ε) − f(x − ε)) / 2ε. Leaves default to every leaf of the graph. The graph's
 * data is restored afterwards.
 */
export function gradCheck(root: Value, leaves?: Value[], epsilon = 1e-6): GradCheckRow[] {
	const targets = leaves ?? topologicalOrder(root).filter((v) => v.op === 'leaf');
	root.backward();
	const analytic = targets.map((leaf) => leaf.grad);
	return targets.map((leaf, i) => {
		const original = leaf.data;
		const at = (x: number) => {
			leaf.data = x;
			recomputeAll(root);
			return root.data;
		};
		const numeric = (at(original + epsilon) - at(original - epsilon)) / (2 * epsilon);
		at(original);
		const a = analytic[i] as number;
		const error = Math.abs(a - numeric) / Math.max(1, Math.abs(a), Math.abs(numeric));
		return { leaf, analytic: a, numeric, error };
	});
}
