import { mistakeCollisions } from '$lib/feedback';
import { stepsFor } from '$lib/derivation';
import { buildModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import { drawVariant } from '$lib/variants';
import { splitKey } from './asked';
import { brokenComparison, type Claim } from './claims';

/** A lesson's networks for variant `seed`; `fallback` when some network kept its own numbers because no draw was good. */
export type VariantNetworks = { networks: Record<string, ModelSpec>; fallback: boolean };

/**
 * A lesson's networks with the new numbers of variant `seed`: the same seed for each network, so
 * variant 17 is one consistent set, and redrawn while a named mistake would give (to 4 digits)
 * the same value as the right answer to an asked quantity: then the tutor could not tell them apart.
 * A collision the lesson's own numbers already have is built in (a ReLU with net > 0 has out = net,
 * so "net for out" always gives the right number) and is not held against a draw.
 * `fallback` is true when any network with numbers to vary came back with its own numbers.
 * A draw that makes one of the prose's `claims` false is refused too (see claims.ts).
 */
export function variantNetworks(networks: Record<string, ModelSpec>, askedKeys: string[], seed: number, claims: Claim[] = []): VariantNetworks {
	let fallback = false;
	const drawn = Object.fromEntries(
		Object.entries(networks).map(([name, spec]) => {
			const asked = askedKeys.filter((k) => splitKey(k)[0] === name).map((k) => splitKey(k)[1]).filter((q) => !q.includes('@'));
			const builtIn = new Set(asked.length ? collisions(spec, asked) : []);
			// Quantity by quantity, so a refused draw stops at its first new collision.
			const own = claims.filter((c) => c.network === name);
			const isDegenerate = (trace: Trace, d: ModelSpec) => {
				// A draw that makes a claim of the prose false is refused: the words must stay true.
				if (own.some((c) => brokenComparison(c.holds, valuesOf(trace, d)) !== undefined)) return true;
				if (asked.length === 0) return false;
				const steps = stepsFor(buildModel(d), trace);
				return asked.some((q) => mistakeCollisions(steps, [q]).some((c) => !builtIn.has(c)));
			};
			const variant = drawVariant(spec, seed, { isDegenerate });
			if (variant.outcome === 'fallback') fallback = true;
			return [name, variant.spec];
		})
	);
	return { networks: drawn, fallback };
}

/** A trace's values with the targets as target_X, as claims read them. */
const valuesOf = (trace: Trace, spec: ModelSpec) => (q: string) => {
	const target = spec.kind === 'network' && q.startsWith('target_') ? spec.targets?.[q.slice(7)] : undefined;
	return (target ?? trace[q]) as number;
};

function collisions(spec: ModelSpec, asked: string[]): string[] {
	try {
		const model = buildModel(spec);
		return mistakeCollisions(stepsFor(model, traceModel(model)), asked);
	} catch {
		return [];
	}
}
