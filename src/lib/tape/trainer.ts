import { neuronsOf, type Example, type NetworkSpec } from '$lib/nn';
import { mulberry32, type Random } from '$lib/variants/random';
import { compileTape, type NetworkTape } from './tape';

export type TrainOptions = {
	mode: 'incremental' | 'batch';
	/** Learning rate η. */
	rate: number;
	/** λ of deck 004's momentum rule; without it (or with 0) plain gradient descent. Defaults to spec.momentum. */
	momentum?: number;
	/** Batch mode: examples per update (mini-batches; the last may be smaller). Defaults to spec.training.batchSize, else all. */
	batchSize?: number;
	/** Batch mode: the mean of the batch's gradients instead of their sum. Defaults to spec.training.average (false). */
	average?: boolean;
	/** L2 weight decay λ₂: adds λ₂·w to each weight's gradient (biases left out). Defaults to spec.weightDecay. */
	weightDecay?: number;
	/** Visit the examples in a new seeded random order each epoch (incremental, and mini-batches; a full batch keeps data order). */
	shuffle?: boolean;
	/** Seed of the shuffle (default 1). */
	seed?: number;
	/** How the tape runs (see TapeOptions); generated code unless 'interpret'. */
	run?: 'generate' | 'interpret';
};

/** What `Trainer.setOptions` may change between two updates. */
export type TrainerChanges = Partial<Pick<TrainOptions, 'mode' | 'rate' | 'momentum' | 'shuffle' | 'seed'>>;

/**
 * Trains a network on the tape with the update semantics of nn/training.ts (trainingTrace):
 * incremental updates after each example in order; batch updates once per mini-batch (the whole
 * data set by default) with the gradient SUMMED over its examples (or averaged); L2 weight decay
 * on weights, not biases; momentum by deck 004's rule (nn/update.ts), velocities starting at
 * spec.velocities or 0. Nothing is allocated per step. `setOptions` changes the rate, momentum,
 * mode or shuffle between two updates, keeping the velocities and the place in the epoch.
 */
export class Trainer {
	readonly tape: NetworkTape;
	private readonly spec: NetworkSpec;
	private options: TrainOptions;
	private momentum: number | undefined;
	private readonly batchSize: number;
	private readonly average: boolean;
	private readonly decay: number | undefined;
	/** 1 for a parameter that weight decay applies to (not used as a bias), else 0. */
	private readonly decays: Uint8Array;
	private readonly xs: Float64Array[];
	private readonly ts: Float64Array[];
	private readonly order: Int32Array;
	private readonly velocity: Float64Array;
	private readonly initialVelocity: Float64Array;
	private readonly initialParams: Float64Array;
	/** Weight parameter indices of each layer (biases left out), for gradientNormsByLayer. */
	private readonly layerWeights: Int32Array[];
	private random: Random;
	/** Position of the next example (incremental) or mini-batch start (batch) within the current epoch. */
	private position = 0;
	/** The order is not data order (an epoch was shuffled). */
	private shuffled = false;
	private _updates = 0;
	private _epochs = 0;

	constructor(spec: NetworkSpec, data: Example[], options: TrainOptions) {
		if (data.length === 0) throw new Error('training needs at least one example');
		checkRate(options.rate);
		checkMode(options.mode);
		const momentum = options.momentum ?? spec.momentum;
		checkMomentum(momentum);
		const batchSize = options.batchSize ?? spec.training?.batchSize ?? data.length;
		if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`the batch size must be a whole number of examples from 1, not ${batchSize}`);
		const decay = options.weightDecay ?? spec.weightDecay;
		if (decay !== undefined && !(decay >= 0 && Number.isFinite(decay))) throw new Error(`weight decay must be a finite number from 0, not ${decay}`);
		this.spec = spec;
		this.options = options;
		this.momentum = momentum;
		this.batchSize = Math.min(batchSize, data.length);
		this.average = options.average ?? spec.training?.average ?? false;
		this.decay = decay;
		this.tape = compileTape(spec, options.run ? { run: options.run } : {});
		const { inputs, outputs, parameters } = this.tape;
		const vector = (record: Record<string, number>, names: string[], what: string, k: number) =>
			Float64Array.from(names, (name) => {
				const x = record[name];
				if (typeof x !== 'number') throw new Error(`example ${k + 1} has no ${what} ${name}`);
				return x;
			});
		this.xs = data.map((e, k) => vector(e.inputs, inputs, 'input', k));
		this.ts = data.map((e, k) => vector(e.targets, outputs, 'target', k));
		this.order = Int32Array.from(data, (_, k) => k);
		this.initialParams = Float64Array.from(this.tape.params);
		this.initialVelocity = Float64Array.from(parameters, (p) => spec.velocities?.[p] ?? 0);
		this.velocity = Float64Array.from(this.initialVelocity);
		const index = new Map(parameters.map((p, k) => [p, k]));
		const neurons = neuronsOf(spec);
		const biases = new Set(neurons.flatMap((n) => (typeof n.bias === 'string' ? [n.bias] : [])));
		this.decays = Uint8Array.from(parameters, (p) => (biases.has(p) ? 0 : 1));
		this.layerWeights = spec.layers.map((_, l) => {
			const used = new Set<number>();
			for (const n of neurons) if (n.layer === l) for (const c of n.inputs) if (typeof c.weight === 'string') used.add(index.get(c.weight) as number);
			return Int32Array.from(used);
		});
		this.random = mulberry32(options.seed ?? 1);
		this.startEpoch();
	}

	get updates(): number {
		return this._updates;
	}

	get epochs(): number {
		return this._epochs;
	}

	/** One update: incremental, the next example; batch, the next mini-batch (by default the whole epoch, summed gradient). */
	step(): void {
		const tape = this.tape;
		const n = this.xs.length;
		tape.zeroGrads();
		const end = this.options.mode === 'batch' ? Math.min(this.position + this.batchSize, n) : this.position + 1;
		for (let j = this.position; j < end; j++) {
			const k = this.order[j] as number;
			tape.setExample(this.xs[k] as Float64Array, this.ts[k] as Float64Array);
			tape.forward();
			tape.backward();
		}
		this.update(this.options.mode === 'batch' && this.average ? 1 / (end - this.position) : 1);
		this.position = end;
		if (end === n) {
			this._epochs++;
			this.startEpoch();
		}
	}

	/** Runs to the end of the current pass over the data: a whole epoch when called between epochs. */
	runEpoch(): void {
		const epochs = this._epochs;
		while (this._epochs === epochs) this.step();
	}

	/** E_total summed over the data at the current parameters (examples in data order). */
	datasetError(): number {
		let sum = 0;
		for (let k = 0; k < this.xs.length; k++) {
			this.tape.setExample(this.xs[k] as Float64Array, this.ts[k] as Float64Array);
			sum += this.tape.forward();
		}
		return sum;
	}

	/** The outputs for these inputs at the current parameters (targets left as they were). */
	predict(inputs: ArrayLike<number>): number[] {
		const tape = this.tape;
		if (inputs.length !== tape.inputs.length) throw new Error(`predict takes ${tape.inputs.length} inputs (${tape.inputs.join(', ')}), got ${inputs.length}`);
		tape.setExample(inputs, this.ts[0] as Float64Array);
		tape.forward();
		return tape.outputs.map((_, i) => tape.output(i));
	}

	parameterValues(): Record<string, number> {
		return Object.fromEntries(this.tape.parameters.map((p, k) => [p, this.tape.params[k] as number]));
	}

	/** L2 norm of ∂E/∂w over each layer's weights, from the last gradient computed (biases left out). */
	gradientNormsByLayer(): number[] {
		const grads = this.tape.grads;
		return this.layerWeights.map((ws) => {
			let sum = 0;
			for (let k = 0; k < ws.length; k++) sum += (grads[ws[k] as number] as number) ** 2;
			return Math.sqrt(sum);
		});
	}

	/**
	 * Changes options from the next update on, keeping the parameters, the momentum velocities,
	 * the counts and the place in the current epoch:
	 * - `rate`, `momentum`: the next update uses them; the velocity carries over (deck 004's rule
	 *   with the new λ). Without momentum (undefined) the velocities are left as they are.
	 * - `mode`: the current pass goes on from where it is in the new mode; to batch, the rest of
	 *   the epoch's examples (up to the batch size) make the next update.
	 * - `shuffle`: the current pass keeps its order; the next epoch is shuffled or in data order.
	 * - `seed`: the shuffle's random numbers start again from this seed (from the next epoch).
	 * Refuses a value the constructor would refuse, changing nothing.
	 */
	setOptions(changes: TrainerChanges): void {
		if ('rate' in changes) checkRate(changes.rate as number);
		if ('mode' in changes) checkMode(changes.mode as string);
		if ('momentum' in changes) checkMomentum(changes.momentum);
		if ('seed' in changes && changes.seed !== undefined && !Number.isFinite(changes.seed)) throw new Error(`the seed must be a number, not ${changes.seed}`);
		this.options = { ...this.options, ...changes };
		if ('momentum' in changes) this.momentum = changes.momentum ?? this.spec.momentum;
		if ('seed' in changes) this.random = mulberry32(this.options.seed ?? 1);
	}

	/** Back to the spec's parameters and velocities, no updates done, the shuffle restarted. */
	reset(): void {
		this.tape.params.set(this.initialParams);
		this.velocity.set(this.initialVelocity);
		this.tape.zeroGrads();
		this._updates = 0;
		this._epochs = 0;
		this.random = mulberry32(this.options.seed ?? 1);
		for (let k = 0; k < this.order.length; k++) this.order[k] = k;
		this.shuffled = false;
		this.startEpoch();
	}

	/**
	 * nn/update.ts's rule written out: g (×scale, the mean of a mini-batch), + λ₂·w under weight
	 * decay; then w − η·g, or with momentum v ← λv − (1 − λ)g, w + η·v.
	 */
	private update(scale: number): void {
		const { params, grads, trainable } = this.tape;
		const rate = this.options.rate;
		const momentum = this.momentum;
		const velocity = this.velocity;
		const decay = this.decay;
		const decays = this.decays;
		for (let j = 0; j < trainable.length; j++) {
			const p = trainable[j] as number;
			const sum = scale === 1 ? (grads[p] as number) : (grads[p] as number) * scale;
			const g = decay === undefined || decays[p] === 0 ? sum : sum + decay * (params[p] as number);
			if (momentum === undefined) {
				params[p] = (params[p] as number) - rate * g;
			} else {
				const v = momentum * (velocity[p] as number) - (1 - momentum) * g;
				velocity[p] = v;
				params[p] = (params[p] as number) + rate * v;
			}
		}
		this._updates++;
	}

	/** Epochs start at the first example, in a fresh seeded order when shuffling, else in data order. */
	private startEpoch(): void {
		this.position = 0;
		const order = this.order;
		// A whole-data-set batch is the same sum in any order: kept in data order, as trainingTrace.
		if (!this.options.shuffle || (this.options.mode === 'batch' && this.batchSize >= this.xs.length)) {
			// Data order again after shuffled epochs (shuffle turned off, or a switch to batch).
			if (this.shuffled) for (let k = 0; k < order.length; k++) order[k] = k;
			this.shuffled = false;
			return;
		}
		this.shuffled = true;
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(this.random() * (i + 1));
			const t = order[i] as number;
			order[i] = order[j] as number;
			order[j] = t;
		}
	}
}

function checkRate(rate: number): void {
	if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`the learning rate must be a finite number above 0, not ${rate}`);
}

function checkMode(mode: string): void {
	if (mode !== 'incremental' && mode !== 'batch') throw new Error(`mode must be incremental or batch, not ${String(mode)}`);
}

function checkMomentum(momentum: number | undefined): void {
	if (momentum !== undefined && !(momentum >= 0 && momentum < 1)) throw new Error(`momentum must be at least 0 and below 1, not ${momentum}`);
}
