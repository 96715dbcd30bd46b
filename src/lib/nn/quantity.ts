// Quantity names as a type: the one place that parses and formats `net_X`, `out_X`, `E_X`,
// `E_total`, `delta_X`, `target_X`, `v_P`, `P_new`, `P_after_k`, partials `dA/dB`
// (`dE/dw5`, `dout_o1/dnet_o1`, `dE_o1/dout_h1`, a graph's `dc/dw (local)`) and a graph's
// per-path terms `df/dq*dq/dx`. Nobody else should
// split a quantity name with a regular expression.

export type Quantity =
	| { kind: 'net'; neuron: string }
	| { kind: 'out'; neuron: string }
	| { kind: 'error'; neuron: string }
	| { kind: 'total-error' }
	| { kind: 'delta'; neuron: string }
	| { kind: 'target'; neuron: string }
	| { kind: 'velocity'; parameter: string }
	| { kind: 'updated'; parameter: string }
	| { kind: 'after'; name: string; step: number }
	/** ∂of/∂wrt; `of` is `E` for the total error; `local` for a graph gate's local gradient. */
	| { kind: 'partial'; of: string; wrt: string; local?: boolean }
	/** One path's term ∂of/∂through · ∂through/∂wrt of a graph gradient that adds up several paths. */
	| { kind: 'path'; of: string; through: string; wrt: string }
	/** Anything else: an input, a parameter, a graph node, a count. */
	| { kind: 'name'; name: string };

/** Reads a quantity name. Every string parses (at worst as a plain `name`), and formats back to itself. */
export function parseQuantity(name: string): Quantity {
	let m: RegExpExecArray | null;
	if ((m = /^d([^/*]+)\/d([^/*]+)\*d\2\/d([^/*]+)$/.exec(name))) return { kind: 'path', of: m[1] as string, through: m[2] as string, wrt: m[3] as string };
	if ((m = /^d([^/]+)\/d(.+?)( \(local\))?$/.exec(name))) {
		const q: Quantity = { kind: 'partial', of: m[1] as string, wrt: m[2] as string };
		return m[3] ? { ...q, local: true } : q;
	}
	if (name === 'E_total') return { kind: 'total-error' };
	if ((m = /^(.+)_after_(\d+)$/.exec(name)) && String(Number(m[2])) === m[2]) return { kind: 'after', name: m[1] as string, step: Number(m[2]) };
	if ((m = /^(.+)_new$/.exec(name))) return { kind: 'updated', parameter: m[1] as string };
	if ((m = /^(net|out|E|delta|target|v)_(.+)$/.exec(name))) {
		const rest = m[2] as string;
		switch (m[1]) {
			case 'net':
				return { kind: 'net', neuron: rest };
			case 'out':
				return { kind: 'out', neuron: rest };
			case 'E':
				return { kind: 'error', neuron: rest };
			case 'delta':
				return { kind: 'delta', neuron: rest };
			case 'target':
				return { kind: 'target', neuron: rest };
			default:
				return { kind: 'velocity', parameter: rest };
		}
	}
	return { kind: 'name', name };
}

/** Writes a quantity name: the inverse of `parseQuantity`. */
export function formatQuantity(q: Quantity): string {
	switch (q.kind) {
		case 'net':
			return `net_${q.neuron}`;
		case 'out':
			return `out_${q.neuron}`;
		case 'error':
			return `E_${q.neuron}`;
		case 'total-error':
			return 'E_total';
		case 'delta':
			return `delta_${q.neuron}`;
		case 'target':
			return `target_${q.neuron}`;
		case 'velocity':
			return `v_${q.parameter}`;
		case 'updated':
			return `${q.parameter}_new`;
		case 'after':
			return `${q.name}_after_${q.step}`;
		case 'partial':
			return `d${q.of}/d${q.wrt}${q.local ? ' (local)' : ''}`;
		case 'path':
			return `d${q.of}/d${q.through}*d${q.through}/d${q.wrt}`;
		case 'name':
			return q.name;
	}
}

/** The neuron a per-neuron quantity belongs to (net, out, E, delta, target), if it is one. */
export function neuronOf(name: string): string | undefined {
	const q = parseQuantity(name);
	return 'neuron' in q ? q.neuron : undefined;
}

/** `dA/dB` → [A, B] (graph locals included), or undefined for a name that is not a partial. */
export function partialOf(name: string): [string, string] | undefined {
	const q = parseQuantity(name);
	return q.kind === 'partial' ? [q.of, q.wrt] : undefined;
}

/**
 * The name a quantity is computed under when it has two: `dE/dnet_X` is `delta_X` (δ_X is
 * ∂E_total/∂net_X by definition). Every other name is its own.
 */
export function canonicalQuantity(name: string): string {
	const q = parseQuantity(name);
	if (q.kind !== 'partial' || q.of !== 'E' || q.local) return name;
	const wrt = parseQuantity(q.wrt);
	return wrt.kind === 'net' ? formatQuantity({ kind: 'delta', neuron: wrt.neuron }) : name;
}

/** Builders for the names code makes most often. */
export const quantity = {
	net: (neuron: string) => formatQuantity({ kind: 'net', neuron }),
	out: (neuron: string) => formatQuantity({ kind: 'out', neuron }),
	delta: (neuron: string) => formatQuantity({ kind: 'delta', neuron }),
	target: (neuron: string) => formatQuantity({ kind: 'target', neuron }),
	updated: (parameter: string) => formatQuantity({ kind: 'updated', parameter }),
	partial: (of: string, wrt: string) => formatQuantity({ kind: 'partial', of, wrt })
};

/**
 * A gradient check's names (nn/gradient-check.ts): `numgrad_P` (centred), `numgrad_onesided_P`,
 * and the errors at P ± ε, `E_total_plus_P` and `E_total_minus_P`.
 */
export function gradientCheckOf(name: string): { parameter: string; oneSided: boolean } | undefined {
	const m = /^numgrad_(onesided_)?(.+)$/.exec(name);
	return m ? { parameter: m[2] as string, oneSided: m[1] !== undefined } : undefined;
}

export const gradientCheck = {
	centred: (parameter: string) => `numgrad_${parameter}`,
	oneSided: (parameter: string) => `numgrad_onesided_${parameter}`,
	plus: (parameter: string) => `E_total_plus_${parameter}`,
	minus: (parameter: string) => `E_total_minus_${parameter}`
};

/**
 * Training quantities summed over a data set (nn/training.ts): the batch gradient `dE_batch/dP`,
 * the data set's error `E_total_epoch_k`, `E_total_after_k` and `E_total_after_training`.
 */
export function isDataSum(name: string): boolean {
	return /^dE_batch\/d.+$|^E_total_(epoch_\d+|after_\d+|after_training)$/.test(name);
}
