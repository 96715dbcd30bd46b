import type { Element, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type GithubSlugger from 'github-slugger';

/** A problem in the author's HTML, at a line of the lesson file. */
export type HtmlProblem = { line: number | undefined; message: string };

const REFUSED: Record<string, string> = {
	script: 'lessons cannot run scripts',
	iframe: 'lessons cannot embed other pages',
	style: 'lessons cannot restyle the page: use markdown'
};

/** Attributes that hold a URL, by their hast property names. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'cite', 'data', 'background'];

/**
 * Rejects what would run code in a lesson page: <script>, <iframe>, <style>, on* event
 * attributes and javascript: URLs. Runs before rehype-sanitize, which removes the rest quietly;
 * these are errors so that an author learns why their markup vanished.
 */
export function rehypeRefuseScripts(options: { report: (problem: HtmlProblem) => void }) {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element) => {
			const line = node.position?.start.line;
			const why = REFUSED[node.tagName];
			if (why) options.report({ line, message: `remove the <${node.tagName}> element: ${why}` });
			for (const [name, value] of Object.entries(node.properties)) {
				if (/^on/i.test(name)) {
					options.report({ line, message: `remove the ${name.toLowerCase()} attribute from <${node.tagName}>: lessons cannot run scripts` });
				} else if (URL_PROPERTIES.includes(name)) {
					const scheme = scriptScheme(value);
					if (scheme) options.report({ line, message: `remove the ${scheme}: link: lessons cannot run scripts` });
				}
			}
		});
	};
}

/** The script scheme of a URL, if it has one. Browsers skip spaces and control characters: `java\tscript:` runs too. */
function scriptScheme(value: unknown): string | undefined {
	const text = (Array.isArray(value) ? value.join(' ') : String(value ?? '')).replace(/[\u0000-\u0020]/g, '');
	return /^(javascript|vbscript):/i.exec(text)?.[1]?.toLowerCase();
}

/** Gives every heading an id from its text, unique within the lesson, for links to it. */
export function rehypeHeadingIds(options: { slugger: GithubSlugger }) {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element) => {
			if (/^h[1-6]$/.test(node.tagName)) node.properties.id = options.slugger.slug(toString(node).trim() || 'section');
		});
	};
}

/** Links that leave the site open without giving the new page a handle on this one. */
export function rehypeExternalLinks() {
	return (tree: HastRoot) => {
		visit(tree, 'element', (node: Element) => {
			const href = node.properties.href;
			if (node.tagName === 'a' && typeof href === 'string' && /^(https?:)?\/\//i.test(href.trim())) {
				node.properties.rel = ['noopener'];
			}
		});
	};
}
