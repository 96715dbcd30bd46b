// What a screen reader says for an answer box: the step and its block in words, not MathML read
// letter by letter nor a code name.
import { quantitySpeech } from '$lib/derivation';
import { parseQuantity } from '$lib/nn/quantity';

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
export function answerName({ index, count, block, quantity }: AnswerPlace): string {
	const what = quantitySpeech(quantity);
	if (block.kind === 'table') return `Row ${block.row}, table: ${what}`;
	const step = `Step ${index} of ${count}`;
	if (block.kind === 'exercise') return `${step}, exercise: ${what}`;
	const target = parseQuantity(block.target);
	const of = target.kind === 'updated' ? target.parameter : quantitySpeech(block.target);
	return `${step}, derivation of ${of}: ${what}`;
}

/** Distinct names for the blocks' regions: "Exercise 2: net_h1 and out_h1", "Derivation of w5". */
export function regionName(block: { kind: 'exercise'; ask: string[]; number: number } | { kind: 'derivation'; target: string }): string {
	if (block.kind === 'exercise') return `Exercise ${block.number}: ${listOf(block.ask.map(quantitySpeech))}`;
	const target = parseQuantity(block.target);
	return `Derivation of ${target.kind === 'updated' ? target.parameter : quantitySpeech(block.target)}`;
}

function listOf(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
