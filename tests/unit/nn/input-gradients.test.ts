import { describe, expect, it } from 'vitest';
import { stepsFor } from '$lib/derivation';
import { checkModel, traceModel } from '$lib/nn';
import { canonicalQuantity } from '$lib/nn/quantity';

/** A 2-2-1 tanh/sigmoid net with a skip connection x1 → o, and binary cross-entropy. */
const SPEC = {
	inputs: { x1: 0.6, x2: -0.4 },
	layers: [
		{ activation: 'tanh', neurons: { h1: { inputs: { x1: 'w1', x2: 'w2' }, bias: 'b1' }, h2: { inputs: { x1: 'w3', x2: 'w4' } } } },
		{ activation: 'sigmoid', neurons: { o: { inputs: { h1: 'w5', h2: 'w6', x1: 'w7' } } } }
	],
	parameters: { w1: 0.3, w2: -0.2, w3: 0.5, w4: 0.7, w5: 0.9, w6: -0.4, w7: 0.25, b1: 0.1 },
	targets: { o: 1 },
	loss: 'binary-cross-entropy'
};

/** The same error in plain float64, for finite differences in the inputs. */
function error(x1: number, x2: number): number {
	const p = SPEC.parameters;
	const h1 = Math.tanh(p.w1 * x1 + p.w2 * x2 + p.b1);
	const h2 = Math.tanh(p.w3 * x1 + p.w4 * x2);
	const o = 1 / (1 + Math.exp(-(p.w5 * h1 + p.w6 * h2 + p.w7 * x1)));
	return -Math.log(o);
}

function build() {
	const result = checkModel(SPEC);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	const model = result.build();
	const trace = traceModel(model);
	return { trace, steps: stepsFor(model, trace) };
}

const central = (f: (h: number) => number, h = 1e-6) => (f(h) - f(-h)) / (2 * h);

describe('gradients with respect to inputs', () => {
	it('dE/dx for each input agrees with finite differences, skip connection included', () => {
		const { trace } = build();
		expect(trace['dE/dx1'] as number).toBeCloseTo(central((h) => error(0.6 + h, -0.4)), 8);
		expect(trace['dE/dx2'] as number).toBeCloseTo(central((h) => error(0.6, -0.4 + h)), 8);
		expect(trace['dnet_h1/dx2']).toBe(-0.2);
		expect(trace['dnet_o/dx1']).toBe(0.25);
	});

	it('derives dE/dx1 as Σ δ · weight over the neurons that read x1, each step consistent', () => {
		const { trace, steps } = build();
		const step = steps.step('dE/dx1');
		expect(step?.kind).toBe('input-gradient');
		expect(step?.needs).toEqual(['delta_h1', 'dnet_h1/dx1', 'delta_h2', 'dnet_h2/dx1', 'delta_o', 'dnet_o/dx1']);
		expect(step?.compute(steps.value)).toBeCloseTo(trace['dE/dx1'] as number, 14);
		expect(steps.step('dnet_h1/dx1')).toMatchObject({ given: true, value: 0.3 });
		const derivation = steps.derivation('dE/dx1');
		expect(derivation.at(-1)?.quantity).toBe('dE/dx1');
		expect(derivation.map((s) => s.quantity)).toContain('delta_h2');
		for (const s of derivation) expect(s.compute(steps.value)).toBeCloseTo(s.value, 12);
	});

	it('dE/dnet_X is δ_X: the same value, and the same step under its own name', () => {
		const { trace, steps } = build();
		expect(trace['dE/dnet_o']).toBe(trace.delta_o);
		// By hand: BCE with a sigmoid output gives δ = out − t.
		expect(trace.delta_o as number).toBeCloseTo((trace.out_o as number) - 1, 14);
		const step = steps.step('dE/dnet_h1');
		expect(step).toMatchObject({ quantity: 'dE/dnet_h1', kind: 'delta', value: trace.delta_h1 });
		expect(step?.label).toContain('\\partial');
		expect(canonicalQuantity('dE/dnet_h1')).toBe('delta_h1');
		expect(canonicalQuantity('dE/dout_h1')).toBe('dE/dout_h1');
		expect(canonicalQuantity('delta_h1')).toBe('delta_h1');
	});
});
