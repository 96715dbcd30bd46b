import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber, judge, readAnswer } from '$lib/answers';

// Strings built from what answers are made of, so the parser is reached, not just the checks.
const piece = fc.constantFrom(
	...'0123456789.,+-−*/^()eE x·×⁻³²½√ '.split(''),
	'exp(', 'ln(', 'log(', 'sqrt(', 'e^', 'e^-', '1e-3', '10^', '**', 'pi', '%', '='
);
const answerLike = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), answerLike);
const anyExpected = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0));

describe('properties', () => {
	test('readAnswer never throws and never returns ok with a non-finite value', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const r = readAnswer(text);
				if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
				else expect(r.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 3000 }
		);
	});

	test('judge never throws and never says NaN', () => {
		fc.assert(
			fc.property(anyText, anyExpected, fc.integer({ min: -5, max: 30 }), (text, expected, minSignificant) => {
				const j = judge(readAnswer(text), expected, { minSignificant });
				expect(j.reason).not.toMatch(/NaN|undefined/);
				expect(['correct', 'close', 'incorrect', 'unreadable']).toContain(j.verdict);
			}),
			{ numRuns: 3000 }
		);
	});

	test('a value rounded to three or more significant digits is judged correct', () => {
		// |x| ≤ 1e300: rounding 1.79e308 up to 3 digits would overflow to Infinity.
		const x = fc.double({ min: -1e300, max: 1e300, noNaN: true });
		fc.assert(
			fc.property(x, fc.integer({ min: 3, max: 17 }), (value, digits) => {
				const typed = value.toPrecision(digits);
				expect(judge(readAnswer(typed), value), typed).toEqual({ verdict: 'correct', reason: 'Correct.' });
			}),
			{ numRuns: 3000 }
		);
	});

	test('a value rounded and written with a decimal comma is judged correct', () => {
		const x = fc.double({ min: -1e6, max: 1e6, noNaN: true });
		fc.assert(
			fc.property(x, fc.integer({ min: 3, max: 12 }), (value, digits) => {
				const typed = value.toPrecision(digits).replace('.', ',').replace('-', '−');
				expect(judge(readAnswer(typed), value).verdict, typed).toBe('correct');
			}),
			{ numRuns: 1000 }
		);
	});

	test('formatNumber never prints NaN', () => {
		fc.assert(
			fc.property(fc.double(), fc.double(), (x, sig) => {
				expect(formatNumber(x, sig)).not.toMatch(/NaN|undefined/);
			})
		);
	});

	test('a close or incorrect reason never gives the expected value away', () => {
		// Expected values of every size and sign; typed values short (0, 1, 0.6, −0.59), near
		// (rounded to 1–2 digits, so `close`), or long and slightly off (the relTolerance `close`).
		const size = fc.integer({ min: -7, max: 6 });
		const expectedValue = fc
			.tuple(fc.double({ min: 1, max: 10, noNaN: true }), size, fc.boolean())
			.map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e);
		const shortTyped = (expected: number) =>
			fc.oneof(
				fc.integer({ min: -9, max: 9 }).map(String),
				fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => (n / 10 ** k).toFixed(k)),
				fc.integer({ min: 1, max: 2 }).map((d) => expected.toPrecision(d)),
				fc.integer({ min: 1, max: 2 }).map((d) => (-expected).toPrecision(d)),
				fc.tuple(fc.double({ min: -5e-4, max: 5e-4, noNaN: true }), fc.integer({ min: 5, max: 8 })).map(([r, d]) =>
					(expected * (1 + r)).toPrecision(d)
				),
				fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 3, max: 6 })).map(([n, d]) => {
					const unit = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - d + 1);
					return (Number(expected.toPrecision(d)) + n * unit).toPrecision(d);
				})
			);
		const cases = expectedValue.chain((expected) =>
			fc.tuple(fc.constant(expected), shortTyped(expected), fc.integer({ min: 1, max: 5 }), fc.boolean())
		);
		fc.assert(
			fc.property(cases, ([expected, typed, minSignificant, acceptTruncation]) => {
				const j = judge(readAnswer(typed), expected, { minSignificant, acceptTruncation });
				if (j.verdict !== 'close' && j.verdict !== 'incorrect') return;
				// "give at least 3 significant digits" names a count, not a value.
				const reason = j.reason.replace(/at least \d+ significant digits?/g, '');
				for (let sig = 2; sig <= 6; sig++) {
					for (const shown of [formatNumber(expected, sig), formatNumber(expected, sig, true), formatNumber(Math.abs(expected), sig)]) {
						if (typed.replace('−', '-').includes(shown)) continue;
						expect(reason, `${typed} for ${expected}: ${j.verdict}`).not.toContain(shown);
					}
				}
			}),
			{ numRuns: 5000 }
		);
	}, 60_000); // many runs on a shared machine: a generous limit, not a timing assertion
});
