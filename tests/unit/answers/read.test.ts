import { describe, expect, test } from 'vitest';
import { MAX_LENGTH, readAnswer, type Digits } from '$lib/answers';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

type Literal = { value: number; decimals: number; significant: number; normalized: string };

// Plain decimals: the value and the precision the learner typed.
const decimals: Array<[behaviour: string, typed: string, expected: Literal]> = [
	['reads a plain decimal', '0.5933', { value: 0.5933, decimals: 4, significant: 4, normalized: '0.5933' }],
	['reads a decimal comma', '0,5932', { value: 0.5932, decimals: 4, significant: 4, normalized: '0.5932' }],
	['reads 1,5 as one and a half', '1,5', { value: 1.5, decimals: 1, significant: 2, normalized: '1.5' }],
	['keeps trailing zeros as typed precision', '0,50', { value: 0.5, decimals: 2, significant: 2, normalized: '0.50' }],
	['reads a unicode minus', '−0.2', { value: -0.2, decimals: 1, significant: 1, normalized: '-0.2' }],
	['reads an en dash as minus', '–0.2', { value: -0.2, decimals: 1, significant: 1, normalized: '-0.2' }],
	['reads a minus separated by a space', '- 0.2', { value: -0.2, decimals: 1, significant: 1, normalized: '-0.2' }],
	['reads a leading plus and surrounding spaces', ' +0.5 ', { value: 0.5, decimals: 1, significant: 1, normalized: '0.5' }],
	['reads a whole number', '12', { value: 12, decimals: 0, significant: 2, normalized: '12' }],
	['reads a leading decimal point', '.5', { value: 0.5, decimals: 1, significant: 1, normalized: '.5' }],
	['reads scientific notation', '1e-3', { value: 0.001, decimals: 3, significant: 1, normalized: '1e-3' }],
	['reads a capital E exponent', '1E-3', { value: 0.001, decimals: 3, significant: 1, normalized: '1e-3' }],
	['counts the mantissa digits of scientific notation', '1.2e-3', { value: 0.0012, decimals: 4, significant: 2, normalized: '1.2e-3' }],
	['reads times ten to a power with a middle dot', '1.2·10^-3', { value: 0.0012, decimals: 4, significant: 2, normalized: '1.2e-3' }],
	['reads times ten to a power with an asterisk', '1.2*10^-3', { value: 0.0012, decimals: 4, significant: 2, normalized: '1.2e-3' }],
	['reads × and superscript digits', '1.2×10⁻³', { value: 0.0012, decimals: 4, significant: 2, normalized: '1.2e-3' }],
	['reads x as times between numbers', '1.2x10^-3', { value: 0.0012, decimals: 4, significant: 2, normalized: '1.2e-3' }],
	['reads full-width digits', '１２', { value: 12, decimals: 0, significant: 2, normalized: '12' }],
	['counts no significant digits in zero', '0.000', { value: 0, decimals: 3, significant: 0, normalized: '0.000' }]
];

// Fractions and expressions: exact, judged against the full value.
const expressions: Array<[behaviour: string, typed: string, value: number]> = [
	['reads a fraction', '3/4', 0.75],
	['reads a fraction with spaces', '1 / 4', 0.25],
	['reads a unicode fraction', '½', 0.5],
	['reads e^ as Euler’s number in a sigmoid', '1/(1+e^-0.3775)', sigmoid(0.3775)],
	['reads a product of rounded values', '0.7414*0.1868*0.5933', 0.7414 * 0.1868 * 0.5933],
	['reads e to a parenthesised power', 'e^(-2)', Math.exp(-2)],
	['reads e with a superscript exponent', 'e⁻²', Math.exp(-2)],
	['reads exp()', 'exp(-0.3775)', Math.exp(-0.3775)],
	['reads a capitalised function name', 'Exp(-0.3775)', Math.exp(-0.3775)],
	['reads a squared difference', '0.5*(0.01-0.7514)^2', 0.5 * (0.01 - 0.7514) ** 2],
	['reads a superscript square', '0.5*(0.01-0.7514)²', 0.5 * (0.01 - 0.7514) ** 2],
	['reads ln', 'ln(2)', Math.log(2)],
	['reads log as the natural logarithm', 'log(2)', Math.log(2)],
	['reads sqrt', 'sqrt(2)', Math.SQRT2],
	['reads the root sign', '√2', Math.SQRT2],
	['reads · and × as multiplication', '2·3×4', 24],
	['reads ** as a power', '2**3', 8],
	['reads e alone as Euler’s number', 'e', Math.E],
	['reads a number before parentheses as multiplication', '2(3+1)', 8],
	['reads ten to a power as an expression', '10^-3', 0.001]
];

// What cannot be read, and what the message must say.
const refusals: Array<[behaviour: string, typed: string, message: RegExp]> = [
	['asks for a value when empty', '', /^Type a value first\.$/],
	['asks for a value when only spaces', '   ', /^Type a value first\.$/],
	[
		'says a word is not a number',
		'abc',
		/^“abc” is not a number\. Type a decimal such as 1\.234 or an expression such as 3\/7 or exp\(-1\.5\)\.$/
	],
	['says when it divides by zero', '1/0', /that divides by zero/],
	['says when zero is raised to a negative power', '0^-1', /that divides by zero/],
	['names two decimal points', '0.5.3', /two decimal points/],
	['names two decimal points in 0.59.32', '0.59.32', /two decimal points/],
	['explains a comma and a point together', '1,234.5', /comma counts as a decimal point/],
	['refuses a space inside a number', '0. 5932', /space inside a number/],
	['refuses two signs in a row', '--2', /two signs in a row/],
	['calls 2e unclear', '2e', /unclear.*2e-3.*2\*e/],
	['calls 2e^-1 unclear', '2e^-1', /unclear/],
	['refuses an unknown name inside an expression', '2*abc', /“abc” in “2\*abc”/],
	['says an expression is unfinished', '1/', /unfinished/],
	['says a parenthesis is never closed', '(1', /never closed/],
	['says a parenthesis has no match', '1)', /without a matching/],
	['explains percentages', '50%', /percentage/],
	['refuses an equation', 'y = 0.5', /not an equation/],
	['refuses things side by side', '2 e', /side by side/],
	['asks for parentheses after a function name', 'sqrt 4', /sqrt\(0\.5\)/],
	['refuses the log of zero', 'ln(0)', /logarithm of zero/],
	['refuses the root of a negative number', 'sqrt(-1)', /square root of a negative/],
	['refuses a negative base to a fractional power', '(-8)^(1/3)', /fractional power/],
	['refuses a result too large', 'exp(1000)', /too large/],
	['refuses a literal too large', '1e400', /too large/],
	['refuses a literal too close to zero', '1e-400', /too close to zero/],
	['refuses NaN typed as a word', 'NaN', /not a number/],
	['refuses Infinity typed as a word', 'Infinity', /not a number/],
	['refuses hexadecimal', '0x1F', /hexadecimal/],
	['refuses 0x10 rather than reading it as 0 times 10', '0x10', /hexadecimal/],
	['refuses mathjs-only syntax such as ranges', '1:3', /“:” can't be used/],
	['says where reading stopped', '2*/3', /up to “2\*”, but not from “\/3”/],
	['refuses a very long string', '1'.repeat(MAX_LENGTH + 1), /too long \(201 characters\)/]
];

describe('readAnswer: decimals', () => {
	test.for(decimals)('%s (%s)', ([, typed, want]) => {
		const r = readAnswer(typed);
		expect(r).toEqual({
			ok: true,
			value: want.value,
			normalized: want.normalized,
			digits: { exact: false, decimals: want.decimals, significant: want.significant, trailingZeros: 0 }
		});
	});
});

describe('readAnswer: expressions', () => {
	test.for(expressions)('%s (%s)', ([, typed, value]) => {
		const r = readAnswer(typed);
		if (!r.ok) expect.fail(r.message);
		expect(r.value).toBeCloseTo(value, 12);
		expect(r.digits.exact).toBe(true);
	});
});

describe('readAnswer: refusals', () => {
	test.for(refusals)('%s', ([, typed, message]) => {
		const r = readAnswer(typed);
		if (r.ok) expect.fail(`read ${JSON.stringify(typed)} as ${r.value}`);
		expect(r.message).toMatch(message);
	});
});

describe('readAnswer: numbers in parentheses are numbers', () => {
	test.for([
		['(0.5935)', 0.5935],
		['((0.5935))', 0.5935],
		['-(0.5935)', -0.5935],
		['(-0.5935)', -0.5935],
		['-(-0.5935)', 0.5935],
		['+(0,5935)', 0.5935]
	] as const)('reads %s as the decimal %d, with its digits', ([typed, value]) => {
		const r = readAnswer(typed);
		expect(r.ok && r.value).toBe(value);
		expect(r.ok && r.digits).toEqual({ exact: false, decimals: 4, significant: 4, trailingZeros: 0 });
	});

	test('keeps (1)+(2) an expression', () => {
		const r = readAnswer('(1)+(2)');
		expect(r.ok && r.value).toBe(3);
		expect(r.ok && r.digits.exact).toBe(true);
	});

	test('gives an expression the uncertainty of the rounded numbers in it', () => {
		const r = readAnswer('0.7414*0.5933');
		if (!r.ok || !r.digits.exact) return expect.fail('not an expression');
		// ±0.00005 in each factor: 0.5933·0.00005 + 0.7414·0.00005 (first order).
		expect(r.digits.uncertainty).toBeCloseTo(0.00005 * (0.5933 + 0.7414), 8);
	});

	test('takes numbers of one or two digits in an expression as exact', () => {
		const r = readAnswer('0.05*0.15+0.1*0.2+0.35');
		expect(r.ok && r.digits.exact && r.digits.uncertainty).toBe(0);
	});
});

describe('readAnswer: details', () => {
	test('reads 1/(1+e^-0.3775) as the sigmoid of 0.3775 to full precision', () => {
		const r = readAnswer('1/(1+e^-0.3775)');
		expect(r.ok && r.value).toBe(sigmoid(0.3775));
	});

	test('counts trailing zeros of a whole number as possibly not significant', () => {
		const r = readAnswer('1200');
		expect(r.ok && r.digits).toEqual({ exact: false, decimals: 0, significant: 4, trailingZeros: 2 });
	});

	test('treats a whole number with a decimal point as fully significant', () => {
		const r = readAnswer('1200.');
		expect(r.ok && r.digits).toEqual({ exact: false, decimals: 0, significant: 4, trailingZeros: 0 });
	});

	test('gives the normalised form of an expression without spaces', () => {
		const r = readAnswer(' 1 / ( 1 + e ^ −0,3775 ) ');
		expect(r.ok && r.normalized).toBe('1/(1+e^-0.3775)');
	});

	test('quotes only the start of a long unreadable input', () => {
		const r = readAnswer('abc'.repeat(60));
		expect(!r.ok && r.message.length).toBeLessThan(200);
	});

	test('reads a negative zero as zero', () => {
		const r = readAnswer('-0');
		expect(r.ok && r.value).toBe(-0);
	});

	test('does not throw when given a non-string from untyped code', () => {
		expect(readAnswer(undefined as unknown as string)).toEqual({ ok: false, message: 'Type a value first.' });
	});
});
