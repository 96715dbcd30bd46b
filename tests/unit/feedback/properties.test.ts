import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber } from '$lib/answers';
import { assess } from '$lib/feedback';
import { asked, deck002 as steps } from './models';

const names = [...asked, 'dE/db1', 'b1_new', 'E_total_after_update', 'w5', 'i1', 'target_o1', 'dE/dw99', 'nonsense', ''];
const quantity = fc.constantFrom(...names);
const number = fc.oneof(
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.double({ min: -2, max: 2, noNaN: true }),
	fc.constantFrom(0, -0, 1, 0.75, 1e-300, NaN, Infinity)
);
// What learners type: numbers at any precision, near-misses of the real values, and junk.
const text = fc.oneof(
	number.map((x) => String(x)),
	fc.tuple(fc.constantFrom(...asked), fc.integer({ min: 1, max: 8 })).map(([q, sig]) => formatNumber(steps.value(q), sig)),
	fc.tuple(fc.constantFrom(...asked), fc.double({ min: -3, max: 3, noNaN: true })).map(([q, k]) => String(k * steps.value(q))),
	fc.string()
);
const earlier = fc.dictionary(quantity, number, { maxKeys: 6 });

describe('properties', () => {
	test('no reason or explanation ever says NaN or undefined, and assess never throws', () => {
		fc.assert(
			fc.property(quantity, text, earlier, fc.integer({ min: 0, max: 8 }), (q, t, e, minSignificant) => {
				const a = assess({ steps, quantity: q, text: t, earlier: e, minSignificant });
				expect(['correct', 'close', 'incorrect', 'unreadable']).toContain(a.verdict);
				expect(a.reason).not.toMatch(/NaN|undefined/);
				for (const m of a.mistakes ?? []) expect(m.explanation).not.toMatch(/NaN|undefined/);
			}),
			{ numRuns: 1500 }
		);
	}, 60_000); // many runs on a shared machine: a generous limit, not a timing assertion
});
