// The issue's "Done when" property: mistakes × quantities × variants × precisions (3 to 6
// significant digits) over the lesson networks, typed as a learner would (rounded to that
// precision, from the full numbers or from the page's 4-digit ones), checked both ways: the drawn
// mistake is named where the digits can tell it from the right value, and a right value typed at
// that precision is never named as a mistake.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber, judge, readAnswer } from '$lib/answers';
import { stepsFor, type Steps } from '$lib/derivation';
import { assess, diagnose, mistakeCollisions, mistakesFor } from '$lib/feedback';
import { evaluator } from '$lib/feedback/evaluate';
import { buildModel, modelsInFile, traceModel, type ModelSpec } from '$lib/nn';
import { variantNetworks } from '$lib/lessons/variant';

const FILES = {
	'deck 002 2-2-2': 'content/networks/mazur-2-2-2.yaml',
	'deck 004 2-2-2': 'content/networks/deck004-2-2-2.yaml',
	'gates graph': 'content/networks/deck001-gates-graph.yaml',
	'xyz graph': 'content/networks/graph-xyz.yaml'
};

const specOf = (file: string) => (modelsInFile(readFileSync(file, 'utf8'), file).get('network') as { spec: ModelSpec }).spec;

/** The quantities a learner is asked: every one with a step that is not simply given. */
function askedIn(steps: Steps): string[] {
	return steps.quantities().filter((q) => {
		const step = steps.step(q);
		return step !== undefined && !step.given && Number.isFinite(steps.value(q)) && steps.value(q) !== 0;
	});
}

/** The lesson's own numbers and three variants of each network, as the page draws them. */
const pool = Object.entries(FILES).flatMap(([title, file]) => {
	const spec = specOf(file);
	const own = stepsFor(buildModel(spec), traceModel(buildModel(spec)));
	const asked = askedIn(own);
	return [null, 1, 2, 3].map((seed) => {
		const drawn = seed === null ? spec : (variantNetworks({ network: spec }, asked.map((q) => `network:${q}`), seed).networks.network as ModelSpec);
		const model = buildModel(drawn);
		const steps = stepsFor(model, traceModel(model));
		return { title: `${title}, ${seed === null ? 'own numbers' : `variant ${seed}`}`, steps, asked: askedIn(steps) };
	});
});

const round = (x: number, digits: number) => (x === 0 ? 0 : Number(x.toPrecision(digits)));

/** What a learner types: the value in full, rounded to `digits`; or worked out from the page's 4-digit numbers. */
function typed(steps: Steps, quantity: string, digits: number, fromPage: boolean, alter?: ReturnType<typeof mistakesFor>[number]): string {
	const value = evaluator(steps, {
		...(alter ? { alter: (step) => alter.alter(step, steps) } : {}),
		...(fromPage ? { carry: (_: string, x: number) => round(x, 4) } : {})
	})(quantity);
	return formatNumber(value, digits, true);
}

/** A unit of the `digits`-th significant digit of x. */
const unit = (x: number, digits: number) => 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);

const draw = fc
	.record({
		at: fc.nat({ max: pool.length - 1 }),
		q: fc.nat(),
		m: fc.nat(),
		digits: fc.integer({ min: 3, max: 6 }),
		fromPage: fc.boolean()
	})
	.map(({ at, q, m, digits, fromPage }) => {
		const { title, steps, asked } = pool[at] as (typeof pool)[number];
		const quantity = asked[q % asked.length] as string;
		const mistakes = mistakesFor(steps, quantity);
		return { title, steps, quantity, mistake: mistakes.length ? mistakes[m % mistakes.length] : undefined, digits, fromPage };
	});

describe('mistakes × quantities × variants × precisions, both ways', () => {
	test('every network of the pool has quantities and mistakes to draw', () => {
		for (const { title, steps, asked } of pool) {
			expect(asked.length, title).toBeGreaterThan(3);
			expect(asked.some((q) => mistakesFor(steps, q).length > 2), title).toBe(true);
		}
	});

	test('a right value typed at 3 to 6 digits, from full or page numbers, is never named as a mistake', () => {
		fc.assert(
			fc.property(draw, ({ title, steps, quantity, digits, fromPage }) => {
				const text = typed(steps, quantity, digits, fromPage);
				const found = diagnose(steps, quantity, readAnswer(text)).map((d) => d.id);
				expect(found, `${title}: ${quantity} typed ${text}`).toEqual([]);
			}),
			{ numRuns: 1500 }
		);
	}, 300_000); // a generous limit for a loaded machine, not a timing assertion

	test('the drawn mistake is named where its digits tell it from the right value', () => {
		let checked = 0;
		fc.assert(
			fc.property(draw, ({ title, steps, quantity, mistake, digits, fromPage }) => {
				if (!mistake) return;
				const right = steps.value(quantity);
				const text = typed(steps, quantity, digits, fromPage, mistake);
				const reading = readAnswer(text);
				const mistaken = evaluator(steps, { alter: (step) => mistake.alter(step, steps) })(quantity);
				// Distinguishable: not a collision at these digits, apart by more than a unit of the typed
				// digits, and not what the right rule gives from numbers rounded as the page shows them
				// (4 digits) or as the learner typed them: that is rounding, never a named mistake.
				if (!Number.isFinite(mistaken) || Math.abs(mistaken - right) <= unit(right, digits)) return;
				if (mistakeCollisions(steps, [quantity], digits).includes(`${quantity}: ${mistake.id}`)) return;
				const rightWays = [4, digits].map((d) => evaluator(steps, { carry: (_: string, x: number) => round(x, d) })(quantity));
				if ([right, ...rightWays].some((v) => judge(reading, v).verdict === 'correct')) return;
				checked++;
				const found = diagnose(steps, quantity, reading).map((d) => d.id);
				expect(found, `${title}: ${quantity} typed ${text} (${mistake.id}, ${fromPage ? 'page numbers' : 'full'})`).toContain(mistake.id);
			}),
			{ numRuns: 2000 }
		);
		expect(checked).toBeGreaterThan(100);
	}, 300_000);
});

describe('guesses are never passed off as right or "Almost"', () => {
	test('0, 1, (0.5935) and 0x10 for every asked quantity of the pool, where the value is not that', () => {
		for (const { title, steps, asked } of pool)
			for (const quantity of asked)
				for (const [text, value] of [['0', 0], ['1', 1], ['(0.5935)', 0.5935], ['0x10', 16]] as const) {
					const right = steps.value(quantity);
					// "Where the value is not that": 0 for 0.3775 and 1 for 0.75 count; 1 for 1 does not, and
					// neither does 1 for 1.106, right to its one digit and within 10 % (the answers rule:
					// "Almost", too few digits).
					const gap = Math.abs(right - value);
					if (gap <= 1e-9 || (text === '1' && gap <= 0.5 && gap <= 0.1 * Math.abs(right))) continue;
					const a = assess({ steps, quantity, text });
					expect(['correct', 'close'], `${title}: ${quantity} = ${right}, typed ${text}: ${a.reason}`).not.toContain(a.verdict);
				}
	}, 300_000);
});
