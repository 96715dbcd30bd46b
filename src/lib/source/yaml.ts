import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError, formatPath, type KeyPath, type Problem } from './errors';

/** YAML aliases copy a value: a few are handy, but nested ones multiply (an "alias bomb"). */
export const MAX_ALIAS_COUNT = 100;

export type YamlSource = {
	data: unknown;
	/** The 1-based line of the key at `path` (or of its nearest existing ancestor). */
	lineOf(path: KeyPath): number;
	/** Turns located problems into errors that name the file, the line and the key. */
	errorsFor(problems: Problem[]): ContentError[];
	/** The scalar at `path` as written in the file (`0.50` stays `0.50`); undefined if there is none. */
	sourceTextOf(path: KeyPath): string | undefined;
};

/**
 * Parses YAML keeping every node's position, so that a mistake deep in a network is reported
 * at its own line. `firstLine` is the file line of the text's first line (front matter starts
 * below the opening `---`).
 */
export function readYaml(text: string, file: string, firstLine = 1): YamlSource {
	const lines = new LineCounter();
	// The parser's own check for repeated keys takes quadratic time (minutes for a mapping of
	// 20,000 keys): the same check is done below in one pass.
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
	const toLine = (offset: number) => lines.linePos(offset).line + firstLine - 1;

	const repeated = repeatedKey(doc.contents);
	if (repeated && doc.errors.length === 0) {
		throw new ContentError(file, toLine(repeated.offset), `the YAML cannot be read: the key “${repeated.key}” appears twice in the same mapping: rename or remove one`);
	}
	const [syntax] = doc.errors;
	if (syntax) {
		const { offset, detail } = explainSyntax(doc.errors, text);
		throw new ContentError(file, toLine(offset), `the YAML cannot be read: ${detail}`);
	}

	const lineOf = (path: KeyPath): number => {
		let node: unknown = doc.contents;
		let line = node && (node as Node).range ? toLine((node as Node).range![0]) : firstLine;
		for (const key of path) {
			const found = childNode(node, key);
			if (!found) break;
			node = found.value;
			line = toLine(found.offset);
		}
		return line;
	};

	const sourceTextOf = (path: KeyPath): string | undefined => {
		let node: unknown = doc.contents;
		for (const key of path) {
			node = childNode(node, key)?.value;
			if (!node) return undefined;
		}
		return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
	};

	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (e) {
		if (!(e instanceof ReferenceError)) throw e;
		const alias = /(^|[\s,[{:-])\*[^\s,\]}]+/m.exec(text);
		throw new ContentError(
			file,
			toLine(alias ? alias.index + alias[1]!.length : 0),
			`the YAML's aliases (*name) expand too much (${e.message.replace(/\.$/, '')}): ` +
				`write the values out instead; a front matter may use aliases, but no more than ${MAX_ALIAS_COUNT} copies in all`
		);
	}

	return {
		data,
		lineOf,
		sourceTextOf,
		errorsFor: (problems) =>
			problems.map((p) => new ContentError(file, lineOf(p.path), p.message, formatPath(p.path) || undefined))
	};
}

/**
 * The child at `key` and the offset to report for it: its key, so that an error naming
 * `targets` points at the `targets:` line even when its entries start on the next line (its
 * value's offset if the key has no position).
 */
function childNode(node: unknown, key: string | number): { value: unknown; offset: number } | undefined {
	if (isMap(node)) {
		const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
		if (!pair) return undefined;
		const at = (pair.key as Node | null)?.range ?? (pair.value as Node | null)?.range;
		return at ? { value: pair.value, offset: at[0] } : undefined;
	}
	if (isSeq(node) && typeof key === 'number') {
		const item = node.items[key] as Node | undefined;
		return item?.range ? { value: item, offset: item.range[0] } : undefined;
	}
	return undefined;
}

/** The first key that a mapping has twice, with its offset; one pass over the document. */
function repeatedKey(root: unknown): { key: string; offset: number } | undefined {
	const stack: unknown[] = [root];
	let found: { key: string; offset: number } | undefined;
	while (stack.length > 0) {
		const node = stack.pop();
		if (isMap(node)) {
			const seen = new Set<string>();
			for (const item of node.items) {
				const key = isScalar(item.key) ? String(item.key.value) : undefined;
				const offset = (item.key as Node | null)?.range?.[0];
				if (key !== undefined && seen.has(key) && offset !== undefined && (!found || offset < found.offset)) found = { key, offset };
				if (key !== undefined) seen.add(key);
				stack.push(item.value);
			}
		} else if (isSeq(node)) stack.push(...node.items);
	}
	return found;
}

type SyntaxProblem = { code: string; pos: [number, number]; message: string };

/**
 * Where and what a YAML syntax error is, as an instructor would see it. The parser notices some
 * mistakes a line late: an unclosed { or [ where the next key starts, a too-deep indentation
 * on the line above it. These are reported at the line that has to change.
 */
function explainSyntax(errors: readonly SyntaxProblem[], text: string): { offset: number; detail: string } {
	const first = errors[0] as SyntaxProblem;
	const detail = first.message.split('\n')[0] ?? 'invalid YAML';
	// The parser runs out of stack on thousands of nested [ or {: no lesson nests like that.
	if (/maximum call stack/i.test(detail)) return { offset: first.pos[0], detail: 'it is nested too deeply (thousands of [ or { inside each other): a network needs only a few levels' };
	const unclosed = /^Flow (map|sequence) .*end with a ([}\]])/.exec(detail);
	if (unclosed) {
		const [open, close] = unclosed[2] === '}' ? ['{', '}'] : ['[', ']'];
		const opener = unmatchedOpener(text, first.pos[0], open, close);
		if (opener !== undefined) {
			return { offset: opener, detail: `the ${open} on this line is not closed: add ${close} after its last item` };
		}
	}
	const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
	if (multiline && (first.code === 'BLOCK_AS_IMPLICIT_KEY' || first === multiline)) {
		return {
			offset: Math.max(multiline.pos[0], multiline.pos[1] - 1),
			detail: 'this line is indented further than the line above it: indent the keys of one mapping to the same column'
		};
	}
	if (first.code === 'DUPLICATE_KEY') {
		const key = /^["']?([^:\n"']*)/.exec(text.slice(first.pos[0]))?.[1]?.trim();
		if (key) return { offset: first.pos[0], detail: `the key “${key}” appears twice in the same mapping: rename or remove one` };
	}
	return { offset: first.pos[0], detail };
}

/** The offset of the `open` bracket left unclosed before `offset`, if any. */
function unmatchedOpener(text: string, offset: number, open: string, close: string): number | undefined {
	let depth = 0;
	for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
		if (text[i] === close) depth++;
		else if (text[i] === open) {
			if (depth === 0) return i;
			depth--;
		}
	}
	return undefined;
}
