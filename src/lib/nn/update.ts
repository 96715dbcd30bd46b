/**
 * What one update step needs besides the gradient: the learning rate η, momentum λ if set, and L2
 * weight decay λ₂ if set (given for weights only: deck 001 leaves the biases out of it).
 */
export type UpdateRule = { rate: number; momentum?: number | undefined; decay?: number | undefined };

export type Updated = { value: number; velocity?: number };

/**
 * One update of a parameter w whose gradient is g = ∂E/∂w (with weight decay, g + λ₂·w instead).
 * Without momentum, gradient descent: w ← w − η·g.
 * With momentum λ, deck 004's rule: v ← λ·v − (1 − λ)·g, then w ← w + η·v. The velocity v
 * averages the past steps (λ = 0 gives gradient descent again); it starts at 0 unless given.
 */
export function updateParameter(w: number, g: number, v: number, rule: UpdateRule): Updated {
	const step = decayedGradient(w, g, rule.decay);
	if (rule.momentum === undefined) return { value: w - rule.rate * step };
	const velocity = velocityAfter(v, step, rule.momentum);
	return { value: w + rule.rate * velocity, velocity };
}

/**
 * The gradient an update follows under L2 weight decay λ₂: the error's cost plus λ₂/2·w² (deck
 * 001's regularisation term for one example) has the gradient g + λ₂·w. Without decay, g.
 */
export const decayedGradient = (w: number, g: number, decay: number | undefined) => (decay === undefined ? g : g + decay * w);

/** v ← λ·v − (1 − λ)·g: the new velocity, which needs no learning rate. */
export const velocityAfter = (v: number, g: number, momentum: number) => momentum * v - (1 - momentum) * g;
