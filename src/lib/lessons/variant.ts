import { mistakeCollisions } from '$lib/feedback';
import { stepsFor } from '$lib/derivation';
import { buildModel, type ModelSpec, type Trace } from '$lib/nn';
import { drawVariant } from '$lib/variants';
import { splitKey } from './asked';

/**
 * A lesson's networks with the new numbers of variant `seed`: the same seed for each network, so
 * variant 17 is one consistent set, and redrawn while a named mistake would give (to 4 digits)
 * the same value as the right answer to an asked quantity: then the tutor could not tell them apart.
 */
export function variantNetworks(networks: Record<string, ModelSpec>, askedKeys: string[], seed: number): Record<string, ModelSpec> {
	return Object.fromEntries(
		Object.entries(networks).map(([name, spec]) => {
			const asked = askedKeys.filter((k) => splitKey(k)[0] === name).map((k) => splitKey(k)[1]).filter((q) => !q.includes('@'));
			const isDegenerate = (trace: Trace, drawn: ModelSpec) => mistakeCollisions(stepsFor(buildModel(drawn), trace), asked).length > 0;
			return [name, drawVariant(spec, seed, { isDegenerate }).spec];
		})
	);
}
