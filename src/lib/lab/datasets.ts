import { mulberry32 } from '$lib/variants/random';
import { parabolaPoints, scaled } from './experiments/parabola';

/**
 * Generated data sets for training blocks (`:::training{dataset="name" seed="7"}`), by name.
 * A generator is seeded, so a lesson and its tests see the same examples each time. Its inputs
 * and targets are matched to the network's inputs and outputs by position; a lesson is refused
 * at build time when the counts differ.
 *
 * To add one: a new entry below, with a one-line description; tests/unit/lab/datasets.test.ts
 * checks every entry (sizes, finite numbers, same examples for the same seed).
 */
export type GeneratedData = { inputs: number[][]; targets: number[][] };

export type DatasetGenerator = {
	description: string;
	/** Numbers of inputs and of targets per example. */
	inputs: number;
	outputs: number;
	generate(seed: number): GeneratedData;
};

export const DATASETS: Record<string, DatasetGenerator> = {
	disc: {
		description: '200 points spread evenly over the square [−1, 1]², target 1 inside the disc x² + y² < 0.5, else 0',
		inputs: 2,
		outputs: 1,
		generate(seed) {
			const random = mulberry32(seed);
			const inputs: number[][] = [];
			const targets: number[][] = [];
			for (let i = 0; i < 200; i++) {
				const x = 2 * random() - 1;
				const y = 2 * random() - 1;
				inputs.push([x, y]);
				targets.push([x * x + y * y < 0.5 ? 1 : 0]);
			}
			return { inputs, targets };
		}
	},
	// Deck 002's shuffle experiment (slide 21); see experiments/parabola.ts for how it is read.
	'parabola-random-first': {
		description: '10,000 points (x/100, y/10,000): 5,000 random in the square, target 0, listed first, then 5,000 on the parabola y = x², target 1',
		inputs: 2,
		outputs: 1,
		generate: (seed) => scaled(parabolaPoints(seed, 'random-first'))
	},
	'parabola-first': {
		description: 'the same 10,000 points as parabola-random-first, the 5,000 parabola points listed first',
		inputs: 2,
		outputs: 1,
		generate: (seed) => scaled(parabolaPoints(seed, 'parabola-first'))
	}
};

export const DATASET_NAMES = (): string[] => Object.keys(DATASETS);
