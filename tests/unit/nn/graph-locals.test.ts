import { describe, expect, it } from 'vitest';
import { stepsFor } from '$lib/derivation';
import { checkModel, traceModel } from '$lib/nn';
import { formatQuantity, parseQuantity } from '$lib/nn/quantity';

/** cs231n's staged computation: f = (x + σ(y)) / (σ(x) + (x + y)²). */
const STAGED = {
	values: { x: 3, y: -4 },
	define: {
		sigy: '1 / (1 + exp(-y))',
		num: 'x + sigy',
		sigx: '1 / (1 + exp(-x))',
		xpy: 'x + y',
		xpysqr: 'xpy^2',
		den: 'sigx + xpysqr',
		invden: '1 / den',
		f: 'num * invden'
	},
	output: 'f'
};

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const f = (x: number, y: number) => (x + sig(y)) / (sig(x) + (x + y) ** 2);
const central = (g: (h: number) => number, h = 1e-6) => (g(h) - g(-h)) / (2 * h);

function build(spec: unknown) {
	const result = checkModel(spec);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
	const model = result.build();
	const trace = traceModel(model);
	return { trace, steps: stepsFor(model, trace) };
}

describe('a graph’s local derivatives and per-path terms as quantities', () => {
	it('has every local derivative dC/dN, by hand in float64', () => {
		const { trace } = build(STAGED);
		const den = sig(3) + (3 - 4) ** 2;
		expect(trace['dinvden/dden'] as number).toBeCloseTo(-1 / den ** 2, 14);
		expect(trace['dxpysqr/dxpy'] as number).toBeCloseTo(2 * (3 - 4), 14);
		expect(trace['df/dnum'] as number).toBeCloseTo(1 / den, 14);
		expect(trace['dnum/dx']).toBe(1);
		expect(trace['dsigx/dx'] as number).toBeCloseTo(sig(3) * (1 - sig(3)), 14);
		expect(trace['dden/dsigx']).toBe(1);
	});

	it('has one term per path into a name read several times, adding up to the whole gradient', () => {
		const { trace } = build(STAGED);
		const paths = ['df/dnum*dnum/dx', 'df/dsigx*dsigx/dx', 'df/dxpy*dxpy/dx'];
		for (const p of paths) expect(trace[p], p).toBeTypeOf('number');
		const sum = paths.reduce((s, p) => s + (trace[p] as number), 0);
		expect(sum).toBeCloseTo(trace['df/dx'] as number, 14);
		expect(trace['df/dx'] as number).toBeCloseTo(central((h) => f(3 + h, -4)), 8);
		// x reaches num on one path: its term is ∂f/∂num · ∂num/∂x = ∂f/∂num.
		expect(trace['df/dnum*dnum/dx']).toBeCloseTo(trace['df/dnum'] as number, 15);
		// y feeds sigy and xpy: two paths; a name read once has no path terms.
		expect(trace['df/dsigy*dsigy/dy']).toBeTypeOf('number');
		expect(Object.keys(trace).filter((k) => k.includes('*d') && k.endsWith('/dden'))).toEqual([]);
	});

	it('names the output’s own local “(local)” only where it differs from the whole gradient', () => {
		const { trace } = build({ values: { x: 2, y: 3 }, define: { p: 'x * y', g: 'p + x' }, output: 'g' });
		expect(trace['dg/dx (local)']).toBe(1);
		expect(trace['dg/dx']).toBe(1 + 3);
		expect(trace['dg/dp*dp/dx']).toBe(3);
		expect(trace['dg/dp']).toBe(1);
	});

	it('a local derivative of a name read twice in one definition adds both uses', () => {
		const { trace } = build({ values: { a: 1.5 }, define: { s: 'a * a + a', o: 's * 2' }, output: 'o' });
		expect(trace['ds/da']).toBeCloseTo(2 * 1.5 + 1, 15);
		expect(trace['do/ds']).toBe(2);
	});

	it('each has a step: locals by their gate rule, a path term as upstream × local', () => {
		const { trace, steps } = build(STAGED);
		const local = steps.step('dinvden/dden');
		expect(local?.kind).toBe('graph-local');
		expect(local?.compute(steps.value)).toBeCloseTo(trace['dinvden/dden'] as number, 14);
		const path = steps.step('df/dxpy*dxpy/dx');
		expect(path).toMatchObject({ kind: 'graph-gradient', needs: ['df/dxpy', 'dxpy/dx'] });
		expect(path?.label).toContain('\\cdot');
		expect(path?.compute(steps.value)).toBeCloseTo(trace['df/dxpy*dxpy/dx'] as number, 14);
		const derivation = steps.derivation('df/dxpy*dxpy/dx');
		expect(derivation.at(-1)?.quantity).toBe('df/dxpy*dxpy/dx');
		for (const s of derivation) expect(s.compute(steps.value)).toBeCloseTo(s.value, 12);
	});

	it('parses and formats path names in quantity.ts, and a plain partial is not a path', () => {
		expect(parseQuantity('df/dq*dq/dx')).toEqual({ kind: 'path', of: 'f', through: 'q', wrt: 'x' });
		expect(formatQuantity({ kind: 'path', of: 'f', through: 'q', wrt: 'x' })).toBe('df/dq*dq/dx');
		expect(parseQuantity('df/dq*dr/dx').kind).toBe('partial');
		expect(parseQuantity('dinvden/dden')).toEqual({ kind: 'partial', of: 'invden', wrt: 'den' });
	});
});
