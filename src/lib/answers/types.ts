/**
 * How precisely the learner wrote their answer; the judge needs it to know
 * which rounding of the expected value to compare with.
 *
 * - `exact: false`: a plain decimal, possibly in scientific notation
 *   (`0.5933`, `0,50`, `1.2e-3`, `1.2×10⁻³`, `12`).
 *   - `decimals`: the place of the last typed digit, counted as decimals of the
 *     value (`0.5933` → 4, `12` → 0, `1.2e-3` → 4, `12e3` → -3).
 *   - `significant`: digits typed from the first non-zero one on
 *     (`0.5933` → 4, `0.50` → 2, `1.2e-3` → 2, `12` → 2, `0.000` → 0).
 *   - `trailingZeros`: zeros ending a whole number typed without a decimal point
 *     (`1200` → 2, `1200.` → 0). They may or may not be significant, so the
 *     judge also tries the coarser reading.
 * - `exact: true`: a fraction or expression (`3/4`, `1/(1+e^-0.3775)`). The
 *   learner wrote a formula, so it is judged against the full value, within
 *   `uncertainty`: how far the rounding of the numbers in it (0.7414 is ±0.00005; numbers of
 *   fewer than three significant digits count as exact) can move the result. `scale`: the largest
 *   magnitude met while computing, for a float-noise floor. A number only wrapped in parentheses
 *   or signs (`(0.5935)`, `-(0.2)`) is a plain decimal, not an expression.
 */
export type Digits =
	| { exact: false; decimals: number; significant: number; trailingZeros: number }
	| { exact: true; uncertainty?: number; scale?: number };

/** What a learner typed, once read. `value` is always finite when `ok`. */
export type Reading =
	| { ok: true; value: number; digits: Digits; normalized: string }
	| { ok: false; message: string };

export type Verdict = 'correct' | 'close' | 'incorrect' | 'unreadable';

/**
 * What kind of near miss a `close` or `incorrect` verdict is, so that its heading can say so:
 * - `too-few-digits` (close): right to the digits given, only too few of them ("Almost");
 * - `rounded-early` (close): many digits, off in the last ones, as from rounded intermediates;
 * - `last-digit` (incorrect): off by a unit or two in the last digit typed;
 * - `sign` (incorrect): the right size with the wrong sign.
 */
export type Slip = 'too-few-digits' | 'rounded-early' | 'last-digit' | 'sign';

/** `reason` is one short sentence for the learner. */
export interface Judgement {
	verdict: Verdict;
	reason: string;
	slip?: Slip;
}

export interface JudgeOptions {
	/** A decimal with fewer significant digits is `close` at best (unless it is exactly the value). Default 3. */
	minSignificant?: number;
	/** Accept a decimal cut off (not rounded) at the last typed digit. Default true. */
	acceptTruncation?: boolean;
	/** Relative error allowed for expressions, which may be built from rounded numbers. Default 5e-4. */
	relTolerance?: number;
}
