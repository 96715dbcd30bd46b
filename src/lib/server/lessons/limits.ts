import { ContentError, splitFrontMatter } from '$lib/source';

/**
 * What a lesson file may hold (docs/authoring.md, "Limits"). Far beyond any real lesson (the
 * longest in content/ is about 22 KB, nested 3 deep), low enough that a file beyond them is
 * refused in well under a second instead of crashing the markdown parser or taking minutes.
 */
export const LIMITS = {
	/** Characters of a lesson's text (below its front matter). */
	size: 200_000,
	/** Characters of a lesson's front matter. */
	frontMatter: 100_000,
	/** Quotes (>) and lists nested in one another. */
	nesting: 20,
	/** Definitions (define:) of one graph, and values of one network or graph. */
	definitions: 1_000,
	/**
	 * Characters, and `[` brackets (links), of one paragraph (lines between blank lines): the
	 * markdown parser's time grows with the square of either within one paragraph (10,000 links
	 * on one line took 7 s, 30,000 nested brackets 330 s).
	 */
	paragraph: 20_000,
	brackets: 1_000
} as const;

/** Problems of size and nesting, found by reading lines only (before any parser runs). */
export function sizeProblems(text: string, file: string): ContentError[] {
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const depth = nestingOf(lines[i] as string);
		if (depth > LIMITS.nesting) {
			return [new ContentError(file, i + 1, `quotes and lists are nested ${depth} deep here; at most ${LIMITS.nesting} levels are allowed: flatten them`)];
		}
	}
	const split = splitFrontMatter(text);
	const [front, body] = split ? [text.length - split.body.length, split.body.length] : [0, text.length];
	const n = (x: number) => x.toLocaleString('en');
	if (body > LIMITS.size) {
		return [new ContentError(file, split?.bodyFirstLine ?? 1, `the lesson text has ${n(body)} characters; a lesson may have at most ${n(LIMITS.size)}: split it into two lessons`)];
	}
	if (front > LIMITS.frontMatter) {
		return [new ContentError(file, 1, `the front matter has ${n(front)} characters; it may have at most ${n(LIMITS.frontMatter)}: make its networks smaller`)];
	}
	return paragraphProblems(lines, split ? split.bodyFirstLine - 1 : 0, file);
}

/** A paragraph (lines between blank lines, below the front matter) too long or with too many brackets. */
function paragraphProblems(lines: string[], from: number, file: string): ContentError[] {
	let start = from;
	let chars = 0;
	let brackets = 0;
	for (let i = from; i <= lines.length; i++) {
		const line = lines[i];
		if (line === undefined || line.trim() === '') {
			start = i + 1;
			chars = brackets = 0;
			continue;
		}
		chars += line.length + 1;
		for (const c of line) if (c === '[') brackets++;
		if (chars > LIMITS.paragraph) {
			return [new ContentError(file, start + 1, `this paragraph has more than ${LIMITS.paragraph.toLocaleString('en')} characters, the most one paragraph may have: put blank lines between its parts`)];
		}
		if (brackets > LIMITS.brackets) {
			return [new ContentError(file, start + 1, `this paragraph has more than ${LIMITS.brackets.toLocaleString('en')} [ brackets (links), the most one paragraph may have: put blank lines between its parts`)];
		}
	}
	return [];
}

/**
 * How deeply a line is nested: each `>` of a quote and each list marker counts one, and an
 * indented list item counts one per two columns of indentation (a list inside a list). Markers
 * follow one another on one line too (`- - - item`, `> - > - x`): 1,000 of them crashed the parser.
 * A line of dashes or stars alone (`- - -`) is a rule, not a list.
 */
function nestingOf(line: string): number {
	if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 0;
	let depth = 0;
	let rest = line;
	let firstItem = true;
	for (;;) {
		const quote = /^ {0,3}>\s?/.exec(rest);
		const item = quote ? null : /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)/.exec(rest);
		if (quote) {
			depth++;
			rest = rest.slice(quote[0].length);
		} else if (item) {
			depth += 1 + (firstItem ? Math.floor((item[1] as string).replace(/\t/g, '    ').length / 2) : 0);
			rest = rest.slice(item[0].length);
			firstItem = false;
		} else break;
	}
	return depth;
}

/** A graph or network with more definitions or values than a lesson can show. */
export function graphSizeProblem(spec: unknown): string | undefined {
	if (!spec || typeof spec !== 'object') return undefined;
	for (const key of ['define', 'values', 'parameters', 'inputs']) {
		const part = (spec as Record<string, unknown>)[key];
		const count = part && typeof part === 'object' ? Object.keys(part).length : 0;
		if (count > LIMITS.definitions) {
			return `has ${count.toLocaleString('en')} entries under ${key}:; a lesson's network or graph may have at most ${LIMITS.definitions.toLocaleString('en')}: make it smaller`;
		}
	}
	return undefined;
}
