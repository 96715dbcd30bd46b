import { describe, expect, it } from 'vitest';
import { OPS, Value } from '$lib/autograd';
import { stepsFor } from '$lib/derivation';
import { checkModel, traceModel, type Trace } from '$lib/nn';

function build(data: unknown) {
	const result = checkModel(data);
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
	const model = result.build();
	return { model, trace: traceModel(model) };
}

/** A 1-1-1 net: h = leaky(w1·x), o = identity(w2·h), half-squared error against t. */
const net = (x: number, slope?: number) => ({
	inputs: { x },
	layers: [
		{ activation: slope === undefined ? 'leaky-relu' : { type: 'leaky-relu', slope }, neurons: { h: { inputs: { x: 'w1' } } } },
		{ activation: 'identity', neurons: { o: { inputs: { h: 'w2' } } } }
	],
	parameters: { w1: 0.8, w2: -0.5 },
	targets: { o: 1 }
});

/** The same loss in plain float64, for finite differences. */
const loss = (x: number, w1: number, w2: number, slope: number) => {
	const n = w1 * x;
	const h = n > 0 ? n : slope * n;
	return 0.5 * (1 - w2 * h) ** 2;
};

describe('leaky ReLU', () => {
	it('the op is x above 0 and slope·x at or below it, with the matching slope', () => {
		expect(OPS.leaky_relu.evaluate([2], { slope: 0.1 })).toEqual({ data: 2, local: [1] });
		expect(OPS.leaky_relu.evaluate([-2], { slope: 0.1 })).toEqual({ data: -0.2, local: [0.1] });
		expect(OPS.leaky_relu.evaluate([0], { slope: 0.1 })).toEqual({ data: 0, local: [0.1] });
		const v = new Value(-3);
		const y = v.leakyRelu({ slope: 0.2 });
		y.backward();
		expect(y.data).toBeCloseTo(-0.6, 15);
		expect(v.grad).toBe(0.2);
		expect(new Value(-1).leakyRelu().data).toBe(-0.01);
	});

	it('a negative net keeps a gradient: slope × upstream, as finite differences say', () => {
		const slope = 0.1;
		const x = -1.5;
		const { trace } = build(net(x, slope));
		expect(trace.out_h).toBeCloseTo(slope * 0.8 * x, 15);
		expect(trace['dout_h/dnet_h']).toBe(slope);
		const eps = 1e-6;
		const fd = (loss(x, 0.8 + eps, -0.5, slope) - loss(x, 0.8 - eps, -0.5, slope)) / (2 * eps);
		expect(trace['dE/dw1'] as number).toBeCloseTo(fd, 8);
		expect(trace['dE/dw1']).not.toBe(0);
	});

	it('defaults to slope 0.01 and refuses a slope outside (0, 1)', () => {
		expect(build(net(-2)).trace['dout_h/dnet_h']).toBe(0.01);
		const bad = checkModel({ ...net(1), layers: [{ activation: { type: 'leaky-relu', slope: 1.5 }, neurons: { h: { inputs: { x: 'w1' } } } }, net(1).layers[1]] });
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems[0]?.message).toContain('must be above 0 and below 1');
	});

	it('has steps: out and dout/dnet with the slope written in, and a derivation of dE/dw1', () => {
		const { model, trace } = build(net(-1.5, 0.1));
		const steps = stepsFor(model, trace as Trace);
		const out = steps.step('out_h');
		const slope = steps.step('dout_h/dnet_h');
		expect(out?.symbolic).toContain('0.1');
		expect(out?.value).toBeCloseTo(-0.12, 15);
		expect(slope?.value).toBe(0.1);
		expect(slope?.substituted).toContain('0.1');
		const d = steps.derivation('dE/dw1');
		expect(d.at(-1)?.quantity).toBe('dE/dw1');
		for (const s of d) expect(s.compute(steps.value)).toBeCloseTo(s.value, 12);
	});
});
