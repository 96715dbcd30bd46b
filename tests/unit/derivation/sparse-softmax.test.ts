import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkDerivation, networkStep, stepsFor, type Context, type Step } from '$lib/derivation';
import { checkModel, modelsInFile, traceModel, type NetworkModel } from '$lib/nn';
import { SPARSE } from '../nn/sparse-data';

function contextOf(data: unknown): Context {
	const result = checkModel(data);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
	const model = result.build() as NetworkModel;
	return { model, trace: traceModel(model), labels: {} };
}

/** Every step of the trace recomputes the trace's value from the engine's other values. */
function mismatches(c: Context): string[] {
	const { value } = stepsFor(c.model, c.trace);
	return Object.keys(c.trace).flatMap((q) => {
		const step = networkStep(c, q);
		if (!step) return [];
		const got = step.compute(value);
		const want = c.trace[q] as number;
		return Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(want), 1e-300) || Math.abs(got - want) < 1e-15 ? [] : [`${q}: ${got} ≠ ${want}`];
	});
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('steps of a sparse network', () => {
	const c = contextOf(SPARSE);
	const h1 = sig(0.15 * 0.05 + 0.2 * 0.1 + 0.35);
	const o1 = sig(0.4 * h1 + 0.6);

	it('explains dE/dout_h1 by its one path, with the hand value', () => {
		const step = networkStep(c, 'dE/dout_h1') as Step;
		expect(step.needs).toEqual(['dE_o1/dout_h1']);
		expect(step.compute(stepsFor(c.model, c.trace).value)).toBeCloseTo((o1 - 0.01) * o1 * (1 - o1) * 0.4, 14);
	});

	it('has no step (and does not throw) for a quantity it cannot explain', () => {
		for (const q of ['dE_o2/dout_h1', 'dE_o1/dout_h2', 'dnet_o1/dout_h2', 'dE/dout_nobody', 'delta_nobody', 'dout_h1/dnet_h2', 'dE/dnobody', 'net_x']) {
			expect(networkStep(c, q)).toBeUndefined();
		}
		expect(networkDerivation(c, 'w1_new').map((s) => s.quantity)).toContain('dE_o1/dout_h1');
	});

	it('computes every traced quantity it has a step for', () => {
		expect(mismatches(c)).toEqual([]);
	});
});

describe('steps of a softmax output layer', () => {
	const file = 'content/networks/softmax-cross-entropy.yaml';
	const model = modelsInFile(readFileSync(file, 'utf8'), file).get('network')?.build() as NetworkModel;
	const c: Context = { model, trace: traceModel(model), labels: {} };

	it('writes dE/dP of a softmax neuron as δ times ∂net/∂P, not with the diagonal dout/dnet', () => {
		const step = networkStep(c, 'dE/dw1') as Step;
		expect(step.needs).toEqual(['delta_o1', 'dnet_o1/dw1']);
		expect(step.value).not.toBe(0);
	});

	it('writes dE_o/dout_h through every softmax output, and dE/dout_h as Σ δ·w', () => {
		const path = networkStep(c, 'dE_o2/dout_h1') as Step;
		expect(path.needs).toEqual(['dE/dout_o2', 'dout_o2/dnet_o1', 'dnet_o1/dout_h1', 'dout_o2/dnet_o2', 'dnet_o2/dout_h1', 'dout_o2/dnet_o3', 'dnet_o3/dout_h1']);
		expect(networkStep(c, 'dE/dout_h1')?.needs).toEqual(['delta_o1', 'delta_o2', 'delta_o3']);
	});

	it('marks activation steps with their activation', () => {
		expect(networkStep(c, 'out_o1')?.activation).toBe('softmax');
		expect(networkStep(c, 'dout_o1/dnet_o2')?.activation).toBe('softmax');
		expect(networkStep(c, 'delta_o1')?.activation).toBe('softmax');
		expect(networkStep(c, 'dout_h1/dnet_h1')?.activation).toBe('sigmoid');
		expect(networkStep(c, 'delta_h1')?.activation).toBe('sigmoid');
		expect(networkStep(c, 'net_h1')?.activation).toBeUndefined();
	});

	it('computes every traced quantity, with cross-entropy and with squared error', () => {
		expect(mismatches(c)).toEqual([]);
		const { kind: _, ...spec } = { ...c.model.spec, kind: 'network' };
		expect(mismatches(contextOf({ ...spec, loss: 'squared-error', targets: { o1: 0.2, o2: 0.5, o3: 0.9 } }))).toEqual([]);
	});
});

describe('a deeper sparse network', () => {
	it('computes ∂E_o/∂out_h through hidden neurons, only where there is a path', () => {
		const c = contextOf({
			inputs: { x: 0.7 },
			layers: [
				{ activation: 'tanh', neurons: { a: { inputs: { x: 'w1' } }, b: { inputs: { x: 'w2' } } } },
				{ activation: 'sigmoid', neurons: { c: { inputs: { a: 'w3', b: 'w4' } }, d: { inputs: { b: 'w5' } } } },
				{ activation: 'sigmoid', neurons: { o1: { inputs: { c: 'w6', a: 'w7' } }, o2: { inputs: { d: 'w8' } } } }
			],
			parameters: { w1: 0.5, w2: -0.3, w3: 0.8, w4: 0.2, w5: -0.6, w6: 1.1, w7: 0.4, w8: 0.9 },
			targets: { o1: 0.2, o2: 0.7 },
			learningRate: 0.5
		});
		expect(c.trace['dE_o2/dout_a']).toBeUndefined();
		expect(networkStep(c, 'dE_o1/dout_a')?.needs).toEqual(['delta_o1', 'dnet_o1/dout_a', 'dE_o1/dout_c', 'dout_c/dnet_c', 'dnet_c/dout_a']);
		expect(mismatches(c)).toEqual([]);
	});
});
