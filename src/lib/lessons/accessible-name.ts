// What a screen reader says for an answer box: the step and its block in words, not MathML read
// letter by letter nor a code name. Names follow the lesson's labels (E_total labelled L: "∂L/∂w5").
import { quantitySpeech, type Labels } from '$lib/derivation';
import { parseQuantity } from '$lib/nn/quantity';
import type { Block } from './types';

export type AnswerPlace = {
	/** 1-based position of the step in its block, and the number of steps. */
	index: number;
	count: number;
	/** The block: an exercise, a derivation (with its target), or a table (with the row). */
	block: { kind: 'exercise' } | { kind: 'derivation'; target: string } | { kind: 'table'; row: number };
	quantity: string;
};

/**
 * "Step 3 of 5, derivation of w5: ∂E_total/∂out_o1", "Step 1 of 2, exercise: net_h1",
 * "Row 2, table: out_o1". A derivation's target w5_new is named by its parameter (the derivation
 * of w5 ends in its update).
 */
export function answerName({ index, count, block, quantity }: AnswerPlace, labels: Labels = {}): string {
	const what = quantitySpeech(quantity, labels);
	if (block.kind === 'table') return `Row ${block.row}, table: ${what}`;
	const step = `Step ${index} of ${count}`;
	if (block.kind === 'exercise') return `${step}, exercise: ${what}`;
	return `${step}, derivation of ${targetName(block.target, labels)}: ${what}`;
}

type Named =
	| { kind: 'exercise'; ask: string[]; number: number }
	| { kind: 'derivation'; target: string }
	| { kind: 'table'; ask: string[]; number: number };

/** Distinct names for the blocks' regions: "Exercise 2: net_h1 and out_h1", "Derivation of w5". */
export function regionName(block: Named, labels: Labels = {}): string {
	const say = (q: string) => quantitySpeech(q, labels);
	if (block.kind === 'exercise') return `Exercise ${block.number}: ${listOf(block.ask.map(say))}`;
	if (block.kind === 'table') return `Table ${block.number}: ${listOf(block.ask.map(say))}`;
	return `Derivation of ${targetName(block.target, labels)}`;
}

/**
 * The region name of every asking block of a lesson, by block id. Exercises and tables are
 * numbered in order; a name that would repeat (two derivations of w5, in two networks) gets
 * "(second)", "(third)" … so that each landmark can be told apart.
 */
export function regionNames(blocks: Block[], labels: Labels = {}): Map<string, string> {
	const names = new Map<string, string>();
	const seen = new Map<string, number>();
	let exercises = 0;
	let tables = 0;
	for (const block of blocks) {
		if (block.kind !== 'exercise' && block.kind !== 'derivation' && block.kind !== 'table') continue;
		const base =
			block.kind === 'derivation'
				? regionName({ kind: 'derivation', target: block.target }, labels)
				: block.kind === 'exercise'
					? regionName({ kind: 'exercise', ask: block.ask, number: ++exercises }, labels)
					: regionName({ kind: 'table', ask: block.ask, number: ++tables }, labels);
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		names.set(block.id, n === 1 ? base : `${base} (${ordinal(n)})`);
	}
	return names;
}

const targetName = (target: string, labels: Labels) => {
	const parsed = parseQuantity(target);
	return parsed.kind === 'updated' ? quantitySpeech(parsed.parameter, labels) : quantitySpeech(target, labels);
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? `number ${n}`;

function listOf(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
