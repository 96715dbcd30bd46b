// The numbers the lessons' prose states, against the engine: issue 13 found three slips that the
// engine's own checks could not see (they were in sentences, not in `printed:` or `\val`).
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SlideNote from '$lib/components/lesson/SlideNote.svelte';
import { parseValName, renderTex } from '$lib/katex';
import { buildModel, traceModel, type Trace } from '$lib/nn';
import { parseLesson, type Lesson } from '$lib/server/lessons';

function lessonAt(file: string): { text: string; lesson: Lesson; trace: Trace } {
	const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
	const lesson = parseLesson(text, file);
	const spec = lesson.networks.network;
	if (!spec) throw new Error(`${file}: no network`);
	return { text, lesson, trace: traceModel(buildModel(spec)) };
}

/** A quantity of a trace, which must be there. */
function value(trace: Trace, quantity: string): number {
	const x = trace[quantity];
	if (typeof x !== 'number') throw new Error(`${quantity} is not traced`);
	return x;
}

const deck004 = lessonAt('content/70-backprop-deck-004.md');
const mazur = lessonAt('content/60-backprop-step-by-step.md');

/** The paragraph of the lesson's markdown body that contains `words`. */
function paragraphWith(text: string, words: string): string {
	const found = text.split(/\n\s*\n/).filter((p) => p.includes(words));
	expect(found, `one paragraph with “${words}”`).toHaveLength(1);
	return (found[0] as string).replace(/\s*\n\s*/g, ' ');
}

/** The sentences of a paragraph (a full stop that ends a sentence is followed by a space and a capital). */
const sentences = (paragraph: string) => paragraph.split(/(?<=[.!?)])\s+(?=[A-Z(])/);

/** A number as printed to `places` decimals, rounded or cut off (toward zero). */
const atPlaces = (x: number, places: number, cut = false) =>
	cut ? (Math.trunc(x * 10 ** places + 1e-6) / 10 ** places).toFixed(places) : x.toFixed(places);

/** The text a formula shows, with every `\val` filled in from the trace (nothing hidden). */
function shown(tex: string, trace: Trace): string[] {
	const html = renderTex(tex, { values: (name) => trace[parseValName(name).quantity] });
	return [...html.matchAll(/<mn>([^<]*)<\/mn>/g)].map((m) => m[1] as string);
}

/** The visible text of some server-rendered HTML. */
const textOf = (html: string) => html.replace(/<!--.*?-->/g, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

describe('statement 1: a cut-off slide note sets numbers of the slide’s own length side by side', () => {
	it('deck 004, slide 16 prints 0.221495709: the note gives the engine value cut off at nine decimals, and rounded', () => {
		const slide16 = deck004.lesson.printed.find((p) => p.slide === 16);
		expect(slide16).toMatchObject({ quantity: 'dout_o1/dnet_o1', text: '0.221495709', cutOff: true });
		const note = textOf(render(SlideNote, { props: { printed: slide16! } }).body);
		const engine = value(deck004.trace, 'dout_o1/dnet_o1');
		expect(note).toContain(`${atPlaces(engine, 9, true)}…`); // 0.221495709…, the engine's value cut off
		expect(note).toContain(`rounded: ${atPlaces(engine, 9)}`); // 0.221495710
		expect(note).not.toContain(engine.toPrecision(6)); // 0.221496 was the old, shorter number
	});

	it('every cut-off note of lessons 60 and 70 writes each number with the slide’s decimals', () => {
		const cutOff = [...mazur.lesson.printed, ...deck004.lesson.printed].filter((p) => p.cutOff);
		expect(cutOff.length).toBeGreaterThanOrEqual(3);
		for (const printed of cutOff) {
			const places = printed.text.split('.')[1]?.length ?? 0;
			const note = textOf(render(SlideNote, { props: { printed } }).body);
			const numbers = note.match(/\d+\.\d+/g) ?? [];
			expect(numbers.length, note).toBeGreaterThanOrEqual(3);
			for (const n of numbers) expect(n.split('.')[1], `${note}: ${n}`).toHaveLength(places);
			expect(note).toContain(`${atPlaces(printed.engine, places, true)}…`);
		}
	});

	it('deck 004, slide 16: the numbers the prose types beside the slide’s are the engine’s', () => {
		const paragraph = paragraphWith(deck004.text, 'Slide 16 prints');
		const [out_o1, slope] = ['out_o1', 'dout_o1/dnet_o1'].map((q) => value(deck004.trace, q)) as [number, number];
		expect(paragraph).toContain(`$${atPlaces(out_o1, 10)} \\cdot (1 - ${atPlaces(out_o1, 10)})$`);
		expect(paragraph).toContain(`is $${atPlaces(slope, 10)}$`);
		expect(paragraph).toContain(`rounding it to $${atPlaces(slope, 9)}$`);
	});
});

describe('statement 2: deck 004, how many times smaller the w1 gradient is', () => {
	const paragraph = paragraphWith(deck004.text, 'Compare the two gradients');
	const claims = sentences(paragraph)
		.map((sentence) => ({ sentence, times: /about (\$[^$]+\$|\d[\d.]*) times/.exec(sentence)?.[1] }))
		.filter((c): c is { sentence: string; times: string } => c.times !== undefined);
	const printed = (quantity: string) => deck004.lesson.printed.find((p) => p.quantity === quantity)?.value as number;
	const text = (quantity: string) => deck004.lesson.printed.find((p) => p.quantity === quantity)?.text;

	it('credits the slides with the ratio of their own printed gradients (about 112, not 245)', () => {
		const slides = claims.filter((c) => /slide/i.test(c.sentence));
		expect(slides, paragraph).toHaveLength(1);
		const ratio = printed('dE/dw5') / printed('dE/dw1'); // 0.08415504 / 0.000752411
		expect(slides[0]?.times.replace(/^\$(.*)\$$/, '$1')).toBe(ratio.toPrecision(3));
		// The gradients it quotes, if any, are the ones the slides print.
		for (const quoted of slides[0]?.sentence.match(/\d+\.\d+/g) ?? []) {
			expect([text('dE/dw5'), text('dE/dw1')], slides[0]?.sentence).toContain(quoted);
		}
	});

	it('quotes the engine’s ratio with \\val, so that it follows the numbers (about 245)', () => {
		const engine = claims.filter((c) => !/slide/i.test(c.sentence));
		expect(engine, paragraph).toHaveLength(1);
		const tex = engine[0]?.times.slice(1, -1) ?? '';
		expect(tex).toMatch(/^\\val/);
		const [w5, w1] = ['dE/dw5', 'dE/dw1'].map((q) => value(deck004.trace, q)) as [number, number];
		expect(shown(tex, deck004.trace)).toEqual([(w5 / w1).toPrecision(3)]);
	});
});

describe('statement 3: the 2-2-2 lesson, the net input of o1 on slide 18', () => {
	const paragraph = paragraphWith(mazur.text, 'Slide 18');
	const [w5, w6, b2, net_o1] = ['w5', 'w6', 'b2', 'net_o1'].map((q) => value(mazur.trace, q)) as [number, number, number, number];
	const printedText = (quantity: string) => mazur.lesson.printed.find((p) => p.quantity === quantity)?.text as string;
	// The slide's own four-decimal outputs (slides 15 and 17), with w6 where it belongs.
	const slideSum = Number(printedText('out_h1')) * w5 + Number(printedText('out_h2')) * w6 + b2;

	it('works the sum with w6 from the slide’s own outputs: 1.10584, which rounds to 1.1058', () => {
		// “which it cut off at four decimals”
		for (const q of ['out_h1', 'out_h2']) expect(mazur.lesson.printed.find((p) => p.quantity === q)).toMatchObject({ cutOff: true });
		expect(paragraph).toMatch(/cut off at four decimals/);
		const sum = `${printedText('out_h1')} \\cdot ${w5.toFixed(2)} + ${printedText('out_h2')} \\cdot ${w6.toFixed(2)} + ${b2.toFixed(2)}`;
		expect(paragraph).toContain(`$${sum} = ${atPlaces(slideSum, 5)}$`);
		expect(paragraph).toContain(`$${atPlaces(slideSum, 4)}$`);
	});

	it('says that the printed 1.1059 needs the unrounded outputs, as the engine computes it', () => {
		expect(atPlaces(net_o1, 4)).toBe(printedText('net_o1'));
		expect(atPlaces(slideSum, 4)).not.toBe(printedText('net_o1'));
		const about = sentences(paragraph).filter((s) => s.includes(`$${printedText('net_o1')}$`));
		expect(about.length, paragraph).toBeGreaterThan(0);
		for (const sentence of about) expect(sentence).toMatch(/unrounded/);
	});
});
