import { describe, expect, it } from 'vitest';
import { LabSession, type FromWorker, type LabOptions, type ProgressMessage, applyDelta, type ToWorker } from '$lib/lab';
import type { NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';

// The 2-2-2 network of content/networks/mazur-2-2-2.yaml, biases fixed.
const spec = {
	inputs: { i1: 0.05, i2: 0.1 },
	layers: [
		{ activation: { type: 'sigmoid', threshold: 0, temperature: 1 }, neurons: { h1: { inputs: { i1: 'w1', i2: 'w2' }, bias: 'b1' }, h2: { inputs: { i1: 'w3', i2: 'w4' }, bias: 'b1' } } },
		{ activation: { type: 'sigmoid', threshold: 0, temperature: 1 }, neurons: { o1: { inputs: { h1: 'w5', h2: 'w6' }, bias: 'b2' }, o2: { inputs: { h1: 'w7', h2: 'w8' }, bias: 'b2' } } }
	],
	parameters: { w1: 0.15, w2: 0.2, w3: 0.25, w4: 0.3, w5: 0.4, w6: 0.45, w7: 0.5, w8: 0.55, b1: 0.35, b2: 0.6 },
	targets: { o1: 0.01, o2: 0.99 },
	loss: 'half-squared-error',
	learningRate: 0.5,
	update: { biases: false }
} as NetworkSpec;
const example = { inputs: spec.inputs, targets: spec.targets as Record<string, number> };

/** E_total after each of `n` updates, by a hand-written float64 loop (independent of the engine). */
function handWritten(n: number, rate = 0.5): number[] {
	const s = (x: number) => 1 / (1 + Math.exp(-x));
	let [w1, w2, w3, w4, w5, w6, w7, w8] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
	const [b1, b2, i1, i2, t1, t2] = [0.35, 0.6, 0.05, 0.1, 0.01, 0.99];
	const errors: number[] = [];
	for (let k = 0; k <= n; k++) {
		const h1 = s(w1 * i1 + w2 * i2 + b1);
		const h2 = s(w3 * i1 + w4 * i2 + b1);
		const o1 = s(w5 * h1 + w6 * h2 + b2);
		const o2 = s(w7 * h1 + w8 * h2 + b2);
		errors.push(0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2);
		const d1 = (o1 - t1) * o1 * (1 - o1);
		const d2 = (o2 - t2) * o2 * (1 - o2);
		const e1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1);
		const e2 = (d1 * w6 + d2 * w8) * h2 * (1 - h2);
		[w5, w6, w7, w8] = [w5 - rate * d1 * h1, w6 - rate * d1 * h2, w7 - rate * d2 * h1, w8 - rate * d2 * h2];
		[w1, w2, w3, w4] = [w1 - rate * e1 * i1, w2 - rate * e1 * i2, w3 - rate * e2 * i1, w4 - rate * e2 * i2];
	}
	return errors;
}

const options: LabOptions = { mode: 'incremental', rate: 0.5, momentum: 0, epochs: 300, shuffle: false, seed: 1, speed: 0 };

/** A session with a fake clock (each reading 0.01 ms later) and a queue of scheduled tasks. */
function harness() {
	const posted: FromWorker[] = [];
	const tasks: Array<() => void> = [];
	const delays: number[] = [];
	let t = 0;
	const session = new LabSession({
		makeTrainer: (s, e, o) => new Trainer(s, e, o),
		now: () => (t += 0.01),
		post: (m) => posted.push(m),
		schedule: (task, delay) => {
			tasks.push(task);
			delays.push(delay);
			return () => tasks.splice(tasks.indexOf(task) >>> 0, 1);
		}
	});
	const send = (m: ToWorker) => session.handle(m);
	const runAll = (limit = 10_000) => {
		for (let i = 0; i < limit && tasks.length > 0; i++) (tasks.shift() as () => void)();
	};
	const progress = () => posted.filter((m): m is ProgressMessage => m.type === 'progress');
	/** The loss curve as the page holds it after applying every message. */
	const curve = () => progress().reduce<number[][]>((points, m) => applyDelta(points, m.history), []);
	return { session, posted, tasks, delays, send, runAll, progress, curve, clock: () => t };
}

describe('LabSession', () => {
	it('streams the loss curve of the 2-2-2 network, each point equal to a hand-written loop', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		h.send({ type: 'start' });
		h.runAll();
		const last = h.progress().at(-1) as ProgressMessage;
		expect(last).toMatchObject({ running: false, done: true, updates: 300, epochs: 300 });
		const expected = handWritten(300);
		const curve = h.curve();
		expect(curve[0]).toEqual([0, expected[0]]);
		expect(curve.at(-1)?.[0]).toBe(300);
		for (const [u, e] of curve) expect(e).toBeCloseTo(expected[u as number] as number, 12);
		expect(last.loss).toBeCloseTo(expected[300] as number, 12);
	});

	it('pauses, steps one update at a time and resumes', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		h.send({ type: 'step' });
		h.send({ type: 'step' });
		expect(h.progress().at(-1)).toMatchObject({ updates: 2, running: false });
		expect(h.progress().at(-1)?.loss).toBeCloseTo(handWritten(2)[2] as number, 12);
		h.send({ type: 'start' });
		(h.tasks.shift() as () => void)(); // one slice
		h.send({ type: 'pause' });
		const paused = h.progress().at(-1) as ProgressMessage;
		expect(paused.running).toBe(false);
		expect(h.tasks).toHaveLength(0); // nothing left scheduled
		h.send({ type: 'resume' });
		h.runAll();
		expect(h.progress().at(-1)).toMatchObject({ updates: 300, done: true });
	});

	it('resets to the start: update 0 and the first error, the page told to drop its curve', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		h.send({ type: 'step' });
		h.send({ type: 'reset' });
		const last = h.progress().at(-1) as ProgressMessage;
		expect(last.updates).toBe(0);
		expect(last.history).toEqual({ replace: true, points: [[0, handWritten(0)[0]]] });
	});

	it('a new learning rate applies from the next update, from the weights reached', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		h.send({ type: 'step' });
		h.send({ type: 'options', options: { rate: 0.5 } }); // unchanged: no effect
		h.send({ type: 'step' });
		expect(h.progress().at(-1)?.loss).toBeCloseTo(handWritten(2)[2] as number, 12);
		h.send({ type: 'options', options: { epochs: 2 } });
		expect(h.progress().at(-1)).toMatchObject({ updates: 2, done: true });
	});

	it('keeps to a set pace: no more epochs than speed × time, waiting a frame when ahead', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options: { ...options, epochs: 100_000, speed: 100 } });
		h.send({ type: 'start' });
		const start = h.clock();
		h.runAll(2000);
		const elapsed = h.clock() - start;
		h.send({ type: 'pause' });
		const last = h.progress().at(-1) as ProgressMessage;
		// One example: an epoch is an update; 100 a second is one per 10 ms of the fake clock.
		expect(last.updates).toBeGreaterThan(0);
		expect(last.updates).toBeLessThanOrEqual(Math.floor((100 * elapsed) / 1000) + 1);
		expect(h.delays).toContain(16);
	});

	it('sends a heat map grid and the data points for a two-input network', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		const ready = h.posted[0];
		expect(ready).toMatchObject({ type: 'ready', inputs: ['i1', 'i2'], outputs: ['o1', 'o2'], points: [{ x: 0.05, y: 0.1, targets: [0.01, 0.99] }] });
		const grid = h.progress()[0]?.grid;
		expect(grid?.values).toHaveLength(2);
		expect(grid?.values[0]).toHaveLength(40 * 40);
		// The cell containing the example shows what the network outputs there.
		const { bounds, size } = grid as NonNullable<typeof grid>;
		const i = Math.floor(((0.05 - bounds.x0) / (bounds.x1 - bounds.x0)) * size);
		const j = Math.floor(((0.1 - bounds.y0) / (bounds.y1 - bounds.y0)) * size);
		const s = (x: number) => 1 / (1 + Math.exp(-x));
		const cx = bounds.x0 + ((i + 0.5) * (bounds.x1 - bounds.x0)) / size;
		const cy = bounds.y0 + ((j + 0.5) * (bounds.y1 - bounds.y0)) / size;
		const h1 = s(0.15 * cx + 0.2 * cy + 0.35);
		const h2 = s(0.25 * cx + 0.3 * cy + 0.35);
		expect(grid?.values[0]?.[j * size + i]).toBeCloseTo(s(0.4 * h1 + 0.45 * h2 + 0.6), 12);
	});

	it('stops with a plain message when the weights run away, never a NaN', () => {
		const h = harness();
		const linear = {
			...spec,
			layers: [{ activation: { type: 'identity' }, neurons: { o1: { inputs: { i1: 'w1', i2: 'w2' } } } }],
			parameters: { w1: 1, w2: 1 },
			targets: { o1: 1 }
		} as NetworkSpec;
		const big = { inputs: { i1: 100, i2: 100 }, targets: { o1: 1 } };
		h.send({ type: 'init', spec: linear, data: { kind: 'examples', examples: [big] }, options: { ...options, rate: 10, epochs: 100_000 } });
		h.send({ type: 'start' });
		h.runAll();
		const error = h.posted.find((m) => m.type === 'error');
		expect(error?.type === 'error' && error.message).toMatch(/no longer a finite number.*lower the learning rate/);
		expect(h.progress().every((m) => Number.isFinite(m.loss))).toBe(true);
		expect(h.tasks).toHaveLength(0);
	});

	it('gives a clear message for options it cannot use', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'examples', examples: [example] }, options });
		h.send({ type: 'options', options: { rate: -1 } });
		expect(h.posted.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/learning rate must be a number above 0/) });
	});

	it('generates a named data set and checks it against the network', () => {
		const h = harness();
		h.send({ type: 'init', spec, data: { kind: 'generated', name: 'disc', seed: 3 }, options });
		expect(h.posted[0]).toMatchObject({ type: 'error', message: expect.stringMatching(/“disc” has 2 inputs and 1 targets.*2 inputs and 2 outputs/) });
	});
});
