// The whole verdict on one typed answer: right; right given the learner's own earlier numbers;
// wrong in a way the tutor can name; or the plain judgement.
import { formatNumber, judge, readAnswer, type JudgeOptions, type Reading } from '$lib/answers';
import type { Steps } from '$lib/derivation';
import { engineValue } from './catalogue';
import { analyse } from './diagnose';
import { evaluator, stepOf } from './evaluate';
import type { Assessment, Diagnosis, Printed } from './types';
import { list, name } from './words';

export interface AssessInput {
	steps: Steps;
	quantity: string;
	text: string;
	/**
	 * The learner's values for other quantities of the network: what they typed (the precision
	 * counts) or a number. Right and wrong ones alike: feedback judges each against the engine.
	 */
	earlier?: Readonly<Record<string, number | string>>;
	minSignificant?: number;
	/**
	 * Numbers the lesson's slides print for this network (`printed:`), with the lesson's own
	 * numbers only: a learner who copies a wrong one is told it is the slide's slip.
	 */
	printed?: readonly Printed[];
}

export function assess({ steps, quantity, text, earlier = {}, minSignificant, printed = [] }: AssessInput): Assessment {
	const options: JudgeOptions = minSignificant === undefined ? {} : { minSignificant };
	const reading = readAnswer(text);
	const expected = engineValue(steps, quantity);
	const plain = judge(reading, expected, options);
	if (plain.verdict === 'correct') return withFullValue(plain, reading, expected);
	if (!reading.ok) return plain;
	const numbers = numbersOf(earlier);
	const carried = carryForward(steps, quantity, reading, numbers, options);
	if (carried) return carried;
	const analysis = analyse(steps, quantity, reading, { ...options, earlier, printed });
	if (analysis.kind === 'rounded')
		return {
			verdict: 'close',
			slip: 'rounded-early',
			reason: 'That is what rounding the values on the way gives: keep all their digits and round only at the end.'
		};
	if (analysis.kind === 'unknown') return plain;
	const found = analysis.found;
	return {
		verdict: 'incorrect',
		reason: reasonFor(found),
		mistakes: found.map(({ id, title, explanation }) => ({ id, title, explanation }))
	};
}

/** A right answer typed rounded: later steps use the full value, shown once the learner has it. */
function withFullValue(j: Assessment, reading: Reading, expected: number): Assessment {
	if (!reading.ok || reading.value === expected || !Number.isFinite(expected)) return j;
	return { ...j, fullValue: expected };
}

/** The earlier values as numbers (what was typed, read), unreadable ones left out. */
function numbersOf(earlier: Readonly<Record<string, number | string>>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [name, raw] of Object.entries(earlier)) {
		if (typeof raw === 'number') out[name] = raw;
		else {
			const r = readAnswer(raw);
			if (r.ok) out[name] = r.value;
		}
	}
	return out;
}

/**
 * Recomputes `quantity` from the learner's wrong earlier values (their right ones, and everything
 * they were not asked, as the engine has them). Right against that: accepted, naming what it used.
 */
function carryForward(
	steps: Steps,
	quantity: string,
	reading: Reading,
	earlier: Readonly<Record<string, number>>,
	options: JudgeOptions
): Assessment | undefined {
	if (!stepOf(steps, quantity)) return undefined;
	const pinned: Record<string, number> = {};
	const wrong = new Set<string>();
	for (const [name, theirs] of Object.entries(earlier)) {
		const engine = engineValue(steps, name);
		if (name === quantity || !Number.isFinite(theirs) || !Number.isFinite(engine)) continue;
		const isWrong = judge(readAnswer(String(theirs)), engine, options).verdict !== 'correct';
		pinned[name] = isWrong ? theirs : engine;
		if (isWrong) wrong.add(name);
	}
	if (wrong.size === 0) return undefined;
	const used = new Set<string>();
	let value: number;
	try {
		value = evaluator(steps, { pinned, onPinned: (n) => wrong.has(n) && used.add(n) })(quantity);
	} catch {
		return undefined;
	}
	if (used.size === 0 || !Number.isFinite(value) || judge(reading, value, options).verdict !== 'correct') return undefined;
	const from = [...used];
	const values = list(from.map((n) => `${name(steps, n)} (${formatNumber(earlier[n] as number, 6)})`));
	const reason =
		from.length === 1
			? `Consistent with your earlier value of ${values}; that one is still marked.`
			: `Consistent with your earlier values of ${values}; those are still marked.`;
	return { verdict: 'correct', reason, carriedForward: { from } };
}

const COUNT = ['', 'One', 'Two', 'Three', 'Four', 'Five'];

/** One explanation, or one short sentence when several slips give the number (the titles say which). */
function reasonFor(found: Diagnosis[]): string {
	const [first] = found;
	if (found.length === 1 && first) return first.explanation;
	const n = COUNT[found.length] ?? String(found.length);
	return `${n} different slips give exactly this number, and nothing you typed before tells them apart.`;
}

/** Two assessments that say the same to the learner (same verdict, reason, mistakes, carried values). */
export function sameAssessment(a: Assessment | undefined, b: Assessment | undefined): boolean {
	if (!a || !b) return a === b;
	const key = (x: Assessment) =>
		JSON.stringify([x.verdict, x.reason, x.slip, x.fullValue, x.carriedForward?.from, x.mistakes?.map((m) => m.id)]);
	return key(a) === key(b);
}
