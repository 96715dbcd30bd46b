import GithubSlugger from 'github-slugger';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { ContentError } from '$lib/source';
import { rehypeExternalLinks, rehypeHeadingIds, rehypeRefuseScripts, type HtmlProblem } from './html';
import { katexOptions, mathErrors } from './math';
import type { LessonValues } from './values';

// GFM for tables (and strikethrough, task lists) as instructors write them on GitHub.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkMath);

/** The syntax tree of a whole lesson file (front matter included), so positions are file lines. */
export function parseMarkdown(source: string): MdastRoot {
	return parser.runSync(parser.parse(source)) as MdastRoot;
}

export type Renderer = {
	/** Safe HTML for a run of markdown nodes; problems go to the lesson's error list. */
	render(nodes: RootContent[], line: number): string;
};

/**
 * One renderer per lesson: headings get ids unique across all its blocks (and distinct from
 * `reservedIds`, the exercises' ids), `\val{…}` shows `values`, and every problem is reported at
 * its line.
 */
export function createRenderer(
	file: string,
	source: string,
	errors: ContentError[],
	reservedIds: string[] = [],
	values?: LessonValues
): Renderer {
	const slugger = new GithubSlugger();
	// The page's own ids (the skip link's target) and the exercises' ids are taken.
	for (const id of ['content', ...reservedIds]) slugger.slug(id);
	let fallbackLine = 1;
	const report = (p: HtmlProblem) => errors.push(new ContentError(file, p.line ?? fallbackLine, p.message));

	const processor = unified()
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeRaw)
		.use(rehypeRefuseScripts, { report })
		.use(rehypeSanitize)
		.use(rehypeHeadingIds, { slugger })
		.use(rehypeExternalLinks)
		.use(rehypeKatex, katexOptions(values))
		.use(rehypeStringify);

	return {
		render(nodes, line) {
			if (nodes.length === 0) return '';
			fallbackLine = line;
			const vfile = new VFile({ path: file, value: source });
			const tree = processor.runSync({ type: 'root', children: nodes }, vfile);
			errors.push(...mathErrors(vfile, file, line));
			return processor.stringify(tree, vfile).trim();
		}
	};
}
