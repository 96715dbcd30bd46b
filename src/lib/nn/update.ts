/** What one update step needs besides the gradient: the learning rate η and, if set, momentum λ. */
export type UpdateRule = { rate: number; momentum?: number | undefined };

export type Updated = { value: number; velocity?: number };

/**
 * One update of a parameter w whose gradient is g = ∂E/∂w.
 * Without momentum, gradient descent: w ← w − η·g.
 * With momentum λ, deck 004's rule: v ← λ·v − (1 − λ)·g, then w ← w + η·v. The velocity v
 * averages the past steps (λ = 0 gives gradient descent again); it starts at 0 unless given.
 */
export function updateParameter(w: number, g: number, v: number, rule: UpdateRule): Updated {
	if (rule.momentum === undefined) return { value: w - rule.rate * g };
	const velocity = velocityAfter(v, g, rule.momentum);
	return { value: w + rule.rate * velocity, velocity };
}

/** v ← λ·v − (1 − λ)·g: the new velocity, which needs no learning rate. */
export const velocityAfter = (v: number, g: number, momentum: number) => momentum * v - (1 - momentum) * g;
