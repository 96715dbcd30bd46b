// Judges a reading against the engine's float64 value. Never throws; reasons never say "NaN".
import { formatNumber } from './format';
import type { Digits, JudgeOptions, Judgement, Reading, Slip } from './types';

export type { JudgeOptions, Judgement, Verdict } from './types';

/**
 * The rule (also in README.md):
 *
 * A typed decimal (a number in parentheses or with extra signs is one too) is judged at its last
 * typed digit, with a unit `u` there (0.5933 → u = 0.0001) and a float slack
 * ε = 1e-12 × the larger magnitude.
 * - Exactly the value (within ε): correct, however few digits (−0.2 for −0.2).
 * - Fewer than `minSignificant` (3) significant digits: `close` ("Almost": right to the digits
 *   given, only too few of them) if |typed − expected| ≤ u/2 + ε, at least one significant digit
 *   was typed, and typed is within 10 % of the value (0.59, 0.6 for 0.5933); otherwise incorrect
 *   (0.5, and 0 or 1 far from the value: a guess is not "almost").
 * - Otherwise correct if |typed − expected| ≤ u/2 + ε (rounded; at a boundary such
 *   as 0.59325 both 0.5932 and 0.5933 pass), or if typed is the expected value cut
 *   off at that digit (truncated: 0.5932 for 0.59327; `acceptTruncation`).
 * - Otherwise `close`, slip `rounded-early`, if ≥ minSignificant + 2 digits were typed and the
 *   relative error is ≤ `relTolerance` (a long answer computed from rounded intermediates).
 * - Otherwise incorrect; within two units of the last digit the slip is `last-digit`.
 * - A whole number's trailing zeros (123000) are read as placeholders only when the digits before
 *   them already make `minSignificant` digits; otherwise they count (1000 is four digits, so it
 *   is not 1004).
 * A reason never shows the expected value unless the verdict is correct (the learner already has
 * it then): a close or incorrect answer must not be turned into the right one by reading the reason.
 * An expression or fraction is correct when it is the value up to float noise (relative 1e-9, or
 * 1e-15 of the largest magnitude computed through), or within the rounding of the numbers typed in
 * it (`Digits.uncertainty`, capped at `relTolerance`, 5e-4: 0.7414*0.1868*0.5933); otherwise
 * incorrect.
 */
export function judge(reading: Reading, expected: number, options: JudgeOptions = {}): Judgement {
	try {
		return judgeReading(reading, expected, settle(options));
	} catch {
		return { verdict: 'unreadable', reason: 'That could not be checked.' };
	}
}

interface Settled {
	minSignificant: number;
	acceptTruncation: boolean;
	relTolerance: number;
}

function settle(o: JudgeOptions | undefined): Settled {
	const min = o?.minSignificant;
	const tol = o?.relTolerance;
	return {
		minSignificant: typeof min === 'number' && Number.isFinite(min) ? Math.min(17, Math.max(0, Math.round(min))) : 3,
		acceptTruncation: o?.acceptTruncation !== false,
		relTolerance: typeof tol === 'number' && tol >= 0 && tol <= 0.5 ? tol : 5e-4
	};
}

function judgeReading(reading: Reading, expected: number, o: Settled): Judgement {
	if (!reading.ok) return { verdict: 'unreadable', reason: reading.message || 'That could not be read.' };
	const v = reading.value;
	if (!Number.isFinite(v)) return { verdict: 'unreadable', reason: 'That is not a finite number.' };
	if (typeof expected !== 'number' || !Number.isFinite(expected))
		return { verdict: 'incorrect', reason: 'This step has no finite expected value, so it cannot be checked.' };
	return reading.digits.exact ? judgeExact(v, reading.digits, expected, o) : judgeDecimal(v, reading.digits, expected, o);
}

const correct = (reason = 'Correct.'): Judgement => ({ verdict: 'correct', reason });
const close = (reason: string, slip: Slip): Judgement => ({ verdict: 'close', reason, slip });
const incorrect = (reason: string, slip?: Slip): Judgement =>
	slip === undefined ? { verdict: 'incorrect', reason } : { verdict: 'incorrect', reason, slip };

function judgeExact(v: number, d: Extract<Digits, { exact: true }>, expected: number, o: Settled): Judgement {
	const diff = Math.abs(v - expected);
	const scale = Math.abs(expected);
	const noise = 1e-9 * scale + 1e-15 * Math.max(d.scale ?? 0, Math.abs(v), scale);
	if (diff <= noise) return correct();
	// A hand-made reading without an uncertainty keeps the old allowance.
	const allowed = Math.min(d.uncertainty ?? Infinity, o.relTolerance * scale) + noise;
	if (diff <= allowed) return correct('Correct, within the rounding of the numbers you used.');
	if (scale > 0 && Math.abs(-v - expected) <= allowed) return incorrect('Check the sign.', 'sign');
	return incorrect(`Your expression gives ${formatNumber(v, 6)}, which is not the expected value.`);
}

type Place = { decimals: number; significant: number };

function judgeDecimal(v: number, d: Extract<Digits, { exact: false }>, expected: number, o: Settled): Judgement {
	const eps = 1e-12 * Math.max(Math.abs(v), Math.abs(expected));
	const diff = Math.abs(v - expected);
	if (diff <= eps) return correct();
	const typed: Place = { decimals: d.decimals, significant: d.significant };
	const strict = atPlace(v, typed, expected, eps, o);
	// 123000 may mean 1.23e5: its zeros are placeholders when the digits before them are enough.
	const drop = d.significant - d.trailingZeros >= o.minSignificant ? d.trailingZeros : 0;
	if (strict.verdict === 'correct' || drop <= 0) return strict;
	const coarse = atPlace(v, { decimals: d.decimals - drop, significant: d.significant - drop }, expected, eps, o);
	return coarse.verdict === 'correct' ? coarse : strict;
}

function atPlace(v: number, p: Place, expected: number, eps: number, o: Settled): Judgement {
	const unit = 10 ** -p.decimals;
	const diff = Math.abs(v - expected);
	const rounds = diff <= unit / 2 + eps;
	if (p.significant < o.minSignificant) {
		// Almost means right to the digits given: a guess (0, or 1 for 0.75) is not almost.
		const near = p.significant >= 1 && diff <= NEAR * Math.abs(expected) + eps;
		return rounds && near
			? close(`Right to the digits you gave; give at least ${o.minSignificant} significant digits.`, 'too-few-digits')
			: wrong(v, expected, unit, eps, false);
	}
	if (rounds) return correct();
	if (o.acceptTruncation && truncates(v, expected, unit, eps))
		return correct(`Correct (cut off; rounded it is ${rounded(expected, p)}).`);
	if (p.significant >= o.minSignificant + 2 && diff <= o.relTolerance * Math.abs(expected))
		return close('Off in the last digits, as when an earlier value is rounded: keep all its digits and round only at the end.', 'rounded-early');
	return wrong(v, expected, unit, eps, true);
}

/** How far (relatively) a too-short answer may be from the value and still be "almost". */
const NEAR = 0.1;

/** Is `v` the expected value with the digits after its last place dropped? */
function truncates(v: number, expected: number, unit: number, eps: number): boolean {
	const towardZero = (expected - v) * (expected < 0 ? -1 : 1);
	return towardZero >= -eps && towardZero < unit - eps;
}

function wrong(v: number, expected: number, unit: number, eps: number, precise: boolean): Judgement {
	if (expected !== 0 && Math.abs(-v - expected) <= unit / 2 + eps) return incorrect('Check the sign.', 'sign');
	if (precise && Math.abs(v - expected) <= 2 * unit)
		return incorrect('Off in the last digit: check it, and keep more digits of earlier values if you rounded them.', 'last-digit');
	return incorrect('That is not the expected value.');
}

/** The expected value written to the learner's place, zeros kept. */
function rounded(expected: number, p: Place): string {
	if (p.decimals < 0 || p.decimals > 20 || Math.abs(expected) >= 1e21) return formatNumber(expected, p.significant, true);
	const s = expected.toFixed(p.decimals);
	return Number(s) === 0 ? s.replace('-', '') : s;
}
