// The whole verdict on one typed answer: right; right given the learner's own earlier numbers;
// wrong in a way the tutor can name; or the plain judgement.
import { formatNumber, judge, readAnswer, type JudgeOptions, type Reading } from '$lib/answers';
import type { Steps } from '$lib/derivation';
import { engineValue } from './catalogue';
import { diagnose } from './diagnose';
import { evaluator, stepOf } from './evaluate';
import type { Assessment, Diagnosis } from './types';
import { list, say } from './words';

export interface AssessInput {
	steps: Steps;
	quantity: string;
	text: string;
	/** The learner's readable values for other quantities on the page. */
	earlier?: Readonly<Record<string, number>>;
	minSignificant?: number;
}

export function assess({ steps, quantity, text, earlier = {}, minSignificant }: AssessInput): Assessment {
	const options: JudgeOptions = minSignificant === undefined ? {} : { minSignificant };
	const reading = readAnswer(text);
	const plain = judge(reading, engineValue(steps, quantity), options);
	if (plain.verdict === 'correct' || !reading.ok) return plain;
	const carried = carryForward(steps, quantity, reading, earlier, options);
	if (carried) return carried;
	const found = diagnose(steps, quantity, reading, options);
	if (found.length === 0) return plain;
	return {
		verdict: 'incorrect',
		reason: reasonFor(found),
		mistakes: found.map(({ id, title, explanation }) => ({ id, title, explanation }))
	};
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
	const values = list(from.map((n) => `${say(n)} (${formatNumber(earlier[n] as number, 6)})`));
	const reason =
		from.length === 1
			? `Consistent with your earlier value of ${values}; that one is still marked.`
			: `Consistent with your earlier values of ${values}; those are still marked.`;
	return { verdict: 'correct', reason, carriedForward: { from } };
}

const COUNT = ['', 'One', 'Two', 'Three', 'Four', 'Five'];

function reasonFor(found: Diagnosis[]): string {
	const [first] = found;
	if (found.length === 1 && first) return first.explanation;
	const n = COUNT[found.length] ?? String(found.length);
	return `${n} different slips give exactly this number. ${found.map((d) => d.explanation).join(' Or: ')}`;
}
