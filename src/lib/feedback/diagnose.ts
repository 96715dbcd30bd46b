// Names the mistake behind a wrong number: the learner's value matches that mistake's value.
import { judge, type JudgeOptions, type Reading } from '$lib/answers';
import type { Steps } from '$lib/derivation';
import { candidates, engineValue, type Candidate } from './catalogue';
import { chainOf } from './evaluate';
import type { Diagnosis } from './types';

/**
 * The mistakes whose value for `quantity` the reading matches (judged by the same rule as a right
 * answer) and which differ from the correct value by more than the typed digits' rounding. All
 * of them when several give the same number. Never any for a reading judged correct.
 */
export function diagnose(steps: Steps, quantity: string, reading: Reading, options: JudgeOptions = {}): Diagnosis[] {
	const correct = engineValue(steps, quantity);
	if (!reading.ok || !Number.isFinite(correct)) return [];
	if (judge(reading, correct, options).verdict === 'correct') return [];
	return candidates(steps, quantity)
		.filter((c) => differs(c.value, correct, reading) && judge(reading, c.value, options).verdict === 'correct')
		.map((c) => describe(steps, quantity, c));
}

/** Could the learner's digits tell `a` from `b`? */
function differs(a: number, b: number, reading: Extract<Reading, { ok: true }>): boolean {
	const gap = Math.abs(a - b);
	if (reading.digits.exact) return gap > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
	return gap > 10 ** -reading.digits.decimals / 2;
}

/** Equal but for float noise from recomputing. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

function describe(steps: Steps, quantity: string, { mistake, value, under }: Candidate): Diagnosis {
	const chain = chainOf(steps, quantity);
	const touched = chain.filter((s) => mistake.alter(s, steps) !== undefined);
	// Explain at the nearest step where the slip shows in the numbers.
	const site = touched.find((s) => !same(under(s.quantity), engineValue(steps, s.quantity))) ?? touched[0];
	const asked = chain[0];
	let explanation = mistake.title + '.';
	if (site && asked) {
		const text = mistake.explanation(site, { steps, asked, under });
		if (!/NaN|undefined/.test(text)) explanation = text;
	}
	return { id: mistake.id, title: mistake.title, explanation, value };
}
