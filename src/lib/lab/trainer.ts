/**
 * What the lab needs of a trainer: the `Trainer` of `$lib/tape` has this shape. The lab depends
 * on this interface only, so its protocol is tested with any trainer, and the tape is wired in
 * one place (train.worker.ts).
 */
export interface LabTrainer {
	/** One update: one example (incremental) or the whole data set (batch). */
	step(): void;
	readonly updates: number;
	readonly epochs: number;
	/** E_total summed over the data set at the current parameters. */
	datasetError(): number;
	/** The outputs for the inputs, in the network's input order. */
	predict(inputs: number[]): number[];
	parameterValues(): Record<string, number>;
	/** ‖∂E/∂(parameters of layer l)‖ at the last update, per layer, input side first. */
	gradientNormsByLayer(): number[];
	reset(): void;
	/**
	 * Changes options from the next update on, keeping the velocities and the place in the epoch
	 * (the tape's Trainer has it). Without it the lab builds a new trainer from the weights reached.
	 */
	setOptions?(changes: Partial<{ mode: 'incremental' | 'batch'; rate: number; momentum: number; shuffle: boolean; seed: number }>): void;
}
