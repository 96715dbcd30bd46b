import { describe, expect, test } from 'vitest';
import { judge, readAnswer, type JudgeOptions, type Verdict } from '$lib/answers';
import { network } from './expected';

const verdict = (typed: string, expected: number, options?: JudgeOptions): Verdict =>
	judge(readAnswer(typed), expected, options).verdict;
const reason = (typed: string, expected: number, options?: JudgeOptions): string =>
	judge(readAnswer(typed), expected, options).reason;

describe('judge: decimals against out_h1 = 0.593269992…', () => {
	const x = network.outH1;

	test('accepts 0.5933, the value rounded to 4 decimals', () => {
		expect(verdict('0.5933', x)).toBe('correct');
	});
	test('accepts 0,5933 typed with a decimal comma', () => {
		expect(verdict('0,5933', x)).toBe('correct');
	});
	test('accepts 0.5932, the value cut off at 4 decimals', () => {
		expect(verdict('0.5932', x)).toBe('correct');
	});
	test('tells a learner who cut off the value what rounding gives', () => {
		expect(reason('0.5932', x)).toBe('Correct (cut off; rounded it is 0.5933).');
	});
	test('refuses a cut-off value when the lesson turns truncation off', () => {
		expect(verdict('0.5932', x, { acceptTruncation: false })).toBe('incorrect');
	});
	test('marks 0.59 as close when three significant digits are required', () => {
		expect(judge(readAnswer('0.59'), x)).toEqual({
			verdict: 'close',
			reason: 'Right to the digits you gave; give at least 3 significant digits.',
			slip: 'too-few-digits'
		});
	});
	test('does not give the value away when 1 is typed for it', () => {
		const j = judge(readAnswer('1'), 0.5933);
		expect(j.reason).not.toMatch(/0\.59/);
		expect(judge(readAnswer('0.6'), 0.5933).reason).not.toMatch(/0\.59/);
	});
	test('marks 0.6 as close: right, but too coarse', () => {
		expect(verdict('0.6', x)).toBe('close');
	});
	test('accepts 0.59 when the lesson asks for two significant digits', () => {
		expect(verdict('0.59', x, { minSignificant: 2 })).toBe('correct');
	});
	test('marks 0.5934 incorrect, pointing at the last digit without calling it almost', () => {
		expect(judge(readAnswer('0.5934'), x)).toEqual({
			verdict: 'incorrect',
			reason: 'Off in the last digit: check it, and keep more digits of earlier values if you rounded them.',
			slip: 'last-digit'
		});
	});
	test('judges (0.5935) as the decimal 0.5935: parentheses do not widen the tolerance', () => {
		expect(verdict('0.5935', x)).toBe('incorrect');
		expect(verdict('(0.5935)', x)).toBe('incorrect');
		expect(verdict('((0.5933))', x)).toBe('correct');
	});
	test('judges 0.5935*1 as 0.5935 to its own rounding, not to a fixed relative tolerance', () => {
		expect(verdict('0.5935*1', x)).toBe('incorrect');
		expect(verdict('0.5933*1', x)).toBe('correct');
	});
	test('marks 0.5 incorrect: a coarse value must be the rounded one', () => {
		expect(verdict('0.5', x)).toBe('incorrect');
	});
	test('accepts many correct digits', () => {
		expect(verdict('0.593269992', x)).toBe('correct');
	});
	test('accepts the formula 1/(1+e^-0.3775)', () => {
		expect(judge(readAnswer('1/(1+e^-0.3775)'), x)).toEqual({ verdict: 'correct', reason: 'Correct.' });
	});
	test('marks the fraction 3/5 incorrect and says what it gives', () => {
		expect(judge(readAnswer('3/5'), x)).toEqual({
			verdict: 'incorrect',
			reason: 'Your expression gives 0.6, which is not the expected value.'
		});
	});
});

describe('judge: decimals against ∂E/∂w5 = 0.082167041…', () => {
	const g = network.gradW5;

	test('accepts 0.0822, the value rounded to 3 significant digits', () => {
		expect(verdict('0.0822', g)).toBe('correct');
	});
	test('accepts 0.0821, the value cut off at 3 significant digits', () => {
		expect(judge(readAnswer('0.0821'), g)).toEqual({
			verdict: 'correct',
			reason: 'Correct (cut off; rounded it is 0.0822).'
		});
	});
	test('marks 0.08 as close, not correct: one digit cannot tell a mistake from rounding', () => {
		expect(judge(readAnswer('0.08'), g)).toEqual({
			verdict: 'close',
			reason: 'Right to the digits you gave; give at least 3 significant digits.',
			slip: 'too-few-digits'
		});
	});
	test('marks 0.0823 incorrect', () => {
		expect(verdict('0.0823', g)).toBe('incorrect');
	});
	test('accepts a product of rounded intermediate values', () => {
		expect(judge(readAnswer('0.7414*0.1868*0.5933'), g)).toEqual({
			verdict: 'correct',
			reason: 'Correct, within the rounding of the numbers you used.'
		});
	});
	test('marks a product with a badly rounded factor incorrect', () => {
		expect(verdict('0.7414*0.1868*0.59', g)).toBe('incorrect');
	});
	test('marks a long decimal computed from rounded values as close', () => {
		// 0.7414·0.1868·0.5933 = 0.08216820…, typed in full.
		expect(verdict('0.0821682', g)).toBe('close');
	});
	test('marks 0 incorrect, not almost, and does not give the value away', () => {
		const j = judge(readAnswer('0'), 0.0821682);
		expect(j.verdict).toBe('incorrect');
		expect(j.reason).not.toMatch(/0\.08/);
	});
	test('marks a long decimal from rounded values as rounded too early, without printing the value', () => {
		expect(judge(readAnswer('0.0821682'), g)).toEqual({
			verdict: 'close',
			reason: 'Off in the last digits, as when an earlier value is rounded: keep all its digits and round only at the end.',
			slip: 'rounded-early'
		});
	});
	test('marks a long decimal that is simply wrong as incorrect', () => {
		expect(verdict('0.0831682', g)).toBe('incorrect');
	});
});

describe('judge: a guess is never almost', () => {
	test.for([
		['0', network.netH1],
		['1', network.outO1],
		['1', 0.75],
		['0', network.outH1],
		['(0)', network.netH1],
		['1', network.gradW5]
	] as const)('marks %s incorrect for %d', ([typed, expected]) => {
		expect(verdict(typed, expected)).toBe('incorrect');
	});
	test('still calls 0.4 for 0.3775 almost: right to its one digit, and near', () => {
		expect(verdict('0.4', network.netH1)).toBe('close');
	});
});

describe('judge: signs and zero', () => {
	test('accepts −0.2 typed with a unicode minus for −0.2', () => {
		expect(verdict('−0.2', -0.2)).toBe('correct');
	});
	test('accepts −0.2 when the engine’s value carries float noise', () => {
		expect(verdict('−0.2', 0.1 - 0.3)).toBe('correct');
	});
	test('asks to check the sign when only the sign is wrong', () => {
		expect(judge(readAnswer('0.2'), -0.2)).toEqual({ verdict: 'incorrect', reason: 'Check the sign.', slip: 'sign' });
	});
	test('asks to check the sign of an expression', () => {
		expect(reason('-1/(1+e^-0.3775)', network.outH1)).toBe('Check the sign.');
	});
	test('accepts 0 for negative zero', () => {
		expect(verdict('0', -0)).toBe('correct');
	});
	test('accepts -0 for zero', () => {
		expect(verdict('-0', 0)).toBe('correct');
	});
	test('accepts 0.000 for zero although it has no significant digit', () => {
		expect(verdict('0.000', 0)).toBe('correct');
	});
	test('accepts an expression that gives exactly zero', () => {
		expect(verdict('1-1', 0)).toBe('correct');
	});
	test('marks 0.001 incorrect for zero', () => {
		expect(verdict('0.001', 0)).toBe('incorrect');
	});
});

describe('judge: tiny and large values', () => {
	test('accepts 1e-9 for 1e-9', () => {
		expect(verdict('1e-9', 1e-9)).toBe('correct');
	});
	test('accepts 1.23e-9 for 1.234567e-9', () => {
		expect(verdict('1.23e-9', 1.234567e-9)).toBe('correct');
	});
	test('accepts 0.00000000123 for 1.234567e-9', () => {
		expect(verdict('0.00000000123', 1.234567e-9)).toBe('correct');
	});
	test('marks 0.000 incorrect for 1.234567e-9: no significant digit is not almost', () => {
		expect(verdict('0.000', 1.234567e-9)).toBe('incorrect');
	});
	test('marks (0) incorrect for 5e-13: the floor is relative to the value', () => {
		expect(verdict('(0)', 5e-13)).toBe('incorrect');
		expect(verdict('0*1', 5e-13)).toBe('incorrect');
	});
	test('marks 1000 incorrect for 1004: its zeros count when the digits before them are too few', () => {
		expect(verdict('1000', 1004)).toBe('incorrect');
		expect(verdict('1000', 1000.3)).toBe('correct');
	});
	test('marks 1.24e-9 incorrect for 1.234567e-9', () => {
		expect(verdict('1.24e-9', 1.234567e-9)).toBe('incorrect');
	});
	test('accepts 123457 for 123456.789', () => {
		expect(verdict('123457', 123456.789)).toBe('correct');
	});
	test('accepts 1.23e5 for 123456.789', () => {
		expect(verdict('1.23e5', 123456.789)).toBe('correct');
	});
	test('accepts 123000 for 123456.789, reading its zeros as placeholders', () => {
		expect(verdict('123000', 123456.789)).toBe('correct');
	});
	test('marks 124000 incorrect for 123456.789', () => {
		expect(verdict('124000', 123456.789)).toBe('incorrect');
	});
	test('marks 1200 incorrect for 1234 even with its zeros read as placeholders', () => {
		expect(verdict('1200', 1234)).toBe('incorrect');
	});
	test('accepts 1.2×10⁻³ for 0.0012', () => {
		expect(verdict('1.2×10⁻³', 0.0012)).toBe('correct');
	});
});

describe('judge: a value on a rounding boundary', () => {
	// 0.59325 lies halfway: both neighbours at 4 decimals are within half a unit.
	test.for(['0.5932', '0.5933'])('accepts %s for 0.59325 by rounding alone', (typed) => {
		expect(verdict(typed, 0.59325, { acceptTruncation: false })).toBe('correct');
	});
	test.for(['-0.5932', '-0.5933'])('accepts %s for -0.59325 by rounding alone', (typed) => {
		expect(verdict(typed, -0.59325, { acceptTruncation: false })).toBe('correct');
	});
	test('marks 0.5931 incorrect for 0.59325', () => {
		expect(verdict('0.5931', 0.59325)).toBe('incorrect');
	});
});

describe('judge: what cannot be judged', () => {
	test('passes on the reading’s message when the input is unreadable', () => {
		expect(judge(readAnswer('abc'), 1)).toEqual({
			verdict: 'unreadable',
			reason: '“abc” is not a number. Type a decimal such as 1.234 or an expression such as 3/7 or exp(-1.5).'
		});
	});
	test.for([NaN, Infinity, -Infinity])('does not mention NaN when the expected value is %s', (expected) => {
		const j = judge(readAnswer('0.5'), expected);
		expect(j.verdict).toBe('incorrect');
		expect(j.reason).not.toMatch(/NaN|Infinity/);
	});
	test('falls back to defaults for nonsensical options', () => {
		const options = { minSignificant: NaN, relTolerance: -1 };
		expect(verdict('0.59', network.outH1, options)).toBe('close');
		expect(verdict('0.7414*0.1868*0.5933', network.gradW5, options)).toBe('correct');
	});
	test('calls a hand-made reading with a non-finite value unreadable', () => {
		const bad = { ok: true, value: NaN, digits: { exact: true }, normalized: 'x' } as const;
		expect(judge(bad, 1).verdict).toBe('unreadable');
	});
});
