import type { Step } from '$lib/derivation';
import type { Assessment } from '$lib/feedback';
import { cellQuantity } from './asked';
import type { Block, DerivationBlock, ExerciseBlock, TableBlock } from './types';

/**
 * Finding one's way in a long lesson: which values each block asks, in which state the learner
 * has them, and which input to go to next. Pure functions over the lesson's blocks and what a
 * session knows; the step map, the summary and "Next open step" are drawn from them.
 */

/** Found: solved by the learner; revealed: the worked step was shown; open: still to find. */
export type StepState = 'found' | 'revealed' | 'open';

export type MapStep = {
	network: string;
	/** The asked quantity (a table cell's name includes its table and row). */
	quantity: string;
	/** The quantity as it is named in the block (a table cell's plain quantity). */
	name: string;
	/** Table cells: the row, from 1. */
	row?: number;
	/** The id of the step's input on the page. */
	inputId: string;
	state: StepState;
	/** Right given the learner's own wrong earlier values (error carried forward): which ones. */
	carriedFrom?: string[];
};

export type MapBlock = {
	id: string;
	kind: 'exercise' | 'derivation' | 'table';
	/** The heading the block stands under, or its kind and number where there is none. */
	title: string;
	steps: MapStep[];
};

/** What the map reads from a lesson session (LessonSession has all of it). */
export type SessionView = {
	entry(network: string, quantity: string): { revealed: boolean; judgement?: Pick<Assessment, 'verdict' | 'carriedForward'> };
	step(network: string, quantity: string): Pick<Step, 'given'> | undefined;
	derivation(network: string, target: string): Array<Pick<Step, 'quantity' | 'given'>>;
};

const safe = (quantity: string) => quantity.replace(/[^A-Za-z0-9_-]/g, '-');

/** The id of a step's input: its block's id and the quantity. */
export const stepInputId = (blockId: string, quantity: string) => `${blockId}-${safe(quantity)}`;

/** The id of a table cell's input: the table's id, the row (from 1) and the quantity. */
export const cellInputId = (blockId: string, row: number, quantity: string) => `${blockId}-r${row}-${safe(quantity)}`;

type StepsBlock = ExerciseBlock | DerivationBlock | TableBlock;
const isStepsBlock = (b: Block): b is StepsBlock => b.kind === 'exercise' || b.kind === 'derivation' || b.kind === 'table';

/** The quantities a block asks for, in page order (values read off the network are shown, not asked). */
export function askedIn(block: ExerciseBlock | DerivationBlock, session: Pick<SessionView, 'step' | 'derivation'>): string[] {
	if (block.kind === 'derivation') return session.derivation(block.network, block.target).filter((s) => !s.given).map((s) => s.quantity);
	return block.ask.filter((q) => !session.step(block.network, q)?.given);
}

function stateOf(session: SessionView, network: string, quantity: string): Pick<MapStep, 'state' | 'carriedFrom'> {
	const entry = session.entry(network, quantity);
	if (entry.judgement?.verdict === 'correct') {
		const from = entry.judgement.carriedForward?.from;
		return from?.length ? { state: 'found', carriedFrom: from } : { state: 'found' };
	}
	return { state: entry.revealed ? 'revealed' : 'open' };
}

/** Every block that asks something, with its steps and their states, in page order. */
export function stepMap(blocks: Block[], session: SessionView): MapBlock[] {
	const titles = blockTitles(blocks);
	return blocks.flatMap((block, i): MapBlock[] => {
		if (!isStepsBlock(block)) return [];
		const steps: MapStep[] =
			block.kind === 'table'
				? block.rows.flatMap((_, r) =>
						block.ask.map((name) => {
							const quantity = cellQuantity(block, r, name);
							return { network: block.network, quantity, name, row: r + 1, inputId: cellInputId(block.id, r + 1, name), ...stateOf(session, block.network, quantity) };
						})
					)
				: askedIn(block, session).map((quantity) => ({
						network: block.network,
						quantity,
						name: quantity,
						inputId: stepInputId(block.id, quantity),
						...stateOf(session, block.network, quantity)
					}));
		return steps.length > 0 ? [{ id: block.id, kind: block.kind, title: titles[i] as string, steps }] : [];
	});
}

const KIND = { exercise: 'Exercise', derivation: 'Derivation', table: 'Table' } as const;

/**
 * A title per block: the last heading of the prose before it; a second block under the same
 * heading gets its number ("…, part 2"); a block before any heading is named by its kind.
 */
export function blockTitles(blocks: Block[]): string[] {
	let heading: string | undefined;
	let under = 0;
	let count = 0;
	return blocks.map((block) => {
		if (block.kind === 'training') return ''; // asks nothing: no title among the steps
		if (block.kind === 'prose') {
			const found = lastHeading(block.html);
			if (found !== undefined) {
				heading = found;
				under = 0;
			}
			return '';
		}
		count++;
		under++;
		if (heading === undefined) return `${KIND[block.kind]} ${count}`;
		return under === 1 ? heading : `${heading}, part ${under}`;
	});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of the last h2–h4 in a block of the lesson build's HTML (headings hold no math). */
export function lastHeading(html: string): string | undefined {
	const headings = [...html.matchAll(/<h([2-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)];
	const inner = headings.at(-1)?.[2];
	if (inner === undefined) return undefined;
	const text = inner
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] as string)
		.replace(/\s+/g, ' ')
		.trim();
	return text || undefined;
}

/**
 * The index of the next open input after `current` in page order, wrapping around; -1 when
 * none is open. `current` -1 (no step has focus) starts from the top.
 */
export function nextOpenIndex(open: boolean[], current: number): number {
	const start = current < 0 ? 0 : current + 1;
	for (let k = 0; k < open.length; k++) {
		const i = (start + k) % open.length;
		if (open[i]) return i;
	}
	return -1;
}

export type LessonTally = {
	/** Distinct asked values (one asked in two blocks counts once). */
	total: number;
	found: number;
	revealed: number;
	open: number;
	/** Steps found with an error carried forward from the learner's own earlier values. */
	carried: MapStep[];
	/** Revealed steps, each once. */
	revealedSteps: MapStep[];
	/** The first open step, if any. */
	firstOpen?: MapStep;
};

/** Counts for the end-of-lesson summary, each value once even where two blocks ask it. */
export function tally(map: MapBlock[]): LessonTally {
	const seen = new Map<string, MapStep>();
	for (const block of map) for (const s of block.steps) if (!seen.has(`${s.network}:${s.quantity}`)) seen.set(`${s.network}:${s.quantity}`, s);
	const steps = [...seen.values()];
	const where = (state: StepState) => steps.filter((s) => s.state === state);
	return {
		total: steps.length,
		found: where('found').length,
		revealed: where('revealed').length,
		open: where('open').length,
		carried: steps.filter((s) => s.carriedFrom),
		revealedSteps: where('revealed'),
		firstOpen: where('open')[0]
	};
}
