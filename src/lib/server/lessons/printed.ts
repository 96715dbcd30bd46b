// The judge and the literal reader only: the answers index also loads the expression parser
// (mathjs, about 1.5 s to import), which a number typed in YAML never needs.
import { judge } from '$lib/answers/judge';
import { readLiteral } from '$lib/answers/literal';
import { ContentError } from '$lib/source';
import type { FrontMatter } from './frontmatter';
import { checkQuantity, resolveNetwork, type LessonNetworks } from './networks';
import type { PrintedValue } from './types';

/**
 * Does a number a slide printed agree with the engine? It does when the engine's value, rounded
 * to the printed digits, is the printed number: within half a unit of the last printed place.
 * `text` is the number as written in the file, so `0.50` is read with two decimals.
 * A slide that cut a value off (0.5932 for 0.593270) does not agree, but `cutOff: true` says
 * whether it is the value cut off at the printed digits: a lesser slip than a wrong number.
 */
export function printedAgrees(text: string, engine: number, { cutOff = false } = {}): boolean {
	const literal = readLiteral(text.trim().toLowerCase().replace(/^\+/, ''));
	if (!literal) return false;
	const reading = { ok: true as const, ...literal };
	return judge(reading, engine, { minSignificant: 0, acceptTruncation: cutOff, relTolerance: 0 }).verdict === 'correct';
}

/** Each printed value beside the engine's; a disagreement is a note for the page, not an error. */
export function readPrinted(front: FrontMatter, networks: LessonNetworks, file: string, errors: ContentError[]): PrintedValue[] {
	const printed: PrintedValue[] = [];
	front.printed.forEach((entry, i) => {
		const line = front.yaml.lineOf(['printed', i]);
		const fail = (message: string) => errors.push(new ContentError(file, line, message, `printed[${i}]`));
		const name = resolveNetwork(networks, entry.network, fail);
		const network = name === undefined ? undefined : networks.loaded.get(name);
		if (!network || !name || !checkQuantity(network, entry.quantity, file, fail)) return;
		const text = front.yaml.sourceTextOf(['printed', i, 'value']) ?? String(entry.value);
		const engine = network.trace[entry.quantity] as number;
		printed.push({
			quantity: entry.quantity,
			network: name,
			value: entry.value,
			text,
			...(entry.slide === undefined ? {} : { slide: entry.slide }),
			engine,
			agrees: printedAgrees(text, engine),
			cutOff: !printedAgrees(text, engine) && printedAgrees(text, engine, { cutOff: true }),
			rounded: roundedLike(text, engine),
			line
		});
	});
	return printed;
}

/**
 * The engine's value written to the places the slide printed, so that the two can be set side by
 * side ("the slide prints 0.1816; the value is 0.1868"); with more digits where they coincide.
 */
export function roundedLike(text: string, engine: number): string {
	const decimals = readLiteral(text.trim().toLowerCase().replace(/^\+/, ''))?.digits.decimals;
	if (decimals === undefined || decimals < 0 || decimals > 15) return String(Number(engine.toPrecision(6)));
	const rounded = engine.toFixed(decimals);
	return rounded === text.trim() ? String(Number(engine.toPrecision(6))) : rounded;
}
