import type { Example, NetworkSpec } from '$lib/nn/schema';
import { Trainer } from '$lib/tape';
import { accuracy } from './accuracy';
import { parabolaPoints, scaled, type ClassOrder } from './parabola';

export type ShuffleRun = {
	/** How the examples were visited: shuffled each epoch, or one class after the other. */
	order: 'shuffled' | ClassOrder;
	/** Share of the 10,000 points classified right after training (output > 0.5 is "parabola"). */
	accuracy: number;
	/** Share of the points the network calls "parabola" (output > 0.5). */
	saidParabola: number;
	/** E_total summed over the data set after training. */
	error: number;
};

/** What the deck reports for each order (slide 21). */
export const DECK_ACCURACY: Record<ShuffleRun['order'], number> = { shuffled: 0.95, 'random-first': 0.75, 'parabola-first': 0.5 };

export type ShuffleOptions = { seed: number; epochs: number; rate: number; perClass?: number };

/** The examples of the experiment for the 2-input, 1-output network `spec` (inputs and output by position). */
export function parabolaExamples(spec: NetworkSpec, seed: number, order: ClassOrder, perClass?: number): Example[] {
	const [xName, yName] = Object.keys(spec.inputs);
	const [outName] = Object.keys(spec.layers.at(-1)?.neurons ?? {});
	if (!xName || !yName || !outName) throw new Error('the shuffle experiment needs a network with two inputs and one output');
	const { inputs, targets } = scaled(parabolaPoints(seed, order, perClass));
	return inputs.map(([x, y], i) => ({ inputs: { [xName]: x as number, [yName]: y as number }, targets: { [outName]: (targets[i] as number[])[0] as number } }));
}

/**
 * Deck 002's shuffle experiment: the same network, the same start and the same 10,000 points,
 * trained incrementally for `epochs` epochs three ways — shuffled each epoch, unshuffled with the
 * random points first, unshuffled with the parabola points first — then scored on all points.
 */
export function shuffleExperiment(spec: NetworkSpec, options: ShuffleOptions): ShuffleRun[] {
	const runs: [ShuffleRun['order'], ClassOrder, boolean][] = [
		['shuffled', 'random-first', true],
		['random-first', 'random-first', false],
		['parabola-first', 'parabola-first', false]
	];
	return runs.map(([order, listed, shuffle]) => {
		const examples = parabolaExamples(spec, options.seed, listed, options.perClass);
		const trainer = new Trainer(spec, examples, { mode: 'incremental', rate: options.rate, shuffle, seed: options.seed });
		for (let e = 0; e < options.epochs; e++) trainer.runEpoch();
		const outName = trainer.tape.outputs[0] as string;
		const xs = examples.map((ex) => trainer.tape.inputs.map((i) => ex.inputs[i] as number));
		const ts = examples.map((ex) => ex.targets[outName] as number);
		const output = (x: number[]) => trainer.predict(x)[0] as number;
		return {
			order,
			accuracy: accuracy(output, xs, ts),
			saidParabola: accuracy(output, xs, ts.map(() => 1)),
			error: trainer.datasetError()
		};
	});
}
