import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError, formatPath, type KeyPath, type Problem } from './errors';

export type YamlSource = {
	data: unknown;
	/** The 1-based line of the value at `path` (or of its nearest existing ancestor). */
	lineOf(path: KeyPath): number;
	/** Turns located problems into errors that name the file, the line and the key. */
	errorsFor(problems: Problem[]): ContentError[];
};

/**
 * Parses YAML keeping every node's position, so that a mistake deep in a network is reported
 * at its own line. `firstLine` is the file line of the text's first line (front matter starts
 * below the opening `---`).
 */
export function readYaml(text: string, file: string, firstLine = 1): YamlSource {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
	const toLine = (offset: number) => lines.linePos(offset).line + firstLine - 1;

	const [syntax] = doc.errors;
	if (syntax) {
		const line = toLine(syntax.pos[0]);
		const detail = syntax.message.split('\n')[0] ?? 'invalid YAML';
		throw new ContentError(file, line, `the YAML cannot be read: ${detail}`);
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

	return {
		data: doc.toJS(),
		lineOf,
		errorsFor: (problems) =>
			problems.map((p) => new ContentError(file, lineOf(p.path), p.message, formatPath(p.path) || undefined))
	};
}

/** The child at `key` and the offset to report for it (its value, or its key if it has none). */
function childNode(node: unknown, key: string | number): { value: unknown; offset: number } | undefined {
	if (isMap(node)) {
		const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
		if (!pair) return undefined;
		const at = (pair.value as Node | null)?.range ?? (pair.key as Node).range;
		return at ? { value: pair.value, offset: at[0] } : undefined;
	}
	if (isSeq(node) && typeof key === 'number') {
		const item = node.items[key] as Node | undefined;
		return item?.range ? { value: item, offset: item.range[0] } : undefined;
	}
	return undefined;
}
