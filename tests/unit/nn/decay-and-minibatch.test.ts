import { describe, expect, it } from 'vitest';
import { stepsFor } from '$lib/derivation';
import { checkModel, traceModel } from '$lib/nn';

/** A linear neuron y = w1·q1 + w2·q2 + b with a ½-squared error, trained on four examples. */
const DATA = [
	{ inputs: { q1: 1, q2: 2 }, targets: { y: 1 } },
	{ inputs: { q1: -1, q2: 0.5 }, targets: { y: 0 } },
	{ inputs: { q1: 0.5, q2: -1 }, targets: { y: 2 } },
	{ inputs: { q1: 2, q2: 1 }, targets: { y: -1 } }
];
const BASE = {
	inputs: { q1: 1, q2: 2 },
	layers: [{ activation: 'identity', neurons: { y: { inputs: { q1: 'w1', q2: 'w2' }, bias: 'b' } } }],
	parameters: { w1: 0.3, w2: -0.2, b: 0.1 },
	targets: { y: 1 },
	learningRate: 0.1
};

function build(extra: Record<string, unknown>) {
	const result = checkModel({ ...BASE, ...extra });
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
	const model = result.build();
	const trace = traceModel(model);
	return { trace, steps: stepsFor(model, trace) };
}

type P = { w1: number; w2: number; b: number };
/** The gradient of ½(t − y)² for one example, by hand. */
const gradient = (p: P, e: (typeof DATA)[number]) => {
	const r = p.w1 * e.inputs.q1 + p.w2 * e.inputs.q2 + p.b - e.targets.y;
	return { w1: r * e.inputs.q1, w2: r * e.inputs.q2, b: r };
};
/** Hand-written mini-batch gradient descent with optional averaging and L2 decay on weights only. */
function train(size: number, average: boolean, decay: number, epochs: number): P[] {
	let p: P = { w1: 0.3, w2: -0.2, b: 0.1 };
	const after: P[] = [];
	for (let e = 0; e < epochs; e++) {
		for (let s = 0; s < DATA.length; s += size) {
			const batch = DATA.slice(s, s + size);
			const g = { w1: 0, w2: 0, b: 0 };
			for (const x of batch) {
				const gx = gradient(p, x);
				g.w1 += gx.w1; g.w2 += gx.w2; g.b += gx.b;
			}
			const k = average ? 1 / batch.length : 1;
			p = { w1: p.w1 - 0.1 * (k * g.w1 + decay * p.w1), w2: p.w2 - 0.1 * (k * g.w2 + decay * p.w2), b: p.b - 0.1 * k * g.b };
			after.push(p);
		}
	}
	return after;
}

describe('mini-batches and averaging', () => {
	it('averages the batch gradient with average: true (the sum divided by the batch size)', () => {
		const summed = build({ data: DATA, training: { mode: 'batch' } }).trace;
		const { trace } = build({ data: DATA, training: { mode: 'batch', average: true } });
		expect(trace['dE_batch/dw1'] as number).toBeCloseTo((summed['dE_batch/dw1'] as number) / 4, 15);
		const [p1] = train(4, true, 0, 1);
		expect(trace.w1_after_1 as number).toBeCloseTo(p1?.w1 as number, 14);
		expect(trace.b_after_1 as number).toBeCloseTo(p1?.b as number, 14);
	});

	it('makes one update per mini-batch of batchSize examples, in order', () => {
		const { trace } = build({ data: DATA, training: { mode: 'batch', batchSize: 3, average: true, epochs: 2 } });
		const expected = train(3, true, 0, 2);
		expect(expected).toHaveLength(4); // batches of 3 and 1, twice
		expected.forEach((p, i) => {
			expect(trace[`w1_after_${i + 1}`] as number, `update ${i + 1}`).toBeCloseTo(p.w1, 13);
			expect(trace[`w2_after_${i + 1}`] as number).toBeCloseTo(p.w2, 13);
		});
		expect(trace.w1_after_5).toBeUndefined();
		const g = [0, 1, 2].map((i) => gradient({ w1: 0.3, w2: -0.2, b: 0.1 }, DATA[i] as (typeof DATA)[number]).w1);
		expect(trace['dE_batch/dw1'] as number).toBeCloseTo((g[0]! + g[1]! + g[2]!) / 3, 15);
	});

	it('refuses batchSize or average without mode: batch, and counts mini-batch updates for report', () => {
		const bad = checkModel({ ...BASE, data: DATA, training: { batchSize: 2, average: true } });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems.map((p) => p.message)).toEqual([expect.stringContaining('batchSize is for batch training'), expect.stringContaining('average is for batch training')]);
		const past = checkModel({ ...BASE, data: DATA, training: { mode: 'batch', batchSize: 2, epochs: 1, report: [3] } });
		expect(past.ok).toBe(false);
		if (!past.ok) expect(past.problems[0]?.message).toContain('(2 updates each) make 2 updates');
	});
});

describe('L2 weight decay', () => {
	it('adds λ₂·w to each weight’s gradient in the update, never to a bias', () => {
		const { trace } = build({ weightDecay: 0.5 });
		const g = gradient({ w1: 0.3, w2: -0.2, b: 0.1 }, DATA[0] as (typeof DATA)[number]);
		expect(trace['dE/dw1'] as number).toBeCloseTo(g.w1, 15);
		expect(trace.w1_new as number).toBeCloseTo(0.3 - 0.1 * (g.w1 + 0.5 * 0.3), 15);
		expect(trace.w2_new as number).toBeCloseTo(-0.2 - 0.1 * (g.w2 + 0.5 * -0.2), 15);
		expect(trace.b_new as number).toBeCloseTo(0.1 - 0.1 * g.b, 15);
	});

	it('is the gradient step of E + λ₂/2·Σw²: finite differences of that cost agree', () => {
		const { trace } = build({ weightDecay: 0.5 });
		const cost = (w1: number) => 0.5 * (1 - (w1 * 1 + -0.2 * 2 + 0.1)) ** 2 + 0.25 * (w1 ** 2 + 0.04);
		const h = 1e-6;
		const slope = (cost(0.3 + h) - cost(0.3 - h)) / (2 * h);
		expect(trace.w1_new as number).toBeCloseTo(0.3 - 0.1 * slope, 9);
	});

	it('reaches training and momentum, and the update step writes the decay', () => {
		const { trace } = build({ weightDecay: 0.2, data: DATA, training: { mode: 'batch', batchSize: 2, epochs: 1 } });
		const expected = train(2, false, 0.2, 1);
		expect(trace.w1_after_2 as number).toBeCloseTo(expected[1]?.w1 as number, 14);
		expect(trace.b_after_2 as number).toBeCloseTo(expected[1]?.b as number, 14);
		const m = build({ weightDecay: 0.2, momentum: 0.9 });
		const g = gradient({ w1: 0.3, w2: -0.2, b: 0.1 }, DATA[0] as (typeof DATA)[number]).w1;
		expect(m.trace.v_w1 as number).toBeCloseTo(-(1 - 0.9) * (g + 0.2 * 0.3), 15);
		const step = m.steps.step('v_w1');
		expect(step?.compute(m.steps.value)).toBeCloseTo(m.trace.v_w1 as number, 15);
		const update = build({ weightDecay: 0.2 }).steps;
		const w1 = update.step('w1_new');
		expect(w1?.symbolic).toContain('\\lambda_2');
		expect(w1?.compute(update.value)).toBeCloseTo(update.value('w1_new'), 15);
		expect(update.step('b_new')?.symbolic).not.toContain('\\lambda_2');
	});

	it('needs a learning rate', () => {
		const bad = checkModel({ ...BASE, learningRate: undefined, weightDecay: 0.1 });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0]?.message).toContain('weight decay is part of the update');
	});
});
