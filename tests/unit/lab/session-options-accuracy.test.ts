import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LabSession, applyDelta, examplesOf, type FromWorker, type LabData, type LabOptions, type ProgressMessage, type ToWorker } from '$lib/lab';
import { shuffleExperiment } from '$lib/lab/experiments/shuffle';
import { networkSchema, type Example, type NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';
import { mazurPhasesByHand } from '../tape/mazur-by-hand';

// Options changed mid-run keep momentum's velocity and the place in the epoch; the accuracy over
// the data set is sent with the error when the targets are class labels.

const lesson = (file: string) => parse(readFileSync(file, 'utf8').split('---')[1] as string) as { networks: Record<string, unknown> };
const LAB = lesson('content/110-training-lab.md');
const MAZUR = networkSchema.parse(LAB.networks.mazur) as NetworkSpec;
const DISC = networkSchema.parse(LAB.networks.disc) as NetworkSpec;
const MAZUR_EXAMPLE: Example[] = [{ inputs: MAZUR.inputs, targets: MAZUR.targets as Record<string, number> }];
const DISC_DATA: LabData = { kind: 'generated', name: 'disc', seed: 1 };

const base: LabOptions = { mode: 'incremental', rate: 0.5, momentum: 0, epochs: 1000, shuffle: false, seed: 1, speed: 0 };

/** A session with a fake clock (each reading `tick` ms later) and a queue of scheduled tasks. */
function harness(tick = 0.01) {
	const posted: FromWorker[] = [];
	const tasks: Array<() => void> = [];
	let t = 0;
	const session = new LabSession({
		makeTrainer: (s, e, o) => new Trainer(s, e, o),
		now: () => (t += tick),
		post: (m) => posted.push(m),
		schedule: (task) => {
			tasks.push(task);
			return () => tasks.splice(tasks.indexOf(task) >>> 0, 1);
		}
	});
	const send = (m: ToWorker) => session.handle(m);
	const runAll = (limit = 100_000) => {
		for (let i = 0; i < limit && tasks.length > 0; i++) (tasks.shift() as () => void)();
	};
	const progress = () => posted.filter((m): m is ProgressMessage => m.type === 'progress');
	const last = () => progress().at(-1) as ProgressMessage;
	const curve = () => progress().reduce<number[][]>((points, m) => applyDelta(points, m.history), []);
	const steps = (n: number) => {
		for (let k = 0; k < n; k++) send({ type: 'step' });
	};
	return { posted, send, runAll, progress, last, curve, steps };
}

describe('LabSession: options changed mid-run', () => {
	it('η and λ changed after 7 updates: momentum’s velocity carries over, the error equals the hand-written loop', () => {
		const h = harness();
		h.send({ type: 'init', spec: MAZUR, data: { kind: 'examples', examples: MAZUR_EXAMPLE }, options: { ...base, momentum: 0.9 } });
		const byHand = mazurPhasesByHand([
			{ updates: 7, rate: 0.5, momentum: 0.9 },
			{ updates: 9, rate: 0.2, momentum: 0.5 },
			{ updates: 5, rate: 0.2, momentum: 0 }
		]);
		h.steps(7);
		expect(h.last().loss).toBeCloseTo(byHand[0]!.E, 13);
		h.send({ type: 'options', options: { rate: 0.2, momentum: 0.5 } });
		h.steps(9);
		expect(h.last()).toMatchObject({ updates: 16, epochs: 16 });
		expect(h.last().loss).toBeCloseTo(byHand[1]!.E, 13);
		h.send({ type: 'options', options: { momentum: 0 } });
		h.steps(5);
		expect(h.last().loss).toBeCloseTo(byHand[2]!.E, 13);
		// The parameters sent to the page are the hand loop's.
		const sent = h.last().parameters as Record<string, number>;
		['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'].forEach((w, j) => expect(sent[w]).toBeCloseTo(byHand[2]!.weights[j] as number, 13));
		// With the velocity restarted at 0 (what rebuilding the trainer did) the error would differ.
		const restarted = mazurPhasesByHand([{ updates: 9, rate: 0.2, momentum: 0.5 }]);
		expect(Math.abs(restarted[0]!.E - byHand[1]!.E)).toBeGreaterThan(1e-6);
	});

	it('an incremental pass goes on from the example it had reached (disc, 200 examples, a change after 50)', () => {
		const h = harness();
		const options: LabOptions = { ...base, rate: 2, momentum: 0.3, shuffle: true, seed: 4 };
		h.send({ type: 'init', spec: DISC, data: DISC_DATA, options });
		// The same run on a trainer of its own, changed at the same update.
		const direct = new Trainer(DISC, examplesOf(DISC, DISC_DATA), options);
		h.steps(50);
		for (let k = 0; k < 50; k++) direct.step();
		h.send({ type: 'options', options: { rate: 0.5, momentum: 0.8 } });
		direct.setOptions({ rate: 0.5, momentum: 0.8 });
		h.steps(230);
		for (let k = 0; k < 230; k++) direct.step();
		expect(h.last()).toMatchObject({ updates: 280, epochs: 1 });
		expect(h.last().loss).toBe(direct.datasetError());
		// A trainer rebuilt at the change (velocity 0, back to the first example) ends elsewhere.
		const first = new Trainer(DISC, examplesOf(DISC, DISC_DATA), options);
		for (let k = 0; k < 50; k++) first.step();
		const rebuilt = new Trainer({ ...DISC, parameters: { ...DISC.parameters, ...first.parameterValues() } }, examplesOf(DISC, DISC_DATA), { ...options, rate: 0.5, momentum: 0.8 });
		for (let k = 0; k < 230; k++) rebuilt.step();
		expect(Math.abs(rebuilt.datasetError() - (h.last().loss as number))).toBeGreaterThan(1e-9);
	});

	it('a switch to batch mid-run records the error after every update from then on, as a batch run does', () => {
		const h = harness();
		h.send({ type: 'init', spec: DISC, data: DISC_DATA, options: { ...base, epochs: 3 } });
		h.steps(1);
		h.send({ type: 'options', options: { mode: 'batch', epochs: 30 } });
		h.send({ type: 'start' });
		h.runAll();
		// Update 2 is the rest of epoch 1 (199 examples), then one update per epoch up to epoch 30.
		expect(h.last()).toMatchObject({ done: true, updates: 31, epochs: 30 });
		expect(h.curve().map((p) => p[0])).toEqual(Array.from({ length: 32 }, (_, u) => u));
	});

	it('keeps training when the rate changes while it runs', () => {
		const h = harness(1); // a slow clock: a slice is a few updates
		h.send({ type: 'init', spec: DISC, data: DISC_DATA, options: { ...base, epochs: 50 } });
		h.send({ type: 'start' });
		while (h.last().updates === 0) h.runAll(1); // slices until one is reported
		const before = h.last().updates;
		expect(before).toBeGreaterThan(0);
		expect(before).toBeLessThan(10_000);
		h.send({ type: 'options', options: { rate: 1 } });
		expect(h.last()).toMatchObject({ running: true, updates: before });
		h.runAll();
		expect(h.last()).toMatchObject({ done: true, epochs: 50, updates: 10_000 });
	});
});

describe('LabSession: accuracy over the data set', () => {
	/** The disc network's output by hand: 4 sigmoid hidden units, one sigmoid output. */
	function discOutput(p: Record<string, number>, x1: number, x2: number): number {
		const s = (z: number) => 1 / (1 + Math.exp(-z));
		const h = [1, 2, 3, 4].map((k) => s(p[`a${2 * k - 1}`]! * x1 + p[`a${2 * k}`]! * x2 + p[`c${k}`]!));
		return s(h.reduce((sum, hk, k) => sum + p[`v${k + 1}`]! * hk, p.d!));
	}
	const byHand = (p: Record<string, number>) => {
		const examples = examplesOf(DISC, DISC_DATA);
		return examples.filter((e) => (discOutput(p, e.inputs.x1!, e.inputs.x2!) > 0.5 ? 1 : 0) === e.targets.y).length / examples.length;
	};

	it('is sent with the error for 0/1 targets, equal to counting the examples by hand, at the start and as it trains', () => {
		const h = harness();
		h.send({ type: 'init', spec: DISC, data: DISC_DATA, options: { ...base, rate: 2, epochs: 40 } });
		expect(h.last().accuracy).toBe(byHand(DISC.parameters));
		h.send({ type: 'start' });
		h.runAll();
		const end = h.last();
		expect(end).toMatchObject({ done: true, epochs: 40 });
		expect(end.accuracy).toBe(byHand(end.parameters as Record<string, number>));
		expect(end.accuracy).toBeGreaterThan(h.progress()[0]!.accuracy as number);
		// Every message has it, with the error of the same point.
		expect(h.progress().every((m) => typeof m.accuracy === 'number' && m.accuracy >= 0 && m.accuracy <= 1)).toBe(true);
	});

	it('is not sent when the targets are not all 0 or 1 (the 2-2-2 example: 0.01 and 0.99)', () => {
		const h = harness();
		h.send({ type: 'init', spec: MAZUR, data: { kind: 'examples', examples: MAZUR_EXAMPLE }, options: base });
		h.steps(3);
		expect(h.progress().every((m) => !('accuracy' in m))).toBe(true);
	});

	it('several outputs with one-hot targets: the largest output is the class', () => {
		const h = harness();
		const data: Example[] = [
			{ inputs: { i1: 0.05, i2: 0.1 }, targets: { o1: 0, o2: 1 } },
			{ inputs: { i1: 0.9, i2: 0.2 }, targets: { o1: 1, o2: 0 } },
			{ inputs: { i1: 0.3, i2: 0.8 }, targets: { o1: 0, o2: 1 } }
		];
		h.send({ type: 'init', spec: MAZUR, data: { kind: 'examples', examples: data }, options: base });
		const t = new Trainer(MAZUR, data, { mode: 'incremental', rate: 0.5 });
		const right = () => data.filter((e) => {
			const [o1, o2] = t.predict([e.inputs.i1!, e.inputs.i2!]) as [number, number];
			return (o1 > o2 ? 'o1' : 'o2') === (e.targets.o1 === 1 ? 'o1' : 'o2');
		}).length / data.length;
		expect(h.last().accuracy).toBe(right());
		h.steps(30);
		for (let k = 0; k < 30; k++) t.step();
		expect(h.last().accuracy).toBe(right());
	});

	it('lesson 120: the shuffled lab’s accuracy after an epoch is the shuffle experiment’s', () => {
		const SHUFFLE = networkSchema.parse(lesson('content/120-shuffling-the-data.md').networks.shuffle) as NetworkSpec;
		const [shuffled, randomFirst] = shuffleExperiment(SHUFFLE, { seed: 1, epochs: 1, rate: 0.5 });
		for (const [run, shuffle] of [[shuffled, true], [randomFirst, false]] as const) {
			const h = harness();
			h.send({ type: 'init', spec: SHUFFLE, data: { kind: 'generated', name: 'parabola-random-first', seed: 1 }, options: { ...base, shuffle, epochs: 1 } });
			h.send({ type: 'start' });
			h.runAll();
			expect(h.last()).toMatchObject({ done: true, updates: 10_000 });
			expect(h.last().accuracy).toBe(run!.accuracy);
			expect(h.last().loss).toBe(run!.error);
		}
	}, 300_000);
});
