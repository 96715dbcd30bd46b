import { closest, ContentError } from '$lib/source';
import { checkQuantity, resolveNetwork, targetProblem, type LessonNetworks } from './networks';
import type { Draft, TaskDraft } from './structure';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ATTRIBUTES = { exercise: ['ask', 'network', 'id'], derivation: ['target', 'network', 'id'] } as const;

export type CheckedTask = { kind: 'exercise'; network: string; ask: string[] } | { kind: 'derivation'; network: string; target: string };

/** Checks an exercise's or derivation's attributes against the lesson's networks. */
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

	if (draft.kind === 'exercise') {
		const ask = (draft.attributes.ask ?? '').split(/\s+/).filter(Boolean);
		if (ask.length === 0) {
			fail('this exercise asks nothing: add ask="…" with the quantities to compute, e.g. :::exercise{ask="net_h1 out_h1"}');
			return undefined;
		}
		const seen = new Set<string>();
		let ok = true;
		for (const q of ask) {
			if (seen.has(q)) fail(`“${q}” is asked twice: ask for it once`);
			seen.add(q);
			if (network && !checkQuantity(network, q, file, fail)) ok = false;
		}
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

/** Ids in file order: the author's `id`, or ex-1, ex-2 … counting every exercise and derivation. */
export function assignIds(drafts: Draft[], file: string, errors: ContentError[]): Map<Draft, string> {
	const ids = new Map<Draft, string>();
	const used = new Map<string, number>();
	let n = 0;
	for (const draft of drafts) {
		if (draft.kind === 'prose') continue;
		n += 1;
		const given = draft.attributes.id;
		let id = given ?? `ex-${n}`;
		if (given !== undefined && !ID.test(given)) {
			errors.push(new ContentError(file, draft.line, `the id “${given}” is not usable in a link: start with a letter, then letters, digits, - or _`));
			id = `ex-${n}`;
		}
		const before = used.get(id);
		if (before !== undefined) errors.push(new ContentError(file, draft.line, `the id “${id}” is already used on line ${before}: give each exercise its own id`));
		used.set(id, draft.line);
		ids.set(draft, id);
	}
	return ids;
}
