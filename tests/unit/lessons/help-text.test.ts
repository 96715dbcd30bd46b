import { describe, expect, it } from 'vitest';
import { acceptedPrecision, judge, readAnswer } from '$lib/answers';
import { lessonSteps } from '$lib/lessons/steps';
import { loadLessonsFromDisk } from '$lib/server/lessons';

// What the page says about unreadable input and about the precision needed must never give an
// answer away: no number or expression it quotes as an example may pass for a value a lesson asks.

const UNREADABLE = ['abc', 'foo', 'x + 1', '1..2', '0x10', '(', '1/0', 'e^', 'sqrt(-1)', '1e999', ''];

/** The examples a message gives: every word of it that reads as a number, the learner’s own text (in “…”) left out. */
function examplesIn(message: string): string[] {
	return message
		.replace(/“[^”]*”/g, ' ')
		.split(/\s+/)
		.map((w) => w.replace(/^[("]+|[",.;:)]+$/g, ''))
		.filter((w) => w !== '' && readAnswer(w).ok);
}

describe('help text never quotes an accepted answer', () => {
	const lessons = loadLessonsFromDisk();
	const messages = UNREADABLE.map((typed) => {
		const reading = readAnswer(typed);
		expect(reading.ok, typed).toBe(false);
		return { typed, message: reading.ok ? '' : reading.message };
	});
	const examples = [...new Set(messages.flatMap(({ typed, message }) => examplesIn(message)))];

	it('finds the examples the messages give (so that the check below checks something)', () => {
		expect(examples).toContain('1.234');
	});

	it('has no example that is right, or almost, for any value of any lesson', () => {
		const hits: string[] = [];
		for (const lesson of lessons) {
			const { steps } = lessonSteps(lesson.networks, lesson.labels);
			for (const [network, s] of Object.entries(steps)) {
				for (const quantity of s.quantities()) {
					const value = s.value(quantity);
					if (!Number.isFinite(value)) continue;
					for (const example of examples) {
						const { verdict } = judge(readAnswer(example), value, { minSignificant: lesson.minSignificant });
						if (verdict === 'correct' || verdict === 'close') hits.push(`${lesson.slug} ${network}:${quantity} = ${value} accepts ${example}`);
					}
				}
			}
		}
		expect(hits).toEqual([]);
	});

	it('says the precision by a count of digits, never with a value', () => {
		for (const n of [1, 3, 4, 17]) expect(acceptedPrecision(n)).not.toMatch(/\d[.,]\d|\d\/\d/);
	});
});
