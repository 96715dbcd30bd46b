import type { Steps } from '$lib/derivation';
import type { Block, TableBlock } from './types';

/** How a learner's work on one asked value is keyed: `network:quantity`. */
export const key = (network: string, quantity: string) => `${network}:${quantity}`;

/** The name under which a table cell is saved: the quantity, the table and the row. */
export const cellQuantity = (block: TableBlock, row: number, quantity: string) => `${quantity}@${block.id}.${row + 1}`;

/** Network names are identifiers, so the first colon separates them from the quantity. */
export function splitKey(k: string): [string, string] {
	const at = k.indexOf(':');
	return [k.slice(0, at), k.slice(at + 1)];
}

/**
 * Every value the learner is asked for in a lesson, as keys: each exercise's quantities, each
 * derivation step that is not simply read off the network, each cell of each table. The page
 * counts completion against it, and so does the catalogue.
 */
export function askedKeys(blocks: Block[], steps: Record<string, Steps>): string[] {
	const keys = blocks.flatMap((block): string[] => {
		// A value read off the network (a weight, an input, the 1 of a bias) is shown, not asked.
		if (block.kind === 'exercise') return block.ask.filter((q) => !steps[block.network]?.step(q)?.given).map((q) => key(block.network, q));
		if (block.kind === 'table') return block.rows.flatMap((_, r) => block.ask.map((q) => key(block.network, cellQuantity(block, r, q))));
		if (block.kind === 'derivation') {
			const derivation = steps[block.network]?.derivation(block.target) ?? [];
			return derivation.filter((s) => !s.given).map((s) => key(block.network, s.quantity));
		}
		return [];
	});
	return [...new Set(keys)];
}
