/**
 * What a lesson follows, from its front matter's `source:` (or the older `deck:`): a slide deck,
 * a book or a web page. The page words each as readers expect: "slides 12–33 of <deck>",
 * "pp. 45–52 of <book> by <author>", or a link to the page.
 */
export type Source =
	| { kind: 'deck'; title: string; file: string; slides?: string }
	| { kind: 'book'; title: string; author?: string; pages?: string }
	| { kind: 'web'; title: string; url: string };

/** The parts of the sentence "Follows …": the words before the title, the title, what comes after. */
export type SourceWords = { before: string; title: string; after: string; href?: string };

export function sourceWords(source: Source): SourceWords {
	switch (source.kind) {
		case 'deck':
			return source.slides ? { before: `${range(source.slides, 'slide', 'slides')} of `, title: source.title, after: '' } : { before: '', title: source.title, after: ' (slides)' };
		case 'book': {
			const by = source.author ? ` by ${source.author}` : '';
			return source.pages ? { before: `${range(source.pages, 'p.', 'pp.')} of `, title: source.title, after: by } : { before: '', title: source.title, after: by };
		}
		case 'web':
			return { before: '', title: source.title, after: '', href: source.url };
	}
}

/** "12" → "slide 12", "12–33" → "slides 12–33" (a dash, comma or "and" makes it several). */
function range(text: string, one: string, several: string): string {
	return `${/[–—\-,]|\band\b/.test(text) ? several : one} ${text}`;
}
