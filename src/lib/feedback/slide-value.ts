// A number a slide prints wrongly, copied by the learner: named as the slide's slip, kindly, and
// with the slip the slide made where the engine can tell which (slide 15's w3 for w2).
import { judge, readAnswer, type JudgeOptions, type Reading } from '$lib/answers';
import type { Steps } from '$lib/derivation';
import { candidates, engineValue } from './catalogue';
import type { Diagnosis, Printed } from './types';
import { name } from './words';

export const SLIDE_VALUE = 'slide-value';

/** The printed entry the learner's number copies, among the ones that disagree with the engine. */
export function slideValue(steps: Steps, quantity: string, reading: Reading, printed: readonly Printed[], options: JudgeOptions): Diagnosis | undefined {
	const right = engineValue(steps, quantity);
	if (!reading.ok || !Number.isFinite(right)) return undefined;
	const wrong = printed.filter((p) => p.quantity === quantity && Number.isFinite(p.value) && !agrees(p, right));
	// The learner's digits must tell the slide's number from the right one.
	const copied = wrong.find((p) => judge(reading, p.value, options).verdict === 'correct' && judge(reading, right, options).verdict !== 'correct');
	if (!copied) return undefined;
	const where = copied.slide === undefined ? 'a slide' : `slide ${copied.slide}`;
	const printedAs = copied.text ?? String(copied.value);
	// A slip of the engine's catalogue that gives the slide's number to its printed digits.
	const printedReading = readAnswer(printedAs);
	const causes = printedReading.ok
		? candidates(steps, quantity).filter((c) => c.mistake.id !== 'sign-flipped' && judge(printedReading, c.value).verdict === 'correct')
		: [];
	const slips = causes.map((c) => lowerFirst(c.mistake.title)).join(' or ');
	const because = slips ? `: the slide itself slipped there (${slips})` : ', and the slide has a slip there';
	return {
		id: SLIDE_VALUE,
		title: `${where[0]?.toUpperCase()}${where.slice(1)}'s number copied`,
		explanation: `That is the number ${where} prints for ${name(steps, quantity)} (${printedAs})${because}. Copying it was reasonable; work it out from the formula instead.`,
		value: copied.value
	};
}

/** The slide's number is the engine's, rounded (or cut off) to the digits printed. */
function agrees(p: Printed, right: number): boolean {
	const r = readAnswer(p.text ?? String(p.value));
	return r.ok && judge(r, right).verdict === 'correct';
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);
