import type { Example, NetworkSpec, TrainingMode } from '$lib/nn/schema';

/** What a training lab may change while it runs; each change applies from the next update. */
export type LabOptions = {
	mode: TrainingMode;
	/** Learning rate η, above 0. */
	rate: number;
	/** λ of the momentum rule, 0 ≤ λ < 1; 0 is plain gradient descent. */
	momentum: number;
	/** Epochs to train before stopping by itself (the progress bar's end). */
	epochs: number;
	/** Incremental mode: visit the examples in a new seeded order each epoch. */
	shuffle: boolean;
	seed: number;
	/** Epochs per second to show the run at; 0 is as fast as the machine goes. */
	speed: number;
};

/** Where the examples come from: a named generator of `datasets.ts`, else the given list. */
export type LabData = { kind: 'examples'; examples: Example[] } | { kind: 'generated'; name: string; seed: number };

/** A generated model of `models.ts`, named with its seed: the worker builds its spec and examples itself. */
export type LabModel = { name: string; seed: number };

/** Main thread → worker. */
export type ToWorker =
	| { type: 'init'; spec: NetworkSpec; data: LabData; options: LabOptions }
	| { type: 'init'; model: LabModel; options: LabOptions }
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'resume' }
	| { type: 'step' }
	| { type: 'reset' }
	| { type: 'options'; options: Partial<LabOptions> };

/** Points appended to a series since the last message, or (replace) the whole decimated series. */
export type SeriesDelta = { replace: boolean; points: number[][] };

/** For a two-input network: the outputs over a grid of the input plane. */
export type OutputGrid = {
	/** Cells per side; cell (i, j) is at x = x0 + (i + ½)·(x1 − x0)/size, y likewise. */
	size: number;
	bounds: Bounds;
	/** Per output, size × size values, row j (y, from the bottom) after row j − 1. */
	values: number[][];
};

export type Bounds = { x0: number; x1: number; y0: number; y1: number };

/** Sent once after init: what the page needs to label and draw the run. */
export type ReadyMessage = {
	type: 'ready';
	inputs: string[];
	outputs: string[];
	layers: number;
	examples: number;
	/** Two-input networks: each example's two inputs and its targets (at most MAX_POINTS of them). */
	points?: { x: number; y: number; targets: number[] }[];
	bounds?: Bounds;
};

/** Sent after each time slice and on every command. */
export type ProgressMessage = {
	type: 'progress';
	running: boolean;
	/** The epochs target was reached. */
	done: boolean;
	updates: number;
	epochs: number;
	/** E_total over the data set at the last recorded point. */
	loss: number;
	/**
	 * The share of the data set classified right (0 to 1) at the same point; only when every
	 * target is 0 or 1 (one output: above 0.5 is class 1; several: the largest output).
	 */
	accuracy?: number;
	/** [update, E_total] points. */
	history: SeriesDelta;
	/** [update, ‖∇‖ of layer 1, …, layer L] points: the gradient's size per layer at that update. */
	gradients: SeriesDelta;
	parameters?: Record<string, number>;
	grid?: OutputGrid;
};

/** Training was stopped: the error or a gradient stopped being a finite number, or the input was bad. */
export type ErrorMessage = { type: 'error'; message: string; updates: number };

export type FromWorker = ReadyMessage | ProgressMessage | ErrorMessage;

/** At most this many data points are sent for drawing (an even sample of a larger set). */
export const MAX_POINTS = 2000;
