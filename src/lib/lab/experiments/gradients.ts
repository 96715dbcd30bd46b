import type { Example, NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';

/**
 * The size of the gradient in each layer at the starting weights: ‖Σ_p ∂E_p/∂w‖₂ over the
 * layer's weights (biases left out), the gradient summed over the examples as one batch update
 * uses it. Layer 1 is the first hidden layer; the last entry is the output layer.
 */
export function gradientNormsAtStart(spec: NetworkSpec, examples: Example[]): number[] {
	const trainer = new Trainer(spec, examples, { mode: 'batch', rate: spec.learningRate ?? 0.5 });
	trainer.step(); // computes the summed gradient at the starting weights, then updates
	return trainer.gradientNormsByLayer();
}
