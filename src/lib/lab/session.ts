import type { Example, NetworkSpec } from '$lib/nn/schema';
import { examplesOf, namesOf } from './data';
import { classAccuracy, classReading } from './experiments/accuracy';
import { generateModel } from './models';
import { boundsOf, outputGrid, sample } from './grid';
import { MAX_POINTS, type Bounds, type FromWorker, type LabOptions, type ProgressMessage, type ReadyMessage, type ToWorker } from './protocol';
import { DecimatedSeries } from './series';
import { runSlice } from './slice';
import type { LabTrainer } from './trainer';

/** The options a trainer is built with (the tape's TrainOptions). */
export type TrainerOptions = { mode: LabOptions['mode']; rate: number; momentum?: number; shuffle?: boolean; seed?: number };

export type SessionDeps = {
	makeTrainer: (spec: NetworkSpec, examples: Example[], options: TrainerOptions) => LabTrainer;
	now: () => number;
	post: (message: FromWorker) => void;
	/** Runs `task` after `delay` ms (0: soon, after pending messages); returns a function that cancels it. */
	schedule: (task: () => void, delay: number) => () => void;
};

/** Milliseconds of training per slice, before the worker posts and reads its messages. */
export const SLICE_BUDGET = 12;
/** The heat map and parameters are sent at most this often (milliseconds) while running. */
export const PICTURE_INTERVAL = 250;
export const GRID_SIZE = 40;
/** While running, progress is posted at most this often (milliseconds): the page draws ~10 frames a second. */
export const REPORT_INTERVAL = 100;
/** Points kept per series; beyond it the series is thinned (see series.ts). */
export const SERIES_POINTS = 600;
/** Parameters are sent only for networks this small (a table of them is readable). */
export const MAX_SHOWN_PARAMETERS = 100;

/**
 * The worker's side of a training lab, free of the worker itself: it reads the page's messages,
 * trains in time slices and posts progress. Everything it needs from outside (the trainer, the
 * clock, posting, scheduling) is passed in, so tests drive it with fakes.
 */
export class LabSession {
	private spec?: NetworkSpec;
	private examples: Example[] = [];
	private options?: LabOptions;
	private trainer?: LabTrainer;
	/** Updates and epochs of trainers replaced by an options change. */
	private before = { updates: 0, epochs: 0 };
	private running = false;
	private failed = false;
	private cancel?: () => void;
	private history = new DecimatedSeries(SERIES_POINTS);
	private gradients = new DecimatedSeries(SERIES_POINTS);
	private bounds?: Bounds;
	/** The data set as rows for the accuracy, when its targets are class labels (0 or 1). */
	private classes?: { inputs: number[][]; targets: number[][] };
	/** The share classified right at the last recorded point (with `classes`). */
	private accuracy?: number;
	private pictureAt = -Infinity;
	private reportedAt = -Infinity;
	/** Where a paced run started: the clock and the update count then. */
	private paceFrom = { at: 0, updates: 0 };
	/** Milliseconds to wait when a paced run is ahead of its pace (about a frame). */
	static readonly PACE_WAIT = 16;

	constructor(private readonly deps: SessionDeps) {}

	handle(message: ToWorker): void {
		try {
			this.dispatch(message);
		} catch (e) {
			this.fail(e);
		}
	}

	private fail(e: unknown): void {
		this.stop();
		this.failed = true;
		this.deps.post({ type: 'error', message: e instanceof Error ? e.message : String(e), updates: this.updates });
	}

	private dispatch(message: ToWorker): void {
		if (message.type === 'init') {
			// A generated model is built here, from its name and seed: nothing of its size crosses from the page.
			if ('model' in message) {
				const { spec, examples } = generateModel(message.model.name, message.model.seed);
				return this.init(spec, examples, message.options);
			}
			return this.init(message.spec, examplesOf(message.spec, message.data), message.options);
		}
		if (!this.trainer || !this.options) throw new Error('the lab was sent a command before it was set up');
		if (message.type === 'start' || message.type === 'resume') {
			if (this.running || this.failed || this.done) return this.report(true);
			this.running = true;
			this.paceFrom = { at: this.deps.now(), updates: this.updates };
			this.report(true);
			this.cancel = this.deps.schedule(() => this.tick(), 0);
			return;
		}
		if (message.type === 'pause') {
			this.stop();
			this.record(true);
			return this.report(true);
		}
		if (message.type === 'step') {
			this.stop();
			if (this.failed) return this.report(true);
			this.trainer.step();
			if (this.record(true)) this.report(true);
			return;
		}
		if (message.type === 'reset') {
			this.stop();
			return this.rebuild(this.spec as NetworkSpec, true);
		}
		this.setOptions(message.options);
	}

	private init(spec: NetworkSpec, examples: Example[], options: LabOptions): void {
		this.stop();
		this.spec = spec;
		this.examples = examples;
		this.options = checkOptions(options);
		const { inputs, outputs } = namesOf(spec);
		const targets = examples.map((e) => outputs.map((o) => e.targets[o] as number));
		this.classes = classReading(targets) ? { inputs: examples.map((e) => inputs.map((i) => e.inputs[i] as number)), targets } : undefined;
		this.accuracy = undefined;
		let points: { x: number; y: number; targets: number[] }[] | undefined;
		if (inputs.length === 2) {
			const [a, b] = inputs as [string, string];
			points = sample(examples, MAX_POINTS).map((e) => ({ x: e.inputs[a] as number, y: e.inputs[b] as number, targets: outputs.map((o) => e.targets[o] as number) }));
			this.bounds = boundsOf(points);
		}
		const ready: ReadyMessage = { type: 'ready', inputs, outputs, layers: spec.layers.length, examples: examples.length, ...(points ? { points, bounds: this.bounds } : {}) };
		this.rebuild(spec, true, ready);
	}

	/**
	 * A fresh trainer from `spec`; with `fromStart` the counters and series start again. `ready`
	 * is posted once the trainer is built (seconds for a large network): the page waits for it.
	 */
	private rebuild(spec: NetworkSpec, fromStart: boolean, ready?: ReadyMessage): void {
		const options = this.options as LabOptions;
		if (fromStart) {
			this.before = { updates: 0, epochs: 0 };
			this.failed = false;
		} else {
			this.before = { updates: this.updates, epochs: this.epochs };
		}
		const { mode, rate, momentum, shuffle, seed } = options;
		this.trainer = this.deps.makeTrainer(spec, this.examples, { mode, rate, momentum, shuffle, seed });
		if (ready) this.deps.post(ready);
		if (fromStart) {
			// Incremental: about one loss point per pass over the data, so measuring the loss
			// (a forward pass over every example) costs no more than training itself.
			const base = mode === 'incremental' ? this.examples.length : 1;
			this.history = new DecimatedSeries(SERIES_POINTS, base);
			this.gradients = new DecimatedSeries(SERIES_POINTS, base);
			this.history.clear();
			this.gradients.clear();
			this.record(true);
			this.report(true);
		}
	}

	private setOptions(changes: Partial<LabOptions>): void {
		const options = checkOptions({ ...(this.options as LabOptions), ...changes });
		const retrain = (['mode', 'rate', 'momentum', 'shuffle', 'seed'] as const).some((k) => options[k] !== this.options?.[k]);
		if (options.speed !== this.options?.speed) this.paceFrom = { at: this.deps.now(), updates: this.updates };
		const previous = this.options as LabOptions;
		this.options = options;
		const trainer = this.trainer as LabTrainer;
		if (retrain && trainer.setOptions) {
			// From the next update on, with momentum's velocity and the place in the epoch kept.
			const changed: Partial<Record<'mode' | 'rate' | 'momentum' | 'shuffle' | 'seed', unknown>> = {};
			for (const k of ['mode', 'rate', 'momentum', 'shuffle', 'seed'] as const) if (options[k] !== previous[k]) changed[k] = options[k];
			trainer.setOptions(changed as Partial<Pick<LabOptions, keyof typeof changed>>);
			if (options.mode !== previous.mode) {
				// A loss point per pass over the data, as a run started in this mode has.
				const base = options.mode === 'incremental' ? this.examples.length : 1;
				this.history.rebase(base);
				this.gradients.rebase(base);
			}
		} else if (retrain) {
			// A trainer without setOptions: a new one from the parameters reached (momentum's velocity starts at 0).
			const parameters = (this.trainer as LabTrainer).parameterValues();
			this.rebuild({ ...(this.spec as NetworkSpec), parameters: { ...(this.spec as NetworkSpec).parameters, ...parameters } }, false);
		}
		if (this.done) this.stop();
		this.report(true);
	}

	private tick(): void {
		this.cancel = undefined;
		if (!this.running || !this.trainer) return;
		const trainer = this.trainer;
		const allowed = this.allowedUpdates();
		if (allowed === 0) {
			this.cancel = this.deps.schedule(() => this.tick(), LabSession.PACE_WAIT);
			return;
		}
		try {
			const result = runSlice(trainer, {
				budget: SLICE_BUDGET,
				now: this.deps.now,
				...(allowed === undefined ? {} : { maxSteps: allowed }),
				epochs: (this.options as LabOptions).epochs - this.before.epochs,
				afterStep: () => (this.history.due(this.updates) ? this.record(false) : true)
			});
			if (result.reason === 'stopped') return; // record() has told the page
			if (result.reason === 'target') {
				this.stop();
				this.record(true);
			}
			if (!this.running || this.deps.now() - this.reportedAt >= REPORT_INTERVAL) this.report(!this.running);
		} catch (e) {
			return this.fail(e);
		}
		if (this.running) this.cancel = this.deps.schedule(() => this.tick(), 0);
	}

	/**
	 * How many updates a paced run may make now to keep to `speed` epochs a second since it
	 * started (or its speed last changed); undefined when it is not paced.
	 */
	private allowedUpdates(): number | undefined {
		const { speed, mode } = this.options as LabOptions;
		if (!(speed > 0)) return undefined;
		const perEpoch = mode === 'incremental' ? this.examples.length : 1;
		const due = Math.floor((speed * perEpoch * (this.deps.now() - this.paceFrom.at)) / 1000);
		return Math.max(0, due - (this.updates - this.paceFrom.updates));
	}

	/**
	 * Adds the loss (and the gradient sizes) at the current update to the series; `force` adds it
	 * even between the series' points. False, with the training stopped and the page told, when
	 * a number is not finite: the learning rate was too large and the weights ran away.
	 */
	private record(force: boolean): boolean {
		const trainer = this.trainer as LabTrainer;
		const updates = this.updates;
		if (!force && !this.history.due(updates)) return true;
		const loss = trainer.datasetError();
		const norms = updates > 0 ? trainer.gradientNormsByLayer() : [];
		if (!Number.isFinite(loss) || !norms.every(Number.isFinite)) {
			this.stop();
			this.failed = true;
			this.deps.post({
				type: 'error',
				updates,
				message: `after ${updates} update${updates === 1 ? '' : 's'} the error is no longer a finite number: the weights ran away. Reset, lower the learning rate and try again.`
			});
			return false;
		}
		this.history.add([updates, loss]);
		if (this.classes) this.accuracy = classAccuracy((x) => trainer.predict(x), this.classes.inputs, this.classes.targets);
		if (updates > 0) this.gradients.add([updates, ...norms]);
		return true;
	}

	private report(pictures: boolean): void {
		const trainer = this.trainer as LabTrainer;
		const now = this.deps.now();
		this.reportedAt = now;
		const withPictures = pictures || now - this.pictureAt >= PICTURE_INTERVAL;
		const message: ProgressMessage = {
			type: 'progress',
			running: this.running,
			done: this.done,
			updates: this.updates,
			epochs: this.epochs,
			loss: (this.history.last as number[])[1] as number,
			...(this.accuracy === undefined ? {} : { accuracy: this.accuracy }),
			history: this.history.take(),
			gradients: this.gradients.take()
		};
		if (withPictures) {
			this.pictureAt = now;
			// Counted from the spec: reading 100,000 parameters into an object four times a second would cost more than it shows.
			if (Object.keys((this.spec as NetworkSpec).parameters).length <= MAX_SHOWN_PARAMETERS) message.parameters = trainer.parameterValues();
			if (this.bounds) message.grid = outputGrid((x) => trainer.predict(x), this.bounds, GRID_SIZE, namesOf(this.spec as NetworkSpec).outputs.length);
		}
		this.deps.post(message);
	}

	private stop(): void {
		this.running = false;
		this.cancel?.();
		this.cancel = undefined;
	}

	private get updates(): number {
		return this.before.updates + (this.trainer?.updates ?? 0);
	}

	private get epochs(): number {
		return this.before.epochs + (this.trainer?.epochs ?? 0);
	}

	private get done(): boolean {
		return this.options !== undefined && this.epochs >= this.options.epochs;
	}
}

/** Refuses options the trainer cannot use, with the reason (the page's inputs should not allow them). */
export function checkOptions(options: LabOptions): LabOptions {
	const problems: string[] = [];
	if (options.mode !== 'incremental' && options.mode !== 'batch') problems.push(`mode must be incremental or batch, not “${String(options.mode)}”`);
	if (!(Number.isFinite(options.rate) && options.rate > 0)) problems.push(`the learning rate must be a number above 0, not ${options.rate}`);
	if (!(Number.isFinite(options.momentum) && options.momentum >= 0 && options.momentum < 1)) problems.push(`the momentum must be at least 0 and below 1, not ${options.momentum}`);
	if (!(Number.isInteger(options.epochs) && options.epochs >= 1)) problems.push(`the epochs must be a whole number of at least 1, not ${options.epochs}`);
	if (!Number.isInteger(options.seed)) problems.push(`the seed must be a whole number, not ${options.seed}`);
	if (!(Number.isFinite(options.speed) && options.speed >= 0)) problems.push(`the speed must be 0 (as fast as possible) or a number of epochs a second, not ${options.speed}`);
	if (problems.length > 0) throw new Error(problems.join('; '));
	return { ...options, shuffle: Boolean(options.shuffle) };
}
