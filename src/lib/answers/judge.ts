// Judges a reading against the engine's float64 value. Never throws; reasons never say "NaN".
import { formatNumber } from './format';
import type { Digits, JudgeOptions, Judgement, Reading } from './types';

export type { JudgeOptions, Judgement, Verdict } from './types';

/**
 * The rule (also in README.md):
 *
 * A typed decimal is judged at its last typed digit, with a unit `u` there
 * (0.5933 → u = 0.0001) and a float slack ε = 1e-12 × the larger magnitude.
 * - Exactly the value (within ε): correct, however few digits (−0.2 for −0.2).
 * - Fewer than `minSignificant` (3) significant digits: `close` if
 *   |typed − expected| ≤ u/2 + ε (0.59, 0.6 for 0.5933), else incorrect (0.5).
 * - Otherwise correct if |typed − expected| ≤ u/2 + ε (rounded; at a boundary such
 *   as 0.59325 both 0.5932 and 0.5933 pass), or if typed is the expected value cut
 *   off at that digit (truncated: 0.5932 for 0.59327; `acceptTruncation`).
 * - Otherwise `close` if ≥ minSignificant + 2 digits were typed and the relative
 *   error is ≤ `relTolerance` (a long answer computed from rounded intermediates).
 * - Whole numbers with trailing zeros (1200) are also tried at the coarsest place
 *   that still keeps `minSignificant` digits.
 * A reason never shows the expected value unless the verdict is correct (the learner already has
 * it then): a close or incorrect answer must not be turned into the right one by reading the reason.
 * An expression or fraction is correct when its relative error is ≤ 1e-9
 * (absolute 1e-12 near zero), or ≤ `relTolerance` (5e-4: built from rounded numbers
 * such as 0.7414*0.1868*0.5933); otherwise incorrect.
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
	return reading.digits.exact ? judgeExact(v, expected, o) : judgeDecimal(v, reading.digits, expected, o);
}

const correct = (reason = 'Correct.'): Judgement => ({ verdict: 'correct', reason });
const close = (reason: string): Judgement => ({ verdict: 'close', reason });
const incorrect = (reason: string): Judgement => ({ verdict: 'incorrect', reason });

function judgeExact(v: number, expected: number, o: Settled): Judgement {
	const diff = Math.abs(v - expected);
	const scale = Math.abs(expected);
	if (diff <= Math.max(1e-9 * scale, 1e-12)) return correct();
	if (diff <= o.relTolerance * scale) return correct('Correct, within the rounding of the numbers you used.');
	if (scale > 0 && Math.abs(-v - expected) <= o.relTolerance * scale) return incorrect('Check the sign.');
	return incorrect(`Your expression gives ${formatNumber(v, 6)}, which is not the expected value.`);
}

type Place = { decimals: number; significant: number };

function judgeDecimal(v: number, d: Extract<Digits, { exact: false }>, expected: number, o: Settled): Judgement {
	const eps = 1e-12 * Math.max(Math.abs(v), Math.abs(expected));
	const diff = Math.abs(v - expected);
	if (diff <= eps) return correct();
	const typed: Place = { decimals: d.decimals, significant: d.significant };
	const strict = atPlace(v, typed, expected, eps, o);
	// 1200 may mean 1.2e3: also try the coarsest reading that keeps minSignificant digits.
	const drop = Math.min(d.trailingZeros, d.significant - o.minSignificant);
	if (strict.verdict === 'correct' || drop <= 0) return strict;
	const coarse = atPlace(v, { decimals: d.decimals - drop, significant: d.significant - drop }, expected, eps, o);
	return coarse.verdict === 'correct' ? coarse : strict;
}

function atPlace(v: number, p: Place, expected: number, eps: number, o: Settled): Judgement {
	const unit = 10 ** -p.decimals;
	const diff = Math.abs(v - expected);
	const rounds = diff <= unit / 2 + eps;
	if (p.significant < o.minSignificant) {
		return rounds
			? close(`Right to the digits you gave; give at least ${o.minSignificant} significant digits.`)
			: wrong(v, expected, unit, eps, false);
	}
	if (rounds) return correct();
	if (o.acceptTruncation && truncates(v, expected, unit, eps))
		return correct(`Correct (cut off; rounded it is ${rounded(expected, p)}).`);
	if (p.significant >= o.minSignificant + 2 && diff <= o.relTolerance * Math.abs(expected))
		return close('Nearly: yours differs in the last digits. Did you round a value too early?');
	return wrong(v, expected, unit, eps, true);
}

/** Is `v` the expected value with the digits after its last place dropped? */
function truncates(v: number, expected: number, unit: number, eps: number): boolean {
	const towardZero = (expected - v) * (expected < 0 ? -1 : 1);
	return towardZero >= -eps && towardZero < unit - eps;
}

function wrong(v: number, expected: number, unit: number, eps: number, precise: boolean): Judgement {
	if (expected !== 0 && Math.abs(-v - expected) <= unit / 2 + eps) return incorrect('Check the sign.');
	if (precise && Math.abs(v - expected) <= 2 * unit) return incorrect('Almost: check the last digit you typed.');
	return incorrect('That is not the expected value.');
}

/** The expected value written to the learner's place, zeros kept. */
function rounded(expected: number, p: Place): string {
	if (p.decimals < 0 || p.decimals > 20 || Math.abs(expected) >= 1e21) return formatNumber(expected, p.significant, true);
	const s = expected.toFixed(p.decimals);
	return Number(s) === 0 ? s.replace('-', '') : s;
}
