import { judge, readAnswer, type Judgement } from '$lib/answers';
import { stepsFor, type Step, type Steps } from '$lib/derivation';
import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import type { Entry as SavedEntry } from '$lib/progress';
import type { Block, Lesson } from '$lib/server/lessons/types';
import { drawVariant } from '$lib/variants';

/** Where a session keeps its entries between visits (the browser's storage, see $lib/progress). */
export type Persistence = {
	load(): Record<string, SavedEntry>;
	save(key: string, entry: SavedEntry): void;
};

/** A learner's work on one asked quantity. */
export type Entry = {
	text?: string;
	judgement?: Judgement;
	/** How many hints of the step are open: 1 the formula, 2 the numbers as well. */
	hintsShown: number;
	/** The worked step was shown: the step is done, but counts as revealed, not solved. */
	revealed: boolean;
};

const EMPTY: Entry = { hintsShown: 0, revealed: false };

/**
 * A learner's work on one lesson: the engine's steps for each network, and per asked quantity
 * what the learner typed, its verdict, the hints opened. UI state only; the maths lives in $lib.
 */
export class LessonSession {
	readonly traces: Record<string, Trace>;
	readonly steps: Record<string, Steps>;
	entries: Record<string, Entry> = $state({});
	/** Every quantity some block asks the learner for, as `network:quantity` keys. */
	private readonly asked: ReadonlySet<string>;
	private readonly minSignificant: number;

	/** The networks as this session computes them: the lesson's own, or a variant's new numbers. */
	readonly networks: Record<string, ModelSpec>;
	private persistence?: Persistence;

	/** `variant`: the seed of "new numbers" (`?variant=17`), or null for the lesson's own. */
	constructor(lesson: Pick<Lesson, 'networks' | 'blocks' | 'labels' | 'minSignificant'>, readonly variant: number | null = null) {
		this.minSignificant = lesson.minSignificant;
		// The same seed for each network of the lesson, so variant 17 is one consistent set.
		this.networks = Object.fromEntries(
			Object.entries(lesson.networks).map(([name, spec]) => [name, variant === null ? spec : drawVariant(spec, variant).spec])
		);
		const models = Object.entries(this.networks).map(([name, spec]) => [name, buildModel(spec)] as const);
		this.traces = Object.fromEntries(models.map(([name, m]) => [name, traceModel(m)]));
		this.steps = Object.fromEntries(
			models.map(([name, m]) => [name, stepsFor(m, this.traces[name] as Trace, lesson.labels)])
		);
		this.asked = new Set(lesson.blocks.flatMap((block) => this.askedIn(block)));
	}

	step(network: string, quantity: string): Step | undefined {
		return this.steps[network]?.step(quantity);
	}

	derivation(network: string, target: string): Step[] {
		return this.steps[network]?.derivation(target) ?? [];
	}

	expected(network: string, quantity: string): number {
		return this.traces[network]?.[quantity] as number;
	}

	entry(network: string, quantity: string): Entry {
		return this.entries[key(network, quantity)] ?? EMPTY;
	}

	check(network: string, quantity: string, text: string): Judgement {
		const judgement = judge(readAnswer(text), this.expected(network, quantity), {
			minSignificant: this.minSignificant
		});
		this.update(network, quantity, { text, judgement });
		return judgement;
	}

	showHint(network: string, quantity: string): void {
		this.update(network, quantity, { hintsShown: this.entry(network, quantity).hintsShown + 1 });
	}

	reveal(network: string, quantity: string): void {
		this.update(network, quantity, { revealed: true });
	}

	isSolved(network: string, quantity: string): boolean {
		return this.entry(network, quantity).judgement?.verdict === 'correct';
	}

	/** Done: solved, revealed, or never asked in this lesson (then it is simply shown). */
	isSettled(network: string, quantity: string): boolean {
		if (!this.asked.has(key(network, quantity))) return true;
		return this.isSolved(network, quantity) || this.entry(network, quantity).revealed;
	}

	/** How many asked values are solved or revealed, of how many. */
	get completion(): { done: number; total: number } {
		const done = [...this.asked].filter((k) => {
			const [network, quantity] = splitKey(k);
			return this.isSettled(network, quantity);
		}).length;
		return { done, total: this.asked.size };
	}

	/** Restores saved work (re-judging each text, so reasons follow the current rules) and saves from now on. */
	attach(persistence: Persistence): void {
		for (const [k, saved] of Object.entries(persistence.load())) {
			if (!this.asked.has(k)) continue; // the lesson changed since: drop what it no longer asks
			const [network, quantity] = splitKey(k);
			if (saved.text) this.check(network, quantity, saved.text);
			this.update(network, quantity, { hintsShown: saved.hintsShown ?? 0, revealed: saved.revealed ?? false });
		}
		this.persistence = persistence;
	}

	/** Forgets this session's work, on the page and in storage. */
	reset(): void {
		for (const k of Object.keys(this.entries)) delete this.entries[k];
	}

	private update(network: string, quantity: string, change: Partial<Entry>): void {
		const k = key(network, quantity);
		const entry = { ...(this.entries[k] ?? EMPTY), ...change };
		this.entries[k] = entry;
		this.persistence?.save(k, {
			text: entry.text ?? '',
			verdict: entry.judgement?.verdict ?? 'unreadable',
			revealed: entry.revealed,
			hintsShown: entry.hintsShown
		});
	}

	private askedIn(block: Block): string[] {
		if (block.kind === 'exercise') return block.ask.map((q) => key(block.network, q));
		if (block.kind === 'derivation') {
			return this.derivation(block.network, block.target)
				.filter((s) => !s.given)
				.map((s) => key(block.network, s.quantity));
		}
		return [];
	}
}

export const key = (network: string, quantity: string) => `${network}:${quantity}`;

/** Network names are identifiers, so the first colon separates them from the quantity. */
function splitKey(k: string): [string, string] {
	const at = k.indexOf(':');
	return [k.slice(0, at), k.slice(at + 1)];
}
