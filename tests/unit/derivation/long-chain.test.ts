import { describe, expect, it } from 'vitest';
import { postOrder } from '$lib/derivation/order';
import { stepsFor } from '$lib/derivation';
import { checkModel, traceModel } from '$lib/nn';

/**
 * Issue 9: a derivation over an 8,000-long chain overflowed the call stack. Every walk (the
 * graph's definition order, what feeds the output, the steps of a derivation, the engine's
 * topological order) is iterative now. The expected numbers are hand-derived, not read from the
 * code under test. The timeout only stops a hang on a loaded machine; speed is in the benches.
 */
const N = 8000;
const HANG = 300_000;

function load(spec: object) {
	const result = checkModel(spec);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
	const model = result.build();
	const trace = traceModel(model);
	return { trace, steps: stepsFor(model, trace) };
}

describe('a chain 8,000 long', () => {
	it('derives and backpropagates a graph d0 = 1.0001·x, d_i = 1.0001·d_{i−1}', () => {
		const define: Record<string, string> = {};
		for (let i = 0; i < N; i++) define[`d${i}`] = `${i === 0 ? 'x' : `d${i - 1}`} * 1.0001`;
		const { trace, steps } = load({ values: { x: 2 }, define, output: `d${N - 1}` });
		// F = 2·1.0001^8000 and dF/dx = 1.0001^8000 = e^(8000·ln 1.0001) ≈ 2.2253
		expect(trace[`d${N - 1}`]).toBeCloseTo(2 * Math.exp(N * Math.log1p(1e-4)), 9);
		const derivation = steps.derivation(`dd${N - 1}/dx`);
		const last = derivation[derivation.length - 1];
		expect(last?.quantity).toBe(`dd${N - 1}/dx`);
		expect(last?.value).toBeCloseTo(Math.exp(N * Math.log1p(1e-4)), 9);
		// Each step comes after the steps it needs.
		const done = new Set<string>();
		for (const step of derivation) {
			for (const need of step.needs) if (need.includes('/')) expect(done.has(need)).toBe(true);
			done.add(step.quantity);
		}
		// dF/d(d_i) for each of the 7,999 inner links and x, and the 8,000 local gradients 1.0001.
		expect(derivation.filter((s) => s.kind === 'graph-gradient' || s.kind === 'graph-local')).toHaveLength(2 * N - 1);
	}, HANG);

	it('derives dE/dw0 of a network of 8,000 one-neuron linear layers', () => {
		const layers = [];
		const parameters: Record<string, number> = {};
		for (let i = 0; i < N; i++) {
			layers.push({ activation: 'linear', neurons: { [`h${i}`]: { inputs: { [i === 0 ? 'x' : `h${i - 1}`]: `w${i}` } } } });
			parameters[`w${i}`] = i === 0 ? 0.5 : 1;
		}
		const { trace, steps } = load({ inputs: { x: 3 }, layers, parameters, targets: { [`h${N - 1}`]: 1 }, loss: 'half-squared-error', learningRate: 0.1 });
		// out = 0.5·3 = 1.5, E = ½(1.5 − 1)² = 0.125, dE/dw0 = (out − t)·x·Π(w1…w7999) = 0.5·3 = 1.5
		expect(trace.E_total).toBeCloseTo(0.125, 12);
		const derivation = steps.derivation('dE/dw0');
		expect(derivation[derivation.length - 1]?.quantity).toBe('dE/dw0');
		expect(derivation[derivation.length - 1]?.value).toBeCloseTo(1.5, 12);
	}, HANG);
});

describe('postOrder (the iterative walk of a derivation)', () => {
	it('gives the order of the plain recursive walk on a diamond with a shared need', () => {
		const needs: Record<string, string[]> = { f: ['a', 'b'], a: ['c'], b: ['c', 'd'], c: [], d: [] };
		const recursive: string[] = [];
		const seen = new Set<string>();
		const visit = (k: string) => {
			if (seen.has(k)) return;
			seen.add(k);
			for (const n of needs[k] ?? []) visit(n);
			recursive.push(k);
		};
		visit('f');
		expect(postOrder('f', (k) => ({ value: k, needs: needs[k] ?? [] }))).toEqual(recursive);
		expect(recursive).toEqual(['c', 'a', 'd', 'b', 'f']);
	});

	it('leaves out a key that opens to nothing, and its needs', () => {
		const needs: Record<string, string[]> = { f: ['a', 'b'], a: ['c'], b: [], c: [] };
		expect(postOrder('f', (k) => (k === 'a' ? undefined : { value: k, needs: needs[k] ?? [] }))).toEqual(['b', 'f']);
	});

	it('walks 100,000 links deep', () => {
		const order = postOrder(0, (k) => ({ value: k, needs: k < 100_000 ? [k + 1] : [] }));
		expect(order).toHaveLength(100_001);
		expect(order[0]).toBe(100_000);
	});
});
