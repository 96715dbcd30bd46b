import type { Slip, Verdict } from '$lib/answers';
import type { Get, Step, Steps } from '$lib/derivation';

/** Evaluates one step's right-hand side, reading other quantities through `get`. */
export type Compute = (get: Get) => number;

/** What an explanation may look at: the asked step and the values under the mistake. */
export interface Scene {
	steps: Steps;
	asked: Step;
	/** Every quantity's value with the mistake made wherever it applies. */
	under: Get;
}

/**
 * A learner's slip, as data. `alter` says which steps it touches (by kind, neuron, parameter,
 * what they read) and how it computes them instead; everything downstream follows through
 * valuesUnder. Graph mistakes are written the same way, against graph step kinds.
 */
export interface Mistake {
	id: string;
	title: string;
	/**
	 * True for a slip of reading rather than of understanding (a weight from another connection,
	 * one neuron's bias): named when it explains a number, but a variant where it hardly changes an
	 * answer is not degenerate for it (see mistakeCollisions).
	 */
	misreading?: boolean;
	/** The mistaken rule for `step`, or undefined where this mistake leaves the step alone. */
	alter(step: Step, steps: Steps): Compute | undefined;
	/**
	 * One short, kind sentence about `site`, the step where the slip happens: text with inline TeX
	 * (`$…$`) in the lesson's notation (`steps.tex`), never code names such as net_h1.
	 */
	explanation(site: Step, scene: Scene): string;
	/**
	 * For a quantity with no step of its own (a gradient check, a batch sum read off the trace):
	 * the mistaken value, computed from the engine's other values, or undefined where it does not apply.
	 */
	direct?: {
		value(steps: Steps, quantity: string): number | undefined;
		explanation(steps: Steps, quantity: string): string;
	};
}

/** A number a slide printed for a quantity (the lesson's `printed:` list), as the lesson records it. */
export interface Printed {
	quantity: string;
	value: number;
	/** As the slide prints it, trailing zeros included. */
	text?: string;
	slide?: number;
}

/** A mistake that explains what the learner typed. */
export interface Diagnosis {
	id: string;
	title: string;
	explanation: string;
	/** The asked quantity's value under this mistake. */
	value: number;
}

export interface Assessment {
	verdict: Verdict;
	reason: string;
	/** The kind of near miss (see $lib/answers): the verdict's heading says it. */
	slip?: Slip;
	/** After a right answer typed rounded: the engine's full value, which later steps use. */
	fullValue?: number;
	/** Set when the answer is right given the learner's own (wrong) earlier values. */
	carriedForward?: { from: string[] };
	mistakes?: Array<{ id: string; title: string; explanation: string }>;
}
