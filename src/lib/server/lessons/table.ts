import { closest } from '$lib/source';
import type { LessonNetwork } from './networks';

export type CheckedTable = { kind: 'table'; network: string; inputs: string[]; rows: number[][]; ask: string[] };

/** A plain decimal number: 1, -0.5, .25, 2e-3 (a unicode minus too, as slides print it). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Quantities a table may ask for each row: what one forward pass computes (the inputs, net_X and
 * out_X, and with targets E_X and E_total). Not derivatives, updates, training or counts, which
 * do not change from row to row or belong to an :::exercise or :::derivation.
 */
export function forwardQuantities(network: LessonNetwork): string[] {
	const { spec, trace } = network;
	if (spec.kind !== 'network') return [];
	const neurons = spec.layers.flatMap((layer) => Object.keys(layer.neurons));
	const outputs = Object.keys(spec.layers.at(-1)?.neurons ?? {});
	const errors = spec.targets ? [...outputs.map((o) => `E_${o}`), 'E_total'] : [];
	const names = [...Object.keys(spec.inputs), ...neurons.flatMap((n) => [`net_${n}`, `out_${n}`]), ...errors];
	return names.filter((q) => Object.hasOwn(trace, q));
}

/**
 * Checks a :::table's inputs, rows and ask against its network (undefined when it did not
 * resolve: then only what does not need it is checked). `ask` was read by the caller.
 */
export function checkTable(
	attributes: Record<string, string>,
	name: string | undefined,
	network: LessonNetwork | undefined,
	ask: string[],
	fail: (message: string) => void
): CheckedTable | undefined {
	if (network && network.spec.kind !== 'network') {
		fail(`a table runs rows of inputs through a network, and “${name}” is a ${network.spec.kind}: ask its quantities with an :::exercise`);
		return undefined;
	}
	const inputs = readInputs(attributes.inputs, network, fail);
	const rows = readRows(attributes.rows, inputs, fail);
	const okAsk = network ? ask.map((q) => checkForward(network, q, fail)).every(Boolean) : false;
	if (!network || !name || !inputs || !rows || !okAsk || ask.length === 0) return undefined;
	return { kind: 'table', network: name, inputs, rows, ask };
}

/** The inputs each row sets: as listed, or all of the network's in order when not given. */
function readInputs(text: string | undefined, network: LessonNetwork | undefined, fail: (m: string) => void): string[] | undefined {
	const known = network?.spec.kind === 'network' ? Object.keys(network.spec.inputs) : undefined;
	if (text === undefined) return known;
	const inputs = text.split(/[\s,]+/).filter(Boolean);
	if (inputs.length === 0) {
		fail(`inputs="" names no input: list the inputs each row sets${known ? `, e.g. inputs="${known.join(' ')}"` : ''}, or leave it out for all of them`);
		return undefined;
	}
	let ok = true;
	inputs.forEach((input, i) => {
		if (inputs.indexOf(input) !== i) {
			fail(`the input “${input}” is listed twice in inputs="…": list each once`);
			ok = false;
		} else if (known && !known.includes(input)) {
			const guess = closest(input, known);
			fail(`“${input}” is not an input of the network${guess ? `: did you mean “${guess}”?` : ''} (its inputs: ${known.join(', ')})`);
			ok = false;
		}
	});
	return ok ? inputs : undefined;
}

/** `rows="0 0; 0 1"`: rows split by `;`, numbers by spaces or commas; one number per input. */
function readRows(text: string | undefined, inputs: string[] | undefined, fail: (m: string) => void): number[][] | undefined {
	const example = inputs ? inputs.map(() => '0').join(' ') : '0 0';
	if (text === undefined || text.trim() === '') {
		fail(`this table has no rows: add rows="${example}; …", one row of input values per “;”`);
		return undefined;
	}
	const parts = text.split(';').map((r) => r.trim());
	if (parts.length > 1 && parts.at(-1) === '') parts.pop(); // a ; after the last row is harmless
	const rows: number[][] = [];
	let ok = true;
	parts.forEach((part, i) => {
		const which = `row ${i + 1}${part ? ` (“${part}”)` : ''}`;
		const cells = part.split(/[\s,]+/).filter(Boolean);
		if (cells.length === 0) {
			fail(`${which} is empty: remove the extra “;”`);
			ok = false;
			return;
		}
		const bad = cells.find((c) => !NUMBER.test(c.replace(/^−/, '-')));
		if (bad !== undefined) {
			fail(`${which}: “${bad}” is not a number (write numbers such as 1, -0.5 or 2e-3, separated by spaces)`);
			ok = false;
			return;
		}
		if (inputs && cells.length !== inputs.length) {
			fail(`${which} has ${cells.length} number${cells.length === 1 ? '' : 's'} for ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.join(' ')}): give one number per input`);
			ok = false;
			return;
		}
		rows.push(cells.map((c) => Number(c.replace(/^−/, '-'))));
	});
	return ok ? rows : undefined;
}

/** Reports a name a table cannot ask: unknown, or known but not computed by the forward pass. */
function checkForward(network: LessonNetwork, quantity: string, fail: (m: string) => void): boolean {
	const forward = forwardQuantities(network);
	if (forward.includes(quantity)) return true;
	if (Object.hasOwn(network.trace, quantity)) {
		fail(`a table asks what the forward pass computes for each row (inputs, net_X, out_X, E_X, E_total): ask for “${quantity}” in an :::exercise instead`);
		return false;
	}
	if (/^E_/.test(quantity) && network.spec.kind === 'network' && !network.spec.targets) {
		fail(`“${quantity}” needs targets: the network has none, so no error E. Add targets: { … } for its outputs`);
		return false;
	}
	const guess = closest(quantity, forward);
	fail(`unknown quantity “${quantity}”${guess ? `: did you mean “${guess}”?` : `: a table asks ${forward.filter((q) => /^(net|out)_/.test(q)).slice(0, 4).join(', ')}, …`}`);
	return false;
}
