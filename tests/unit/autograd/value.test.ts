import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Value, add, gradCheck, max, topologicalOrder } from '$lib/autograd';

describe('Value', () => {
	it('records its operation, its inputs in order and the local derivative of each', () => {
		const a = new Value(3).label('a');
		const b = new Value(-2).label('b');
		const q = a.div(b);
		expect(q.op).toBe('div');
		expect(q.inputs).toEqual([a, b]);
		expect(q.data).toBe(-1.5);
		// ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
		expect(q.local).toEqual([-0.5, -0.75]);
	});

	it('keeps subtraction as one node rather than an addition of a negation', () => {
		const d = new Value(5).sub(new Value(2));
		expect(d.op).toBe('sub');
		expect(topologicalOrder(d)).toHaveLength(3);
	});

	it('computes f = (x + y) · z and its gradients as on the lecture slide', () => {
		const x = new Value(-2), y = new Value(5), z = new Value(-4);
		const q = x.add(y);
		const f = q.mul(z);
		f.backward();
		expect(f.data).toBe(-12);
		expect([x.grad, y.grad, z.grad, q.grad]).toEqual([-4, -4, 3, -4]);
	});

	it('sums the gradients of a value that fans out', () => {
		const x = new Value(3);
		const f = x.mul(x).add(x); // x² + x
		f.backward();
		expect(x.grad).toBe(2 * 3 + 1);
	});

	it('gives the same gradients when backward runs twice', () => {
		const x = new Value(0.7);
		const f = x.sigmoid().mul(x);
		f.backward();
		const first = x.grad;
		f.backward();
		expect(x.grad).toBe(first);
	});

	it('runs backward through a 100,000-node chain without overflowing the stack', () => {
		const x = new Value(1);
		let v = x;
		for (let i = 0; i < 100_000; i++) v = v.mul(1.00001);
		v.backward();
		expect(x.grad).toBeCloseTo(1.00001 ** 100_000, 6);
	});

	it('visits a graph in a deterministic order, inputs first in the order given', () => {
		const a = new Value(1).label('a'), b = new Value(2).label('b');
		const s = add(a, b).label('s');
		const names = topologicalOrder(s.mul(a).label('f')).map((v) => v.name);
		expect(names).toEqual(['a', 'b', 's', 'f']);
	});

	it('routes a max gate gradient to the larger input only (the first on a tie)', () => {
		const a = new Value(2), b = new Value(5), c = new Value(5);
		max(a, b, c).backward();
		expect([a.grad, b.grad, c.grad]).toEqual([0, 1, 0]);
	});

	it('applies a step with threshold and a chosen value at the threshold', () => {
		expect(new Value(1.2).step({ threshold: 1.2, atThreshold: 1 }).data).toBe(1);
		expect(new Value(1.2).step({ threshold: 1.2, atThreshold: 0 }).data).toBe(0);
		expect(new Value(1.19).step({ threshold: 1.2 }).data).toBe(0);
		expect(new Value(0.3).step({ threshold: 1.2 }).local).toEqual([0]);
	});

	it('computes a sigmoid with threshold and temperature, with σ′ = σ(1 − σ)/T', () => {
		const s = new Value(1).sigmoid({ threshold: 0.5, temperature: 2 });
		const expected = 1 / (1 + Math.exp(-(1 - 0.5) / 2));
		expect(s.data).toBeCloseTo(expected, 15);
		expect(s.local[0]).toBeCloseTo((expected * (1 - expected)) / 2, 15);
	});

	it('keeps the logistic finite for very large inputs', () => {
		expect(new Value(-1000).sigmoid().data).toBe(0);
		expect(new Value(1000).sigmoid().data).toBe(1);
	});

	it('rejects an operation given the wrong number of inputs', () => {
		expect(() => new Value(0, 'sub', [new Value(1)])).toThrow(/sub takes 2/);
	});
});

describe('gradient check', () => {
	type Node = (leaves: Value[]) => Value;
	// Smooth operations on values kept in a safe range, so finite differences are meaningful.
	const leafIndex = fc.integer({ min: 0, max: 3 });
	const { expr } = fc.letrec<{ expr: Node }>((tie) => ({
		expr: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			leafIndex.map((i) => (ls: Value[]) => ls[i] as Value),
			fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => (ls: Value[]) => a(ls).add(b(ls))),
			fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => (ls: Value[]) => a(ls).sub(b(ls))),
			fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => (ls: Value[]) => a(ls).mul(b(ls))),
			fc.tuple(tie('expr'), tie('expr')).map(
				([a, b]) => (ls: Value[]) => a(ls).div(b(ls).tanh().pow(2).add(1))
			),
			tie('expr').map((a) => (ls: Value[]) => a(ls).tanh()),
			tie('expr').map((a) => (ls: Value[]) => a(ls).sigmoid({ threshold: 0.3, temperature: 1.5 })),
			tie('expr').map((a) => (ls: Value[]) => a(ls).sigmoid().log()),
			tie('expr').map((a) => (ls: Value[]) => a(ls).tanh().exp()),
			tie('expr').map((a) => (ls: Value[]) => a(ls).neg().identity()),
			tie('expr').map((a) => (ls: Value[]) => a(ls).tanh().pow(3))
		)
	}));

	it('agrees with central finite differences on generated graphs', () => {
		fc.assert(
			fc.property(
				expr,
				fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 4, maxLength: 4 }),
				(build, xs) => {
					const leaves = xs.map((x) => new Value(x));
					const root = build(leaves);
					for (const row of gradCheck(root, leaves)) expect(row.error).toBeLessThan(1e-5);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reports a large error when a local derivative is wrong', () => {
		const x = new Value(0.4);
		const y = x.tanh();
		expect(gradCheck(y, [x])[0]?.error).toBeLessThan(1e-8);
		y.local = [1]; // sabotage: tanh′(0.4) is not 1; backward uses it, finite differences do not
		expect(gradCheck(y, [x])[0]?.error).toBeGreaterThan(0.1);
	});

	it('restores the graph data afterwards', () => {
		const x = new Value(0.25);
		const f = x.exp().mul(x);
		const before = f.data;
		gradCheck(f);
		expect(x.data).toBe(0.25);
		expect(f.data).toBe(before);
	});
});
