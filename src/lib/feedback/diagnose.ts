// Names the mistake behind a wrong number: the learner's value is what that mistake gives, at the
// learner's own precision, from the learner's own earlier values or from the values as the page
// shows them, judged by the same rule as a right answer.
import { judge, readAnswer, type JudgeOptions, type Reading } from '$lib/answers';
import type { Get, Step, Steps } from '$lib/derivation';
import { candidates, engineValue, type Candidate } from './catalogue';
import { chainOf, evaluator } from './evaluate';
import { slideValue } from './slide-value';
import type { Compute, Diagnosis, Mistake, Printed } from './types';

export interface DiagnoseOptions extends JudgeOptions {
	/** The learner's own values for other quantities of the network: what they typed, or a number. */
	earlier?: Readonly<Record<string, number | string>>;
	/** Numbers the slides print for this network (the lesson's own numbers only, not a variant's). */
	printed?: readonly Printed[];
}

/** What a wrong reading is, as far as the engine can tell. */
export type Analysis =
	| { kind: 'rounded' } // the right rule, from values rounded as the page shows them or as the learner typed them
	| { kind: 'mistakes'; found: Diagnosis[] }
	| { kind: 'unknown' };

type Ok = Extract<Reading, { ok: true }>;

/** One way the learner may have carried the numbers: pinned to their own, rounded as shown, or in full. */
type Scenario = { pinned?: Readonly<Record<string, number>>; carry?: (name: string, value: number) => number };

const roundTo = (digits: number) => (_: string, x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));

/** The page shows 4 significant digits; the learner may also carry their own precision. */
function scenarios(reading: Ok, pinned: Readonly<Record<string, number>>): Scenario[] {
	const digits = reading.digits.exact ? [] : [reading.digits.significant];
	const carries = [undefined, ...new Set([4, ...digits.filter((d) => d >= 3 && d <= 8)])].map((d) => (d === undefined ? undefined : roundTo(d)));
	const withPins = Object.keys(pinned).length > 0;
	return carries.flatMap((carry) => {
		const base: Scenario = carry ? { carry } : {};
		return withPins ? [base, { ...base, pinned }] : [base];
	});
}

/** The learner's earlier values as numbers, and as readings (with the precision typed). */
function learnerValues(earlier: Readonly<Record<string, number | string>>, except: string) {
	const pinned: Record<string, number> = {};
	const readings: Record<string, Ok> = {};
	for (const [name, raw] of Object.entries(earlier)) {
		if (name === except) continue;
		const reading = readAnswer(typeof raw === 'number' ? String(raw) : raw);
		if (!reading.ok) continue;
		pinned[name] = reading.value;
		readings[name] = reading;
	}
	return { pinned, readings };
}

/**
 * Sorts a reading that is not right against the engine: the right rule from rounded numbers
 * (`rounded`), some named mistakes (`mistakes`, the ones most consistent with what the learner
 * already got right), or nothing the engine can name. Never `mistakes` for a reading judged correct.
 */
export function analyse(steps: Steps, quantity: string, reading: Reading, options: DiagnoseOptions = {}): Analysis {
	const { earlier = {}, printed = [], ...judging } = options;
	const correct = engineValue(steps, quantity);
	if (!reading.ok || !Number.isFinite(correct)) return { kind: 'unknown' };
	if (judge(reading, correct, judging).verdict === 'correct') return { kind: 'unknown' };
	const { pinned, readings } = learnerValues(earlier, quantity);
	const ways = scenarios(reading, pinned);
	const rightRule = ways.map((w) => safe(() => evaluator(steps, w)(quantity)));
	if (rightRule.some((v) => Number.isFinite(v) && judge(reading, v, judging).verdict === 'correct')) return { kind: 'rounded' };
	// A learner who copied a slide's wrong number made no slip of their own: that comes first.
	const copied = slideValue(steps, quantity, reading, printed, judging);
	if (copied) return { kind: 'mistakes', found: [copied] };

	const matched: Array<{ candidate: Candidate; under: Get }> = [];
	for (const candidate of candidates(steps, quantity)) {
		const alter = alterOf(candidate.mistake, steps);
		// No shortcut on the full value's distance: rounding on the way can move a value a long way
		// where it is a small difference of larger ones (½(0.99 − 1.005)² against ½(0.99 − 1.0046)²).
		for (const [i, way] of ways.entries()) {
			const under = i === 0 ? candidate.under : evaluator(steps, { ...way, alter });
			const value = i === 0 ? candidate.value : safe(() => under(quantity));
			const right = rightRule[i] as number;
			if (!Number.isFinite(value) || !Number.isFinite(right) || !differs(value, right, reading)) continue;
			if (judge(reading, value, judging).verdict !== 'correct') continue;
			matched.push({ candidate, under });
			break;
		}
	}
	if (matched.length === 0) return { kind: 'unknown' };
	// Prefer the mistakes that agree with the learner's earlier answers; name several only when
	// nothing they typed tells them apart.
	const scored = matched.map((m) => ({ ...m, against: contradictions(steps, quantity, m.candidate, readings, judging) }));
	const best = Math.min(...scored.map((m) => m.against));
	return {
		kind: 'mistakes',
		found: scored.filter((m) => m.against === best).map((m) => describe(steps, quantity, m.candidate, m.under))
	};
}

/** The mistakes `analyse` names (none for a reading that is right, or right from rounded numbers). */
export function diagnose(steps: Steps, quantity: string, reading: Reading, options: DiagnoseOptions = {}): Diagnosis[] {
	const a = analyse(steps, quantity, reading, options);
	return a.kind === 'mistakes' ? a.found : [];
}

/**
 * How many of the learner's earlier answers the mistake contradicts: the answer was right, and the
 * mistake would have changed it (the learner would have typed its value, not the right one).
 */
function contradictions(steps: Steps, quantity: string, c: Candidate, readings: Record<string, Ok>, options: JudgeOptions): number {
	const chain = new Set(chainOf(steps, quantity).map((s) => s.quantity));
	let count = 0;
	for (const [name, reading] of Object.entries(readings)) {
		if (!chain.has(name) || name === quantity) continue;
		const right = engineValue(steps, name);
		const mistaken = safe(() => c.under(name));
		if (!Number.isFinite(right) || !Number.isFinite(mistaken) || !differs(mistaken, right, reading)) continue;
		const wasRight = judge(reading, right, options).verdict === 'correct';
		const fitsMistake = judge(reading, mistaken, options).verdict === 'correct';
		if (wasRight && !fitsMistake) count++;
	}
	return count;
}

const alterCache = new WeakMap<Mistake, WeakMap<Step, Compute | null>>();

/** The mistake's alteration of each step, worked out once per step (some mistakes probe formulas). */
export function alterOf(mistake: Mistake, steps: Steps): (step: Step) => Compute | undefined {
	let cache = alterCache.get(mistake);
	if (!cache) alterCache.set(mistake, (cache = new WeakMap()));
	const known = cache;
	return (step) => {
		if (!known.has(step)) known.set(step, mistake.alter(step, steps) ?? null);
		return known.get(step) ?? undefined;
	};
}

const safe = (f: () => number): number => {
	try {
		return f();
	} catch {
		return NaN;
	}
};

/** Could the learner's digits tell `a` from `b`? */
function differs(a: number, b: number, reading: Ok): boolean {
	const gap = Math.abs(a - b);
	if (reading.digits.exact) return gap > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
	return gap > 10 ** -reading.digits.decimals / 2;
}

/** Equal but for float noise from recomputing. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

function describe(steps: Steps, quantity: string, { mistake, value }: Candidate, under: Get): Diagnosis {
	const chain = chainOf(steps, quantity);
	const touched = chain.filter((s) => mistake.alter(s, steps) !== undefined);
	// Explain at the nearest step where the slip shows in the numbers.
	const site = touched.find((s) => !same(safe(() => under(s.quantity)), engineValue(steps, s.quantity))) ?? touched[0];
	const asked = chain[0];
	let explanation = mistake.title + '.';
	if (chain.length === 0 && mistake.direct) {
		const text = safe2(() => mistake.direct?.explanation(steps, quantity) ?? '');
		if (text && !/NaN|undefined/.test(text)) explanation = text;
	} else if (site && asked) {
		const text = safe2(() => mistake.explanation(site, { steps, asked, under }));
		if (text && !/NaN|undefined/.test(text)) explanation = text;
	}
	return { id: mistake.id, title: mistake.title, explanation, value };
}

const safe2 = (f: () => string): string | undefined => {
	try {
		return f();
	} catch {
		return undefined;
	}
};
