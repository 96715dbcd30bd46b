import type { ModelSpec } from '$lib/nn';
import type { Claim } from './claims';
import type { Source } from './source';
import type { LabOptions } from '$lib/lab/protocol';

/** A lesson as the page receives it: plain, serialisable data. */
export type Lesson = {
	slug: string;
	/** Path from the project root, e.g. `content/02-backprop-step-by-step.md`. */
	file: string;
	title: string;
	order: number;
	summary: string;
	deck?: Deck;
	/** What the lesson follows: `source:` of the front matter, or `deck:` as a deck. */
	source?: Source;
	/** Significant digits a learner must give for a correct verdict. */
	minSignificant: number;
	/** Checked network and graph specs by name (`network` for a lesson's single `network:`). */
	networks: Record<string, ModelSpec>;
	/**
	 * The training quantities (E_total_after_k, P_after_k …) of each network with a data set, as
	 * the build computed them: the page uses them for the lesson's own numbers instead of
	 * training again on the main thread (lesson 130 trains 10,000 updates).
	 */
	training?: Record<string, Record<string, number>>;
	/** TeX labels by quantity name, overriding the defaults. */
	labels: Record<string, string>;
	printed: PrintedValue[];
	/** False when the instructor turned off "new numbers" (`variants: false`): the numbers are fixed. */
	variants: boolean;
	/** Checked claims of the prose (:claim[…]{holds="…"}): every variant drawn must keep them true. */
	claims?: Claim[];
	blocks: Block[];
};

export type Deck = { file: string; title: string; slides?: string };

/** A number a slide printed, beside the engine's value for the same quantity. */
export type PrintedValue = {
	quantity: string;
	network: string;
	value: number;
	/** As typed in the file: `0.50` keeps its two decimals. */
	text: string;
	slide?: number;
	/** The engine's value, in full. */
	engine: number;
	/** True when `text` is the engine value rounded to the printed digits. */
	agrees: boolean;
	/** True when it does not agree but is the engine value cut off (not rounded) at the printed digits. */
	cutOff: boolean;
	/** The engine's value at the printed places (more digits where the two would look the same). */
	rounded: string;
	/** Line of the entry in the lesson file. */
	line: number;
};

export type ExerciseBlock = {
	kind: 'exercise';
	id: string;
	network: string;
	ask: string[];
	promptHtml: string;
	hints: string[];
	solutionHtml?: string;
};

export type DerivationBlock = {
	kind: 'derivation';
	id: string;
	network: string;
	target: string;
	promptHtml: string;
	hints: string[];
	solutionHtml?: string;
};

/** Several rows of inputs through one network, each asking the same quantities (a truth table). */
export type TableBlock = {
	kind: 'table';
	id: string;
	network: string;
	/** The inputs each row sets, in column order; the network's other inputs keep their values. */
	inputs: string[];
	/** One number per input in each row. */
	rows: number[][];
	/** Forward quantities (net_X, out_X, E_X, E_total…) asked for every row. */
	ask: string[];
	promptHtml: string;
	hints: string[];
	solutionHtml?: string;
};

/** A live training run of one network (a :::training block): it asks nothing. */
export type TrainingBlock = {
	kind: 'training';
	id: string;
	/** The lesson's network it trains; absent when it trains a generated model. */
	network?: string;
	/** A generated data set (src/lib/lab/datasets.ts); without it the network's data, else its own example. */
	dataset?: { name: string; seed: number };
	/** A generated model (src/lib/lab/models.ts) instead of a network: the worker builds it from the name and seed. */
	model?: { name: string; seed: number };
	options: LabOptions;
	/** The pictures, in the author's order: loss, map, gradients, parameters. */
	show: string[];
	captionHtml: string;
};

export type Block = { kind: 'prose'; html: string } | ExerciseBlock | DerivationBlock | TableBlock | TrainingBlock;

/** What the catalogue shows of a lesson. */
export type LessonSummary = Pick<Lesson, 'slug' | 'title' | 'order' | 'summary' | 'deck' | 'source'>;
