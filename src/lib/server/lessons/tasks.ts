import { closest, ContentError } from '$lib/source';
import { checkQuantity, resolveNetwork, targetProblem, type LessonNetworks } from './networks';
import type { Draft, TaskDraft } from './structure';
import { checkTable, type CheckedTable } from './table';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ATTRIBUTES = {
	exercise: ['ask', 'network', 'id'],
	derivation: ['target', 'network', 'id'],
	table: ['network', 'inputs', 'rows', 'ask', 'id']
} as const;

export type CheckedTask =
	| { kind: 'exercise'; network: string; ask: string[] }
	| { kind: 'derivation'; network: string; target: string }
	| CheckedTable;

/** Checks an exercise's, derivation's or table's attributes against the lesson's networks. */
export function checkTask(draft: TaskDraft, networks: LessonNetworks, file: string, errors: ContentError[]): CheckedTask | undefined {
	const fail = (message: string) => errors.push(new ContentError(file, draft.line, message));
	const allowed: readonly string[] = ATTRIBUTES[draft.kind];
	for (const key of Object.keys(draft.attributes)) {
		if (allowed.includes(key)) continue;
		const guess = allowed.find((a) => a === key.toLowerCase()) ?? closest(key, allowed);
		fail(`unknown attribute “${key}” of the ${draft.kind}${guess ? `: did you mean “${guess}”?` : `: use ${allowed.join(', ')}`}`);
	}
	const name = resolveNetwork(networks, draft.attributes.network, fail);
	const network = name === undefined ? undefined : networks.loaded.get(name);

	if (draft.kind === 'table') return checkTable(draft.attributes, name, network, readAsk(draft, fail), fail);
	if (draft.kind === 'exercise') {
		const ask = readAsk(draft, fail);
		if (ask.length === 0) return undefined;
		const ok = ask.map((q) => !network || checkQuantity(network, q, file, fail)).every(Boolean);
		return network && ok && name ? { kind: 'exercise', network: name, ask } : undefined;
	}
	const target = (draft.attributes.target ?? '').trim();
	if (target === '') {
		fail('this derivation has no target: add target="…", e.g. :::derivation{target="dE/dw5"}');
		return undefined;
	}
	if (!network || !name) return undefined;
	const problem = targetProblem(network, target);
	if (problem) {
		fail(problem);
		return undefined;
	}
	return { kind: 'derivation', network: name, target };
}

/** The names of ask="…", each once; an empty list (reported) when there are none. */
function readAsk(draft: TaskDraft, fail: (message: string) => void): string[] {
	// Names never contain spaces, except a graph's `df/dx (local)`: its suffix joins the name before it.
	const ask = (draft.attributes.ask ?? '').split(/\s+/).filter(Boolean).reduce<string[]>((names, word) => {
		if (word === '(local)' && names.length > 0) names[names.length - 1] += ' (local)';
		else names.push(word);
		return names;
	}, []);
	if (ask.length === 0) {
		const example = draft.kind === 'table' ? ':::table{rows="0 0; 0 1" ask="out_o1"}' : ':::exercise{ask="net_h1 out_h1"}';
		fail(`this ${draft.kind} asks nothing: add ask="…" with the quantities to compute, e.g. ${example}`);
	}
	const twice = new Set(ask.filter((q, i) => ask.indexOf(q) !== i));
	twice.forEach((q) => fail(`“${q}” is asked twice: ask for it once`));
	return [...new Set(ask)];
}

/**
 * Ids in file order: the author's `id`, or ex-1, ex-2 … counting every exercise, derivation and
 * table; training blocks are lab-1, lab-2 … (counted apart, so adding one renumbers no exercise).
 */
export function assignIds(drafts: Draft[], file: string, errors: ContentError[]): Map<Draft, string> {
	const ids = new Map<Draft, string>();
	const used = new Map<string, number>();
	let n = 0;
	let labs = 0;
	for (const draft of drafts) {
		if (draft.kind === 'prose') continue;
		const automatic = draft.kind === 'training' ? `lab-${++labs}` : `ex-${++n}`;
		const given = draft.attributes.id;
		let id = given ?? automatic;
		if (given !== undefined && !ID.test(given)) {
			errors.push(new ContentError(file, draft.line, `the id “${given}” is not usable in a link: start with a letter, then letters, digits, - or _`));
			id = automatic;
		}
		const before = used.get(id);
		if (before !== undefined) errors.push(new ContentError(file, draft.line, `the id “${id}” is already used on line ${before}: give each exercise its own id`));
		used.set(id, draft.line);
		ids.set(draft, id);
	}
	return ids;
}
