/** A markdown file split into its YAML front matter and its body, with their first lines. */
export type FrontMatterSplit = { yaml: string; yamlFirstLine: number; body: string; bodyFirstLine: number };

const FENCE = /^---[ \t]*$/;

/** Splits `---` front matter off a markdown file; undefined if the file has none. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (!FENCE.test(lines[0] ?? '')) return undefined;
	const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
	if (end < 0) return undefined;
	return {
		yaml: lines.slice(1, end).join('\n'),
		yamlFirstLine: 2,
		body: lines.slice(end + 1).join('\n'),
		bodyFirstLine: end + 2
	};
}
