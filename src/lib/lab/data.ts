import type { Example, NetworkSpec } from '$lib/nn/schema';
import { DATASETS } from './datasets';
import type { LabData } from './protocol';

/** The network's input names in order, and its output names (the last layer's neurons). */
export function namesOf(spec: NetworkSpec): { inputs: string[]; outputs: string[] } {
	return { inputs: Object.keys(spec.inputs), outputs: Object.keys(spec.layers.at(-1)?.neurons ?? {}) };
}

/**
 * What a training block trains on when it names no generated data set: the network's `data:`,
 * else its own single example (its `inputs` and `targets`), as the 2-2-2 example is trained.
 * Undefined when there is neither (no targets): the block is then refused at build time.
 */
export function ownExamples(spec: NetworkSpec): Example[] | undefined {
	if (spec.data) return spec.data;
	if (!spec.targets) return undefined;
	return [{ inputs: { ...spec.inputs }, targets: { ...spec.targets } }];
}

/** The examples of a lab's data: listed, or generated and named after the network's inputs and outputs. */
export function examplesOf(spec: NetworkSpec, data: LabData): Example[] {
	if (data.kind === 'examples') return data.examples;
	const generator = DATASETS[data.name];
	if (!generator) throw new Error(`there is no data set named “${data.name}”`);
	const { inputs, outputs } = namesOf(spec);
	if (generator.inputs !== inputs.length || generator.outputs !== outputs.length) {
		throw new Error(
			`the data set “${data.name}” has ${generator.inputs} inputs and ${generator.outputs} targets per example; the network has ${inputs.length} inputs and ${outputs.length} outputs`
		);
	}
	const generated = generator.generate(data.seed);
	return generated.inputs.map((row, i) => ({
		inputs: Object.fromEntries(inputs.map((name, k) => [name, row[k] as number])),
		targets: Object.fromEntries(outputs.map((name, k) => [name, (generated.targets[i] as number[])[k] as number]))
	}));
}
