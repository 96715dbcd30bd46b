import { neuronsOf, type Example, type NetworkSpec } from '$lib/nn';
import { mulberry32, type Random } from '$lib/variants/random';
import { compileTape, type NetworkTape } from './tape';

export type TrainOptions = {
	mode: 'incremental' | 'batch';
	/** Learning rate η. */
	rate: number;
	/** λ of deck 004's momentum rule; without it (or with 0) plain gradient descent. Defaults to spec.momentum. */
	momentum?: number;
	/** Incremental mode: visit the examples in a new seeded random order each epoch. */
	shuffle?: boolean;
	/** Seed of the shuffle (default 1). */
	seed?: number;
	/** How the tape runs (see TapeOptions); generated code unless 'interpret'. */
	run?: 'generate' | 'interpret';
};

/**
 * Trains a network on the tape with the update semantics of nn/training.ts (trainingTrace):
 * incremental updates after each example in order; batch updates once per epoch with the
 * gradient SUMMED over the examples; momentum by deck 004's rule (nn/update.ts), velocities
 * starting at spec.velocities or 0. Nothing is allocated per step.
 */
export class Trainer {
	readonly tape: NetworkTape;
	private readonly spec: NetworkSpec;
	private readonly options: TrainOptions;
	private readonly momentum: number | undefined;
	private readonly xs: Float64Array[];
	private readonly ts: Float64Array[];
	private readonly order: Int32Array;
	private readonly velocity: Float64Array;
	private readonly initialVelocity: Float64Array;
	private readonly initialParams: Float64Array;
	/** Weight parameter indices of each layer (biases left out), for gradientNormsByLayer. */
	private readonly layerWeights: Int32Array[];
	private random: Random;
	/** Position of the next example within the current incremental epoch. */
	private position = 0;
	private _updates = 0;
	private _epochs = 0;

	constructor(spec: NetworkSpec, data: Example[], options: TrainOptions) {
		if (data.length === 0) throw new Error('training needs at least one example');
		if (!(options.rate > 0) || !Number.isFinite(options.rate)) throw new Error(`the learning rate must be a finite number above 0, not ${options.rate}`);
		if (options.mode !== 'incremental' && options.mode !== 'batch') throw new Error(`mode must be incremental or batch, not ${String(options.mode)}`);
		const momentum = options.momentum ?? spec.momentum;
		if (momentum !== undefined && !(momentum >= 0 && momentum < 1)) throw new Error(`momentum must be at least 0 and below 1, not ${momentum}`);
		this.spec = spec;
		this.options = options;
		this.momentum = momentum;
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

	/** One update: incremental, the next example; batch, one whole epoch (summed gradient). */
	step(): void {
		const tape = this.tape;
		tape.zeroGrads();
		if (this.options.mode === 'batch') {
			for (let k = 0; k < this.xs.length; k++) {
				tape.setExample(this.xs[k] as Float64Array, this.ts[k] as Float64Array);
				tape.forward();
				tape.backward();
			}
			this.update();
			this._epochs++;
			return;
		}
		const k = this.order[this.position] as number;
		tape.setExample(this.xs[k] as Float64Array, this.ts[k] as Float64Array);
		tape.forward();
		tape.backward();
		this.update();
		if (++this.position === this.xs.length) {
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

	/** Back to the spec's parameters and velocities, no updates done, the shuffle restarted. */
	reset(): void {
		this.tape.params.set(this.initialParams);
		this.velocity.set(this.initialVelocity);
		this.tape.zeroGrads();
		this._updates = 0;
		this._epochs = 0;
		this.random = mulberry32(this.options.seed ?? 1);
		for (let k = 0; k < this.order.length; k++) this.order[k] = k;
		this.startEpoch();
	}

	/** Deck 004's rule as nn/update.ts writes it: w − η·g, or v ← λv − (1 − λ)g, w + η·v. */
	private update(): void {
		const { params, grads, trainable } = this.tape;
		const rate = this.options.rate;
		const momentum = this.momentum;
		const velocity = this.velocity;
		for (let j = 0; j < trainable.length; j++) {
			const p = trainable[j] as number;
			const g = grads[p] as number;
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

	/** Incremental epochs start at the first example, in a fresh seeded order when shuffling. */
	private startEpoch(): void {
		this.position = 0;
		if (this.options.mode !== 'incremental' || !this.options.shuffle) return;
		const order = this.order;
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(this.random() * (i + 1));
			const t = order[i] as number;
			order[i] = order[j] as number;
			order[j] = t;
		}
	}
}
