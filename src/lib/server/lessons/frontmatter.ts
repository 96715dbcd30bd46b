import { z } from 'zod';
import {
	closest,
	ContentError,
	ContentErrors,
	readYaml,
	schemaProblems,
	splitFrontMatter,
	type Problem,
	type YamlSource
} from '$lib/source';
import type { Deck } from './types';
import type { Source } from '$lib/lessons/source';

const text = (what: string) => z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty: write ${what}` });
const positiveInt = z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be above 0' });

const deckSchema = z.strictObject({
	file: text('the deck’s file name'),
	title: text('the deck’s title'),
	slides: z.union([z.string(), z.number()], { error: 'must be a slide range such as "12–33"' }).transform(String).optional()
});

const url = z.url({ protocol: /^https?$/, error: 'must be a web address starting with https:// (or http://)' });
const pages = z.union([z.string(), z.number()], { error: 'must be a page or range such as "45" or "45–52"' }).transform(String);

/**
 * What the lesson follows: a deck (`deck:` file name), a book (`book:` title) or a web page (`url:`).
 * The older `deck: { file, title, slides }` key still works.
 */
const sourceSchema = z.union(
	[
		z.strictObject({ deck: text('the deck’s file name'), title: text('the deck’s title'), slides: pages.optional() }),
		z.strictObject({ book: text('the book’s title'), author: text('the authors').optional(), pages: pages.optional() }),
		z.strictObject({ url, title: text('the page’s title') })
	],
	{ error: 'must be a deck { deck: file, title, slides }, a book { book: title, author, pages } or a web page { url, title }' }
);

const printedSchema = z.strictObject({
	quantity: text('a quantity name such as out_h1'),
	value: z.number({ error: 'must be the number the slide prints, such as 0.5933' }).refine(Number.isFinite, { error: 'must be a finite number' }),
	slide: positiveInt.optional(),
	network: text('the name of one of the lesson’s networks').optional()
});

/** The front matter of a lesson. Networks are checked by $lib/nn, so here they are only present. */
export const frontMatterSchema = z.strictObject({
	title: text('the lesson’s title'),
	order: z.number({ error: 'must be a number (lessons are listed by it)' }).refine(Number.isFinite, { error: 'must be a finite number' }),
	summary: text('one sentence on what the lesson covers'),
	deck: deckSchema.optional(),
	source: sourceSchema.optional(),
	minSignificant: positiveInt.max(17, { error: 'must be at most 17' }).default(3),
	network: z.unknown().optional(),
	networks: z.record(z.string(), z.unknown(), { error: 'must be a mapping of names to networks (name: { inputs: …, layers: … })' }).optional(),
	labels: z.record(z.string(), z.string({ error: 'must be TeX text, e.g. "z_{h1}"' }), { error: 'must be a mapping of quantity names to TeX (net_h1: "z_{h1}")' }).optional(),
	printed: z.array(printedSchema, { error: 'must be a list (each item starting with “- ”)' }).optional(),
	/** false turns off "new numbers" (a lesson whose numbers are the point, such as logic gates). */
	variants: z.boolean({ error: 'must be true or false' }).default(true)
});

const VOCABULARY = [
	...Object.keys(frontMatterSchema.shape),
	...Object.keys(deckSchema.shape),
	...Object.keys(printedSchema.shape),
	'book', 'author', 'pages', 'url'
];

/**
 * A misspelt key (`summery`) also makes its right spelling missing: report the misspelling only,
 * since renaming it fixes both.
 */
function withoutEchoes(problems: Problem[], raw: Record<string, unknown>): Problem[] {
	const known = Object.keys(frontMatterSchema.shape);
	const meant = new Set(
		Object.keys(raw)
			.filter((k) => !known.includes(k))
			.map((k) => closest(k, known))
	);
	return problems.filter((p) => !(p.path.length === 1 && meant.has(String(p.path[0])) && raw[String(p.path[0])] === undefined));
}

export type PrintedEntry = z.output<typeof printedSchema>;
export type SourceSpec = z.output<typeof sourceSchema>;

/** The lesson's source as the page words it; `deck:` is a deck. */
export function sourceOf(front: Pick<FrontMatter, 'deck' | 'source'>): Source | undefined {
	const s = front.source;
	if (s && 'deck' in s) return { kind: 'deck', title: s.title, file: s.deck, ...(s.slides ? { slides: s.slides } : {}) };
	if (s && 'book' in s) return { kind: 'book', title: s.book, ...(s.author ? { author: s.author } : {}), ...(s.pages ? { pages: s.pages } : {}) };
	if (s) return { kind: 'web', title: s.title, url: s.url };
	const d = front.deck;
	return d ? { kind: 'deck', title: d.title, file: d.file, ...(d.slides ? { slides: d.slides } : {}) } : undefined;
}

/** The front matter as far as it could be read; each part is undefined when it is invalid. */
export type FrontMatter = {
	yaml: YamlSource;
	title?: string;
	order?: number;
	summary?: string;
	deck?: Deck;
	source?: SourceSpec;
	minSignificant: number;
	network?: unknown;
	networks?: Record<string, unknown>;
	labels: Record<string, string>;
	printed: PrintedEntry[];
	variants: boolean;
	/** True when every part was valid. */
	valid: boolean;
};

/**
 * Reads and checks a lesson's front matter. Throws ContentErrors when there is none or its YAML
 * cannot be read; otherwise reports schema problems into `errors` and returns what is valid, so
 * that the rest of the lesson can still be checked.
 */
export function readFrontMatter(source: string, file: string, errors: ContentError[]): FrontMatter {
	const split = splitFrontMatter(source);
	if (!split) {
		throw new ContentErrors([
			new ContentError(file, 1, 'a lesson starts with front matter: a line ---, then title, order and summary, then a line ---')
		]);
	}
	let yaml: YamlSource;
	try {
		yaml = readYaml(split.yaml, file, split.yamlFirstLine);
	} catch (e) {
		if (e instanceof ContentError) throw new ContentErrors([e]);
		throw e;
	}
	const data = yaml.data ?? {};
	const whole = frontMatterSchema.safeParse(data);
	if (whole.success) return { yaml, ...whole.data, labels: whole.data.labels ?? {}, printed: whole.data.printed ?? [], valid: true };

	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		errors.push(new ContentError(file, split.yamlFirstLine, 'the front matter must be a mapping of keys to values (title: …)'));
		return { yaml, minSignificant: 3, labels: {}, printed: [], variants: true, valid: false };
	}
	const raw = data as Record<string, unknown>;
	errors.push(...yaml.errorsFor(withoutEchoes(schemaProblems(whole.error, data, VOCABULARY), raw)));
	// Keep every part that is valid on its own, so that the body is still checked against it.
	const part = <K extends keyof typeof frontMatterSchema.shape>(key: K) => {
		const parsed = frontMatterSchema.shape[key].safeParse(raw[key]);
		return parsed.success ? (parsed.data as z.output<(typeof frontMatterSchema.shape)[K]>) : undefined;
	};
	return {
		yaml,
		title: part('title'),
		order: part('order'),
		summary: part('summary'),
		deck: part('deck'),
		source: part('source'),
		minSignificant: part('minSignificant') ?? 3,
		network: part('network'),
		networks: part('networks'),
		labels: part('labels') ?? {},
		printed: part('printed') ?? [],
		variants: part('variants') ?? true,
		valid: false
	};
}
