import { describe, expect, it } from 'vitest';
import { LabSession, MODELS, generateModel, type FromWorker, type LabOptions, type LabTrainer } from '$lib/lab';
import type { Example, NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';
import { BIG, bigScratch, bigWorkload, handBigStep } from '../../bench/tape-workloads';

// The registry of generated models (src/lib/lab/models.ts): what a training block names with
// model="…" and the worker builds from the name and the seed.

const weights = (spec: NetworkSpec) => Object.keys(spec.parameters).length;

describe('generated models', () => {
	for (const [name, generator] of Object.entries(MODELS)) {
		it(`${name}: of the declared sizes, finite, the same numbers for the same seed`, () => {
			const a = generator.generate(1);
			const { spec, examples } = a;
			expect(Object.keys(spec.inputs)).toHaveLength(generator.inputs);
			expect(spec.layers).toHaveLength(generator.layers);
			expect(Object.keys(spec.layers.at(-1)?.neurons ?? {})).toHaveLength(generator.outputs);
			expect(weights(spec)).toBe(generator.parameters);
			expect(examples).toHaveLength(generator.examples);
			expect(spec.learningRate).toBe(generator.rate);
			for (const e of examples) {
				expect(Object.keys(e.inputs)).toEqual(Object.keys(spec.inputs));
				expect(Object.keys(e.targets)).toEqual(Object.keys(spec.layers.at(-1)?.neurons ?? {}));
			}
			const numbers = [...Object.values(spec.parameters), ...examples.flatMap((e) => [...Object.values(e.inputs), ...Object.values(e.targets)])];
			expect(numbers.every(Number.isFinite)).toBe(true);
			const again = generator.generate(1);
			expect(again.spec.parameters).toEqual(spec.parameters);
			expect(again.examples).toEqual(examples);
			expect(generator.generate(2).spec.parameters).not.toEqual(spec.parameters);
		}, 300_000);
	}

	it('numpy-loop is deck 001’s loop: 64 samples × 1000 inputs → 100 → 10, 101,000 weights', () => {
		const m = MODELS['numpy-loop'];
		expect(m).toMatchObject({ inputs: 1000, outputs: 10, layers: 2, parameters: 101_000, examples: 64, mode: 'batch', rate: 1e-4 });
	});

	it('numpy-loop holds the hand-written loop’s numbers, and its loss at t = 0 through the Trainer is the hand loop’s to 2 decimals', () => {
		const { spec, examples } = generateModel('numpy-loop', 1);
		const { x, y, w1, w2 } = bigWorkload(1);
		// The same stream in the loop's layout: x row by row, w1[i*H + j] is w1_i_j.
		expect(examples[5]?.inputs.x7).toBe(x[5 * BIG.D_in + 7]);
		expect(examples[63]?.targets.y9).toBe(y[63 * BIG.D_out + 9]);
		expect(spec.parameters.w1_999_99).toBe(w1[999 * BIG.H + 99]);
		expect(spec.parameters.w2_3_4).toBe(w2[3 * BIG.D_out + 4]);
		const hand = handBigStep(x, y, Float64Array.from(w1), Float64Array.from(w2), bigScratch()); // the loss before its update
		const trainer = new Trainer(spec, examples, { mode: 'batch', rate: BIG.rate });
		const loss = trainer.datasetError();
		expect(loss.toFixed(2)).toBe(hand.toFixed(2));
		expect(Math.abs(loss - hand)).toBeLessThanOrEqual(1e-9 * hand);
	}, 300_000);

	it('an unknown name or a seed that is not whole is refused with the models named', () => {
		expect(() => generateModel('numpy-lop', 1)).toThrow(/no generated model named “numpy-lop” \(the models: numpy-loop/);
		expect(() => generateModel('toString', 1)).toThrow(/no generated model/);
		expect(() => generateModel('numpy-loop', 1.5)).toThrow(/whole number/);
	});
});

describe('the lab’s worker session with a generated model', () => {
	const options: LabOptions = { mode: 'batch', rate: 1e-4, momentum: 0, epochs: 2000, shuffle: false, seed: 1, speed: 0 };

	/** A trainer that trains nothing: the session's protocol, without the tape's seconds of building. */
	function fake(spec: NetworkSpec): LabTrainer {
		let updates = 0;
		return {
			step: () => void updates++,
			get updates() {
				return updates;
			},
			get epochs() {
				return updates;
			},
			datasetError: () => 1,
			predict: () => Object.keys(spec.layers.at(-1)?.neurons ?? {}).map(() => 0),
			parameterValues: () => ({ ...spec.parameters }),
			gradientNormsByLayer: () => spec.layers.map(() => 0.5),
			reset: () => void (updates = 0)
		};
	}

	it('builds the spec and examples from the name and seed, then says ready, then the first progress', () => {
		const log: string[] = [];
		const built: { spec?: NetworkSpec; examples?: Example[] } = {};
		const posted: FromWorker[] = [];
		const session = new LabSession({
			makeTrainer: (spec, examples) => {
				log.push('trainer built');
				Object.assign(built, { spec, examples });
				return fake(spec);
			},
			now: () => 0,
			post: (m) => (log.push(m.type), posted.push(m)),
			schedule: () => () => {}
		});
		session.handle({ type: 'init', model: { name: 'numpy-loop', seed: 1 }, options });
		expect(log.slice(0, 3)).toEqual(['trainer built', 'ready', 'progress']);
		expect(posted[0]).toEqual({ type: 'ready', inputs: Object.keys(built.spec?.inputs ?? {}), outputs: ['y0', 'y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8', 'y9'], layers: 2, examples: 64 });
		expect((posted[0] as { inputs: string[] }).inputs).toHaveLength(1000);
		expect(weights(built.spec as NetworkSpec)).toBe(101_000);
		const { spec, examples } = generateModel('numpy-loop', 1);
		expect(built.spec?.parameters).toEqual(spec.parameters);
		expect(built.examples).toEqual(examples);
		// 101,000 weights are not sent to the page.
		expect(posted.some((m) => m.type === 'progress' && m.parameters !== undefined)).toBe(false);
	}, 300_000);

	it('an unknown model is an error message, not a crash', () => {
		const posted: FromWorker[] = [];
		const session = new LabSession({ makeTrainer: (s) => fake(s), now: () => 0, post: (m) => posted.push(m), schedule: () => () => {} });
		session.handle({ type: 'init', model: { name: 'nope', seed: 1 }, options });
		expect(posted).toEqual([{ type: 'error', updates: 0, message: expect.stringMatching(/no generated model named “nope”/) }]);
	});
});
