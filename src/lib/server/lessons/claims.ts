import type { Root as MdastRoot } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { brokenComparison, claimQuantities, parseHolds, type Claim } from '$lib/lessons/claims';
import type { ModelSpec } from '$lib/nn';
import { closest, ContentError } from '$lib/source';
import { checkQuantity, resolveNetwork, type LessonNetworks } from './networks';
import { lineOf } from './structure';

/**
 * Takes the `:claim[words]{holds="…"}` directives out of a lesson's markdown tree, leaving their
 * words in the prose, and checks each: readable `holds`, a known network and known quantities,
 * and true for the lesson's own numbers. Problems go to `errors` at the claim's line.
 */
export function extractClaims(tree: MdastRoot, networks: LessonNetworks, file: string, errors: ContentError[]): Claim[] {
	const claims: Claim[] = [];
	visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
		if (node.name !== 'claim' || !parent || index === undefined) return undefined;
		parent.children.splice(index, 1, ...node.children);
		const line = lineOf(node);
		const claim = checkClaim(node, line, networks, file, (message) => errors.push(new ContentError(file, line, message)));
		if (claim) claims.push(claim);
		return index; // visit the words that took the claim's place
	});
	return claims;
}

function checkClaim(node: TextDirective, line: number, networks: LessonNetworks, file: string, fail: (message: string) => void): Claim | undefined {
	const attributes = node.attributes ?? {};
	for (const key of Object.keys(attributes)) {
		if (key !== 'holds' && key !== 'network') fail(`unknown attribute “${key}” of a claim${closest(key, ['holds', 'network']) ? `: did you mean “${closest(key, ['holds', 'network'])}”?` : ': use holds and network'}`);
	}
	const text = wordsOf(node).trim();
	const source = attributes.holds ?? '';
	if (source.trim() === '') {
		fail(`the claim “${text}” says nothing to check: add holds="…", e.g. :claim[raising $x$ raises $f$]{holds="df/dx > 0"}`);
		return undefined;
	}
	const holds = parseHolds(source);
	if (typeof holds === 'string') {
		fail(`in the claim “${text}”: ${holds}`);
		return undefined;
	}
	const network = resolveNetwork(networks, attributes.network ?? undefined, fail);
	const loaded = network === undefined ? undefined : networks.loaded.get(network);
	if (!loaded || network === undefined) return undefined;
	const values: Record<string, number> = { ...loaded.trace, ...targetsOf(loaded.spec) };
	if (!claimQuantities(holds).map((q) => Object.hasOwn(values, q) || checkQuantity(loaded, q, file, fail)).every(Boolean)) return undefined;
	const broken = brokenComparison(holds, (q) => values[q] as number);
	if (broken) {
		fail(`the claim “${text}” (${source}) is false for the lesson’s numbers: ${broken}. Change the words, the claim or the numbers`);
		return undefined;
	}
	return { line, text, network, holds, source };
}

/** The claim's words as plain text: its text and math, for messages. */
function wordsOf(node: { type: string; value?: string; children?: unknown[] }): string {
	if (typeof node.value === 'string') return node.type === 'inlineMath' ? `$${node.value}$` : node.value;
	return (node.children ?? []).map((c) => wordsOf(c as typeof node)).join('');
}

const targetsOf = (spec: ModelSpec): Record<string, number> =>
	spec.kind === 'network' ? Object.fromEntries(Object.entries(spec.targets ?? {}).map(([o, t]) => [`target_${o}`, t])) : {};
