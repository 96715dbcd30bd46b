import { judge, readAnswer } from '$lib/answers';
import { assess, chainOf, sameAssessment, type AssessInput, type Assessment, type Printed } from '$lib/feedback';
import type { Step, Steps } from '$lib/derivation';
import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import type { Entry as SavedEntry } from '$lib/progress';
import { lessonSteps } from './steps';
import { askedKeys, cellQuantity, key, splitKey } from './asked';
import { variantNetworks } from './variant';
import type { Lesson, TableBlock } from './types';

/** Where a session keeps its entries between visits (the browser's storage, see $lib/progress). */
export type Persistence = {
	load(): Record<string, SavedEntry>;
	save(key: string, entry: SavedEntry): void;
};

/** A learner's work on one asked quantity. */
export type Entry = {
	text?: string;
	judgement?: Assessment;
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
	readonly traces: Record<string, Trace> = {};
	steps: Record<string, Steps>;
	private readonly labels: Record<string, string>;
	private readonly tables: TableBlock[];
	entries: Record<string, Entry> = $state({});
	/** Every quantity some block asks the learner for, as `network:quantity` keys. */
	private readonly asked: ReadonlySet<string>;
	private readonly minSignificant: number;
	/** The slides' numbers per network, for the lesson's own numbers only: a variant's differ. */
	private readonly printed: Record<string, Printed[]> = {};

	/** The networks as this session computes them: the lesson's own, or a variant's new numbers. */
	networks: Record<string, ModelSpec>;
	/** True when no good new numbers were found for this seed: the lesson's own are shown. */
	fallback = false;
	private persistence?: Persistence;

	/** `variant`: the seed of "new numbers" (`?variant=17`), or null for the lesson's own. */
	constructor(
		lesson: Pick<Lesson, 'networks' | 'blocks' | 'labels' | 'minSignificant'> & Partial<Pick<Lesson, 'printed' | 'claims' | 'training'>>,
		readonly variant: number | null = null
	) {
		this.minSignificant = lesson.minSignificant;
		this.labels = lesson.labels;
		this.tables = lesson.blocks.filter((b): b is TableBlock => b.kind === 'table');
		// What is asked depends on the structure only, so the lesson's own networks tell it.
		this.networks = lesson.networks;
		this.steps = this.computeSteps(lesson.training);
		this.asked = new Set(askedKeys(lesson.blocks, this.steps));
		if (variant !== null) {
			const drawn = variantNetworks(lesson.networks, [...this.asked], variant, lesson.claims ?? []);
			this.networks = drawn.networks;
			this.fallback = drawn.fallback;
			this.steps = this.computeSteps();
		}
		if (variant === null || this.fallback)
			for (const p of lesson.printed ?? []) (this.printed[p.network] ??= []).push({ quantity: p.quantity, value: p.value, text: p.text, ...(p.slide === undefined ? {} : { slide: p.slide }) });
	}

	/** Everything `assess` reads of this session for one answer. */
	private assessing(network: string, quantity: string, text: string): AssessInput {
		const steps = this.steps[network] as Steps;
		return { steps, quantity, text, earlier: this.earlierValues(network, quantity), minSignificant: this.minSignificant, printed: this.printed[network] ?? [] };
	}

	/** `training`: the build's training quantities, for the lesson's own networks only. */
	private computeSteps(training?: Lesson['training']): Record<string, Steps> {
		const { traces, steps } = lessonSteps(this.networks, this.labels, training);
		Object.assign(this.traces, traces);
		return steps;
	}

	step(network: string, quantity: string): Step | undefined {
		return this.steps[network]?.step(quantity);
	}

	derivation(network: string, target: string): Step[] {
		return this.steps[network]?.derivation(target) ?? [];
	}

	/** The engine's value of any quantity of a network, targets included; undefined if none. */
	valueOf(network: string, quantity: string): number | undefined {
		try {
			return this.steps[network]?.value(quantity);
		} catch {
			return undefined;
		}
	}

	expected(network: string, quantity: string): number {
		return this.traces[network]?.[quantity] as number;
	}

	entry(network: string, quantity: string): Entry {
		return this.entries[key(network, quantity)] ?? EMPTY;
	}

	/**
	 * Judges what the learner typed: against the engine's value, then against their own earlier
	 * values (error carried forward), then against the known mistakes. Every other answer of the
	 * network that was built on this one is judged again: a carried-forward ✓ that no longer holds
	 * becomes a plain verdict, and a later answer that now fits is accepted; the counts follow.
	 * Each check gives a new judgement object, so checking again re-announces the verdict.
	 */
	check(network: string, quantity: string, text: string): Assessment {
		const judgement = this.judgeEntry(network, quantity, text);
		this.rejudgeAfter(network, quantity);
		return judgement;
	}

	/** Judges one answer against the engine and the learner's other answers, without re-judging others. */
	private judgeEntry(network: string, quantity: string, text: string): Assessment {
		const judgement = assess(this.assessing(network, quantity, text));
		this.update(network, quantity, { text, judgement });
		return judgement;
	}

	/** Judges again every answer of `network` whose value is computed from `changed`. */
	private rejudgeAfter(network: string, changed: string): void {
		const steps = this.steps[network];
		if (!steps) return;
		for (const [k, entry] of Object.entries(this.entries)) {
			const [n, quantity] = splitKey(k);
			if (n !== network || quantity === changed || quantity.includes('@') || !entry.text) continue;
			if (!chainOf(steps, quantity).some((s) => s.quantity === changed)) continue;
			const judgement = assess(this.assessing(network, quantity, entry.text));
			// Unchanged verdicts keep their object: nothing is announced again.
			if (!sameAssessment(judgement, entry.judgement)) this.update(network, quantity, { judgement });
		}
	}

	/**
	 * What the learner typed for the network's other quantities (table cells aside), right or wrong:
	 * feedback judges each against the engine, and reads the precision they were typed with.
	 */
	private earlierValues(network: string, except: string): Record<string, string> {
		const earlier: Record<string, string> = {};
		for (const [k, entry] of Object.entries(this.entries)) {
			const [n, quantity] = splitKey(k);
			if (n !== network || quantity === except || quantity.includes('@') || !entry.text) continue;
			earlier[quantity] = entry.text;
		}
		return earlier;
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

	/** True when some block of the lesson asks the learner for this quantity. */
	isAsked(network: string, quantity: string): boolean {
		return this.asked.has(key(network, quantity));
	}

	/** The quantities of one network that the lesson asks for. */
	askedOf(network: string): string[] {
		return [...this.asked].map(splitKey).filter(([n]) => n === network).map(([, q]) => q);
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

	/**
	 * Restores saved work and saves from now on. Texts are judged again (reasons follow the current
	 * rules) once all of them are back, so an answer carried forward from an earlier one stays so.
	 */
	attach(persistence: Persistence): void {
		const saved = Object.entries(persistence.load()).filter(([k]) => this.asked.has(k)); // drop what the lesson no longer asks
		for (const [k, entry] of saved) {
			const [network, quantity] = splitKey(k);
			this.update(network, quantity, { text: entry.text, hintsShown: entry.hintsShown ?? 0, revealed: entry.revealed ?? false });
		}
		for (const [k, entry] of saved) {
			const [network, quantity] = splitKey(k);
			if (entry.text && !quantity.includes('@')) this.judgeEntry(network, quantity, entry.text);
		}
		for (const block of this.tables) {
			block.rows.forEach((_, r) =>
				block.ask.forEach((q) => {
					const text = this.entry(block.network, cellQuantity(block, r, q)).text;
					if (text) this.checkCell(block, r, q, text);
				})
			);
		}
		this.persistence = persistence;
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

	/** The engine's trace of a table's row: the network with that row's inputs. */
	rowTrace(block: TableBlock, row: number): Trace {
		const cacheKey = `${block.id}/${row}`;
		let trace = this.rowTraces.get(cacheKey);
		if (!trace) {
			const spec = this.networks[block.network] as ModelSpec & { kind: 'network' };
			const inputs = Object.fromEntries(block.inputs.map((name, i) => [name, block.rows[row]?.[i] as number]));
			trace = traceModel(buildModel({ ...spec, inputs: { ...spec.inputs, ...inputs } }));
			this.rowTraces.set(cacheKey, trace);
		}
		return trace;
	}
	private readonly rowTraces = new Map<string, Trace>();

	/** A table cell is the quantity in one row: judged against that row's trace. */
	checkCell(block: TableBlock, row: number, quantity: string, text: string): Assessment {
		const judgement = judge(readAnswer(text), this.rowTrace(block, row)[quantity] as number, { minSignificant: this.minSignificant });
		this.update(block.network, cellQuantity(block, row, quantity), { text, judgement });
		return judgement;
	}
}

export { key, cellQuantity };
