import type { Problem } from '$lib/source';
import { layerCounts } from './counts';
import type { ArchitectureSpec } from './schema';

/** A network given only by its layer sizes, for counting weights, biases and paths. */
export type ArchitectureModel = {
	kind: 'architecture';
	spec: ArchitectureSpec;
	/** Sizes of the input layer, each hidden layer and the output layer, repeats written out. */
	sizes: number[];
};

/** `[100, { size: 100, repeat: 10 }]` is an input of 100 and then ten layers of 100 each. */
export function layerSizes(spec: ArchitectureSpec): number[] {
	return spec.architecture.layers.flatMap((l) => Array<number>(l.repeat).fill(l.size));
}

export function architectureProblems(spec: ArchitectureSpec): Problem[] {
	if (layerSizes(spec).length >= 2) return [];
	return [{ path: ['architecture', 'layers'], message: 'a network needs an input layer and at least one more: list the sizes, as in [3, 25, 12]' }];
}

export function buildArchitecture(spec: ArchitectureSpec): ArchitectureModel {
	return { kind: 'architecture', spec, sizes: layerSizes(spec) };
}

export function traceArchitecture(model: ArchitectureModel): Record<string, number> {
	return layerCounts(model.sizes, model.spec.architecture.biases);
}
