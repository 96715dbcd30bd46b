import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPS, Value, type Op } from '$lib/autograd';
import { compileGraph } from '$lib/tape';

/**
 * Every engine op, compiled alone on the tape, gives the engine's value and gradients exactly:
 * a change to ops.ts that the tape does not follow fails here.
 */
type Case = { op: Op; arity: number; params?: Record<string, number>; domain?: (x: number[]) => boolean };
const CASES: Case[] = [
	{ op: 'add', arity: 3 },
	{ op: 'sub', arity: 2 },
	{ op: 'mul', arity: 2 },
	{ op: 'div', arity: 2, domain: ([, b]) => b !== 0 },
	{ op: 'neg', arity: 1 },
	{ op: 'pow', arity: 1, params: { exponent: 2 } },
	{ op: 'pow', arity: 1, params: { exponent: 3 } },
	{ op: 'pow', arity: 1, params: { exponent: 0 } },
	{ op: 'pow', arity: 1, params: { exponent: 0.5 }, domain: ([a]) => (a as number) > 0 },
	{ op: 'pow', arity: 1, params: { exponent: -1 }, domain: ([a]) => a !== 0 },
	{ op: 'exp', arity: 1 },
	{ op: 'log', arity: 1, domain: ([a]) => (a as number) > 0 },
	{ op: 'max', arity: 3 },
	{ op: 'sigmoid', arity: 1, params: { threshold: 0, temperature: 1 } },
	{ op: 'sigmoid', arity: 1, params: { threshold: 0.7, temperature: 0.3 } },
	{ op: 'tanh', arity: 1 },
	{ op: 'relu', arity: 1 },
	{ op: 'leaky_relu' as Op, arity: 1, params: { slope: 0.01 } },
	{ op: 'leaky_relu' as Op, arity: 1, params: { slope: 0.3 } },
	{ op: 'step', arity: 1, params: { threshold: 0, atThreshold: 1 } },
	{ op: 'step', arity: 1, params: { threshold: 0.5, atThreshold: 0 } },
	{ op: 'identity', arity: 1 }
];

/** Values with ties, zeros and the thresholds above, where the ops' branches meet. */
const number = fc.oneof(fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom(0, -0, 0.5, 0.7, 1, -1, 2));

/** The op applied to leaves, then ×c so that the root's gradient is not 1 (as inside a network). */
function engineAndTape(c: Case, xs: number[], run: 'generate' | 'interpret') {
	const leaves = xs.map((x, k) => new Value(x).label(`x${k}`));
	const node = new Value(0, c.op, leaves, (c.params ?? {}) as never);
	const root = node.mul(new Value(1.7));
	root.backward();
	const tape = compileGraph({ root, inputs: [], outputs: [], parameters: leaves.map((v, k) => [`x${k}`, v]) }, { run });
	expect(tape.runs).toBe(run === 'generate' ? 'generated' : 'interpreted');
	tape.zeroGrads();
	const E = tape.forward();
	tape.backward();
	return { engine: { E: root.data, grads: leaves.map((v) => v.grad) }, tape: { E, grads: [...tape.grads] } };
}

describe('every engine op on the tape', () => {
	it('covers every op of autograd/ops.ts', () => {
		const tested = new Set(CASES.map((c) => c.op));
		expect(Object.keys(OPS).filter((op) => op !== 'leaf' && !tested.has(op as Op))).toEqual([]);
	});

	for (const c of CASES) {
		it(`${c.op}${c.params ? ` ${JSON.stringify(c.params)}` : ''}: value and gradients equal the engine's, bit for bit (generated and interpreted)`, () => {
			fc.assert(
				fc.property(fc.array(number, { minLength: c.arity, maxLength: c.arity }), (xs) => {
					fc.pre(!c.domain || c.domain(xs));
					for (const run of ['generate', 'interpret'] as const) {
						const { engine, tape } = engineAndTape(c, xs, run);
						expect(tape.E).toBe(engine.E);
						expect(tape.grads).toEqual(engine.grads);
					}
				}),
				{ numRuns: 300 }
			);
		}, 60_000);
	}

	it('an op the tape cannot compile is an error naming it', () => {
		const x = new Value(1);
		const odd = new Value(0, 'identity', [x]);
		Object.defineProperty(odd, 'op', { value: 'cube' });
		expect(() => compileGraph({ root: odd, inputs: [], outputs: [], parameters: [['x', x]] })).toThrow(/cannot compile the engine op “cube”/);
	});
});
