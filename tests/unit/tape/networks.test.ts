import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '$lib/autograd';
import { buildNetwork, checkModel, modelsInFile, trainingTrace, type Example, type NetworkSpec } from '$lib/nn';
import { loadLessonsFromDisk } from '$lib/server/lessons';
import { compileTape, Trainer } from '$lib/tape';
import { mulberry32 } from '$lib/variants/random';
import { mismatches } from './close';

/**
 * The tape against the Value engine it is compiled from: E_total, every gradient and every
 * training update equal the engine's (nn/training.ts trainingTrace) to 1e-12 relative, for
 * random networks and for every network of content/.
 */

/** The engine's E_total, outputs and ∂E/∂P for one example, and the tape's. */
function compareExample(spec: NetworkSpec, example: Example): string[] {
	return RUNS.flatMap((run) => compareExampleRun(spec, example, run).map((m) => `${run}: ${m}`));
}

const RUNS = ['generate', 'interpret'] as const;

function compareExampleRun(spec: NetworkSpec, example: Example, run: (typeof RUNS)[number]): string[] {
	const model = buildNetwork({ ...spec, inputs: example.inputs, targets: example.targets });
	const loss = model.loss as Value;
	loss.backward();
	const tape = compileTape(spec, { run });
	expect(tape.runs).toBe(run === 'generate' ? 'generated' : 'interpreted');
	tape.setExample(tape.inputs.map((i) => example.inputs[i] as number), tape.outputs.map((o) => example.targets[o] as number));
	tape.zeroGrads();
	const E = tape.forward();
	tape.backward();
	const expected: Record<string, number> = { E_total: loss.data };
	const actual: Record<string, number> = { E_total: E };
	tape.outputs.forEach((o, k) => ((expected[`out_${o}`] = (model.nodes.get(`out_${o}`) as Value).data), (actual[`out_${o}`] = tape.output(k))));
	tape.parameters.forEach((p, k) => ((expected[`dE/d${p}`] = (model.nodes.get(p) as Value).grad), (actual[`dE/d${p}`] = tape.grads[k] as number)));
	return mismatches(expected, actual);
}

/** trainingTrace's P_after_k, E_total_epoch_k and E_total_after_training, from the Trainer. */
function trainerTrace(spec: NetworkSpec, run: (typeof RUNS)[number]): Record<string, number> {
	const data = spec.data as Example[];
	const mode = spec.training?.mode ?? 'incremental';
	const epochs = spec.training?.epochs ?? 1;
	const trainer = new Trainer(spec, data, { mode, rate: spec.learningRate as number, run });
	const trace: Record<string, number> = {};
	for (let epoch = 1; epoch <= epochs; epoch++) {
		trace[`E_total_epoch_${epoch}`] = trainer.datasetError();
		const updates = mode === 'batch' ? Math.ceil(data.length / (spec.training?.batchSize ?? data.length)) : data.length;
		for (let u = 0; u < updates; u++) {
			trainer.step();
			const k = trainer.updates;
			for (const [p, x] of Object.entries(trainer.parameterValues())) trace[`${p}_after_${k}`] = x;
			if (spec.training?.report?.includes(k)) trace[`E_total_after_${k}`] = trainer.datasetError();
		}
		expect(trainer.epochs).toBe(epoch);
	}
	trace.E_total_after_training = trainer.datasetError();
	return trace;
}

function compareTraining(spec: NetworkSpec): string[] {
	const expected = trainingTrace(spec);
	// The updates and data-set errors (dE_batch/dP is a gradient, compared by compareExample's kind).
	const keys = Object.keys(expected).filter((k) => /_after_(\d+|training)$|^E_total_epoch_\d+$/.test(k));
	expect(keys.length).toBeGreaterThan(0);
	const wanted = Object.fromEntries(keys.map((k) => [k, expected[k] as number]));
	return RUNS.flatMap((run) => mismatches(wanted, trainerTrace(spec, run)).map((m) => `${run}: ${m}`));
}

// ---- Random networks ----

const HIDDEN = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'identity', 'linear', 'step'] as const;
type Shape = {
	seed: number;
	inputs: number;
	sizes: number[];
	hidden: (typeof HIDDEN)[number][];
	loss: NetworkSpec['loss'];
	softmax: boolean;
	biases: 'none' | 'own' | 'shared' | 'fixed';
	skip: boolean;
	shareWeights: boolean;
	updateBiases: boolean;
	momentum: number | null;
	velocities: boolean;
	examples: number;
	mode: 'incremental' | 'batch';
	epochs: number;
	batchSize: number | null;
	average: boolean;
	weightDecay: number | null;
};

const shape: fc.Arbitrary<Shape> = fc.record({
	seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
	inputs: fc.integer({ min: 1, max: 3 }),
	sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
	hidden: fc.array(fc.constantFrom(...HIDDEN), { minLength: 4, maxLength: 4 }),
	loss: fc.constantFrom('half-squared-error', 'squared-error', 'mean-squared-error', 'cross-entropy', 'binary-cross-entropy'),
	softmax: fc.boolean(),
	biases: fc.constantFrom('none', 'own', 'shared', 'fixed'),
	skip: fc.boolean(),
	shareWeights: fc.boolean(),
	updateBiases: fc.boolean(),
	momentum: fc.option(fc.double({ min: 0, max: 0.95, noNaN: true })),
	velocities: fc.boolean(),
	examples: fc.integer({ min: 1, max: 4 }),
	mode: fc.constantFrom('incremental', 'batch'),
	epochs: fc.integer({ min: 1, max: 3 }),
	batchSize: fc.option(fc.integer({ min: 1, max: 5 })),
	average: fc.boolean(),
	weightDecay: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }))
});

/** A valid network of the given shape, its numbers drawn from the seed. */
function networkOf(s: Shape): NetworkSpec {
	const random = mulberry32(s.seed);
	const between = (lo: number, hi: number) => lo + (hi - lo) * random();
	const inputs = Array.from({ length: s.inputs }, (_, i) => `i${i}`);
	const parameters: Record<string, number> = {};
	const param = (name: string) => ((parameters[name] ??= between(-1.5, 1.5)), name);
	const probability = s.loss === 'cross-entropy' || s.loss === 'binary-cross-entropy';
	const last = s.sizes.length - 1;
	const earlier: string[][] = [inputs];
	let w = 0;
	const layers = s.sizes.map((size, l) => {
		const names = Array.from({ length: size }, (_, j) => (l === last ? `o${j}` : `h${l}_${j}`));
		const neurons: Record<string, { inputs: Record<string, string | number>; bias?: string | number }> = {};
		for (const n of names) {
			const connections: Record<string, string | number> = {};
			const sources = [...(earlier.at(-1) as string[]), ...(s.skip ? earlier.slice(0, -1).flat().filter(() => random() < 0.5) : [])];
			for (const source of sources) {
				// A weight is a parameter of its own, one shared with another connection, or a fixed number.
				const r = random();
				connections[source] = r < 0.1 ? between(-1, 1) : s.shareWeights && r < 0.3 && w > 0 ? `w${Math.floor(random() * w)}` : param(`w${w++}`);
			}
			const neuron: (typeof neurons)[string] = { inputs: connections };
			if (s.biases === 'own') neuron.bias = param(`b${l}_${n}`);
			if (s.biases === 'shared') neuron.bias = param(`b${l}`);
			if (s.biases === 'fixed') neuron.bias = between(-1, 1);
			neurons[n] = neuron;
		}
		earlier.push(names);
		const kind = l === last ? (probability ? (s.softmax && s.loss === 'cross-entropy' ? 'softmax' : 'sigmoid') : s.softmax ? 'softmax' : s.hidden[l]) : s.hidden[l];
		const activation =
			kind === 'sigmoid' ? { type: 'sigmoid', threshold: between(-0.5, 0.5), temperature: between(0.5, 2) }
			: kind === 'step' ? { type: 'step', threshold: between(-0.5, 0.5), atThreshold: random() < 0.5 ? 0 : 1 }
			: kind === 'leaky-relu' ? { type: 'leaky-relu', slope: between(0.01, 0.5) }
			: { type: kind };
		return { activation, neurons };
	});
	const outputs = earlier.at(-1) as string[];
	const target = () => {
		if (!probability) return Object.fromEntries(outputs.map((o) => [o, between(-1, 1)]));
		const t = outputs.map(() => random());
		const sum = t.reduce((a, b) => a + b, 0);
		// Softmax with cross-entropy wants targets that sum to 1.
		return Object.fromEntries(outputs.map((o, k) => [o, layers[last]?.activation.type === 'softmax' ? (t[k] as number) / sum : (t[k] as number)]));
	};
	const example = () => ({ inputs: Object.fromEntries(inputs.map((i) => [i, between(-2, 2)])), targets: target() });
	const first = example();
	const raw = {
		inputs: first.inputs,
		layers,
		parameters,
		targets: first.targets,
		loss: s.loss,
		learningRate: between(0.05, 1),
		update: { biases: s.updateBiases },
		...(s.momentum === null ? {} : { momentum: s.momentum }),
		...(s.momentum !== null && s.velocities ? { velocities: Object.fromEntries(Object.keys(parameters).map((p) => [p, between(-0.1, 0.1)])) } : {}),
		data: Array.from({ length: s.examples }, example),
		...(s.weightDecay === null ? {} : { weightDecay: s.weightDecay }),
		training: { mode: s.mode, epochs: s.epochs, ...(s.mode === 'batch' ? { average: s.average, ...(s.batchSize === null ? {} : { batchSize: s.batchSize }) } : {}) }
	};
	const checked = checkModel(raw);
	if (!checked.ok) throw new Error(`generated an invalid network: ${checked.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
	const { kind: _, ...spec } = checked.spec as { kind: 'network' } & NetworkSpec;
	return spec;
}

describe('random networks: the tape equals the Value engine', () => {
	it('E_total, outputs and every gradient, for each example', () => {
		fc.assert(
			fc.property(shape, (s) => {
				const spec = networkOf(s);
				for (const example of spec.data as Example[]) expect(compareExample(spec, example)).toEqual([]);
			}),
			{ numRuns: 150 }
		);
	}, 120_000);

	it('every update of incremental, batch and mini-batch training (sum or mean), with and without momentum and weight decay', () => {
		fc.assert(
			fc.property(shape, (s) => {
				expect(compareTraining(networkOf(s))).toEqual([]);
			}),
			{ numRuns: 150 }
		);
	}, 120_000);
});

// ---- Every network in content/ ----

type Named = [string, NetworkSpec];
function contentNetworks(): Named[] {
	const found: Named[] = [];
	const add = (where: string, spec: { kind: string }) => {
		if (spec.kind !== 'network') return;
		const { kind: _, ...rest } = spec as { kind: 'network' } & NetworkSpec;
		found.push([where, rest]);
	};
	for (const f of readdirSync('content/networks').filter((f) => f.endsWith('.yaml'))) {
		const file = `content/networks/${f}`;
		for (const [name, m] of modelsInFile(readFileSync(file, 'utf8'), file)) add(`${file} ${name}`, m.spec);
	}
	for (const lesson of loadLessonsFromDisk()) for (const [name, spec] of Object.entries(lesson.networks)) add(`${lesson.slug ?? 'lesson'} ${name}`, spec);
	return found;
}

describe('every network of content/ on the tape', () => {
	const networks = contentNetworks();

	it('finds the network files and the lessons’ networks', () => {
		expect(networks.filter(([w]) => w.startsWith('content/networks/')).length).toBeGreaterThanOrEqual(20);
		expect(networks.some(([w]) => w.includes('mazur-2-2-2'))).toBe(true);
	});

	it.each(networks)('%s: E_total, outputs and gradients of its example', (_, spec) => {
		// Without targets, those of its first data example, or 0 (the tape compiles with 0).
		const outputs = Object.keys(spec.layers.at(-1)?.neurons ?? {});
		const targets = spec.targets ?? spec.data?.[0]?.targets ?? Object.fromEntries(outputs.map((o) => [o, 0]));
		expect(compareExample(spec, { inputs: spec.inputs, targets })).toEqual([]);
	});

	// A lesson may train for 10,000 updates: the engine's run takes seconds on a busy machine.
	it.each(networks.filter(([, s]) => s.data && s.learningRate !== undefined))('%s: its training run, update by update', (_, spec) => {
		expect(compareTraining(spec)).toEqual([]);
	}, 120_000);
});
