import { parseValName, type TexValues } from '$lib/katex';
import { closest } from '$lib/source';
import type { LessonNetwork, LessonNetworks } from './networks';

/** What `\val{…}` may show in a lesson, and why a name is not one of them. */
export type LessonValues = { values: TexValues; explain: (name: string) => string };

/** Every quantity of a network by name: its trace, and its targets as target_X. */
function quantitiesOf(network: LessonNetwork): Record<string, number> {
	const targets = network.spec.kind === 'network' ? (network.spec.targets ?? {}) : {};
	return { ...network.trace, ...Object.fromEntries(Object.entries(targets).map(([o, t]) => [`target_${o}`, t])) };
}

/**
 * The engine values of a lesson's networks for `\val{name}` or `\val{network:name}`. While a
 * network failed to load, its names stand in as 0: its own error is the one to fix first.
 */
export function lessonValues(networks: LessonNetworks, file: string, hidden: ReadonlySet<string> = new Set()): LessonValues {
	const quantities = new Map([...networks.loaded].map(([name, n]) => [name, quantitiesOf(n)]));
	const names = [...networks.loaded.keys(), ...networks.failed];
	const unsure = (network: string | undefined) =>
		!networks.complete || (network === undefined ? networks.failed.size > 0 : networks.failed.has(network));
	const networkOf = (network: string | undefined) => (network === undefined && names.length === 1 ? names[0] : network);

	const values: TexValues = (name) => {
		const { network, quantity } = parseValName(name);
		const own = networkOf(network);
		if (unsure(own)) return 0;
		const table = own === undefined ? undefined : quantities.get(own);
		if (!table || !Object.hasOwn(table, quantity)) return undefined;
		return hidden.has(`${own}:${quantity}`) ? null : table[quantity];
	};

	const explain = (name: string) => {
		const { network, quantity } = parseValName(name);
		const own = networkOf(network);
		const at = `in \\val{${name}}`;
		if (names.length === 0) return `\\val{${name}} needs a network: add network: { inputs: …, layers: … } to the front matter`;
		if (own === undefined) {
			return `\\val{${name}} does not say which network: this lesson has several (${names.join(', ')}), so write \\val{${names[0]}:${quantity}}`;
		}
		const table = quantities.get(own);
		if (!table) {
			const guess = closest(own, names);
			return `unknown network “${own}” ${at}${guess ? `: did you mean “${guess}”?` : `: this lesson has ${names.join(', ')}`}`;
		}
		const guess = closest(quantity, Object.keys(table));
		return `unknown quantity “${quantity}” ${at}${guess ? `: did you mean “${guess}”?` : `: see the quantities with npm run trace -- ${file}`}`;
	};
	return { values, explain };
}
