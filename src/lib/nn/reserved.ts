import type { KeyPath, Problem } from '$lib/source';
import type { NetworkSpec } from './schema';

/**
 * The shapes of the quantity names the engine makes for a network (see trace.ts): `net_X`,
 * `out_X`, `E_X` and `E_total`, `delta_X`, `target_X`, `v_X` (momentum), `numgrad_X` (gradient
 * check), `count_X`, `P_new` and `P_after_k` (training). An input, neuron or parameter whose name
 * has one of these shapes could overwrite a quantity in the trace (a parameter named E_total would
 * show its own value as the error), so such names are reserved. (`dE/dX` and `dout_X/dnet_Y`
 * contain a slash, which a name cannot.)
 */
const RESERVED_PREFIXES = ['net_', 'out_', 'E_', 'delta_', 'target_', 'v_', 'numgrad_', 'count_'] as const;
const RESERVED_SUFFIX = /_(new|after_\d+)$/;

/** What `name` looks like to the engine, if it is the shape of a generated quantity name. */
export function reservedShape(name: string): string | undefined {
	const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
	if (prefix) return prefix === 'E_' ? (name === 'E_total' ? 'the total error E_total' : `an error E_${name.slice(2)}`) : `${prefix}X`;
	const suffix = RESERVED_SUFFIX.exec(name);
	if (suffix) return suffix[1] === 'new' ? 'a parameter after the update, P_new' : 'a parameter during training, P_after_k';
	return undefined;
}

/** A name like `name` that is not reserved and not in `taken`: net_o1 → neto1, w1_new → w1new. */
export function unreservedName(name: string, taken: ReadonlySet<string>): string {
	let base = name;
	for (let i = 0; i < 4 && reservedShape(base); i++) {
		const prefix = RESERVED_PREFIXES.find((p) => base.startsWith(p));
		base = prefix ? prefix.slice(0, -1) + base.slice(prefix.length) : base.replace(RESERVED_SUFFIX, (m) => m.slice(1).replace(/_/g, ''));
	}
	if (reservedShape(base)) base = `x${base.replace(/_/g, '')}`;
	let candidate = base;
	for (let k = 2; taken.has(candidate); k++) candidate = `${base}${k}`;
	return candidate;
}

/** Inputs, neurons and parameters whose names have the shape of a generated quantity name. */
export function reservedNameProblems(spec: NetworkSpec): Problem[] {
	const named: Array<[KeyPath, string, string]> = [
		...Object.keys(spec.inputs).map((n): [KeyPath, string, string] => [['inputs', n], n, 'input']),
		...spec.layers.flatMap((layer, l) => Object.keys(layer.neurons).map((n): [KeyPath, string, string] => [['layers', l, 'neurons', n], n, 'neuron'])),
		...Object.keys(spec.parameters).map((n): [KeyPath, string, string] => [['parameters', n], n, 'parameter'])
	];
	const taken = new Set(named.map(([, n]) => n));
	return named.flatMap(([path, n, what]) => {
		const shape = reservedShape(n);
		if (!shape) return [];
		return [{
			path,
			message: `the ${what} name “${n}” is reserved: it has the shape of ${shape}, a quantity the tutor computes, and would hide it. Rename the ${what}, e.g. “${unreservedName(n, taken)}” (and every place that uses it)`
		}];
	});
}
