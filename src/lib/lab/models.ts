import type { Example, NetworkSpec, TrainingMode } from '$lib/nn/schema';
import { NUMPY_LOOP, numpyLoop } from './experiments/numpy-loop';

/**
 * Generated models for training blocks (`:::training{model="name" seed="1"}`), by name: a
 * network and its data set too large for a lesson's front matter (deck 001's loop has 101,000
 * weights and 64 × 1000 inputs). The worker generates them from the name and the seed, so
 * nothing of that size is written into the page or sent to the worker.
 *
 * To add one: a new entry below, with a one-line description and its sizes (the build checks a
 * block's pictures and defaults against them without generating the model);
 * tests/unit/lab/models.test.ts checks every entry (sizes, finite numbers, same numbers for the
 * same seed).
 */
export type GeneratedModel = { spec: NetworkSpec; examples: Example[] };

export type ModelGenerator = {
	description: string;
	/** Sizes of what `generate` returns: inputs, outputs, layers, parameters and examples. */
	inputs: number;
	outputs: number;
	layers: number;
	parameters: number;
	examples: number;
	/** How the model is trained unless the block says otherwise (the spec's learningRate). */
	mode: TrainingMode;
	rate: number;
	generate(seed: number): GeneratedModel;
};

const { N, D_in, H, D_out, rate } = NUMPY_LOOP;

export const MODELS: Record<string, ModelGenerator> = {
	// content/160-numpy-training-loop.md; see experiments/numpy-loop.ts.
	'numpy-loop': {
		description: `deck 001's NumPy loop at full size: ${N} samples × ${D_in} inputs → ${H} sigmoid hidden units (no biases) → ${D_out} linear outputs, squared error summed, every number from one seeded normal stream (x, then y, w1, w2)`,
		inputs: D_in,
		outputs: D_out,
		layers: 2,
		parameters: D_in * H + H * D_out,
		examples: N,
		mode: 'batch',
		rate,
		generate(seed) {
			const { spec, data } = numpyLoop(seed);
			return { spec, examples: data };
		}
	}
};

export const MODEL_NAMES = (): string[] => Object.keys(MODELS);

/** The named model generated from `seed`; an error naming the models when there is none. */
export function generateModel(name: string, seed: number): GeneratedModel {
	const generator = Object.hasOwn(MODELS, name) ? MODELS[name] : undefined;
	if (!generator) throw new Error(`there is no generated model named “${name}” (the models: ${MODEL_NAMES().join(', ')})`);
	if (!Number.isInteger(seed)) throw new Error(`the model's seed must be a whole number, not ${seed}`);
	return generator.generate(seed);
}
