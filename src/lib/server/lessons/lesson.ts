import { ContentError, ContentErrors } from '$lib/source';
import type { ModelSpec, Trace } from '$lib/nn';
import { readFrontMatter, sourceOf, type FrontMatter } from './frontmatter';
import type { Source } from '$lib/lessons/source';
import { extractClaims } from './claims';
import { checkLabels } from './labels';
import { createRenderer, parseMarkdown } from './markdown';
import { loadNetworks, type LessonNetworks } from './networks';
import { readPrinted } from './printed';
import { sizeProblems } from './limits';
import { draftBlocks } from './structure';
import { assignIds, checkTask } from './tasks';
import { checkTraining } from './training';
import type { Block, Lesson } from './types';
import { lessonValues } from './values';
import { askedKeys } from '$lib/lessons/asked';
import { lessonSteps } from '$lib/lessons/steps';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `content/02-backprop-step-by-step.md` → `backprop-step-by-step`. */
export function slugOf(file: string): string {
	const name = file.split(/[\\/]/).at(-1) ?? file;
	return name.replace(/\.md$/i, '').replace(/^\d+-/, '');
}

/**
 * Reads one lesson file: front matter, networks, prose and exercise/derivation/table blocks,
 * rendered to safe HTML (`\val{…}` showing the networks' values). Throws ContentErrors listing
 * every problem found, each with the file and line.
 * Independent of Vite: the CLI and tests call it with any text and file name.
 */
export function parseLesson(source: string, file: string): Lesson {
	// A byte-order mark (as some Windows editors save) is no part of the lesson.
	const text = source.replace(/^\uFEFF/, '');
	// Beyond the size and nesting limits the parsers take minutes or crash: refuse before them.
	const tooLarge = sizeProblems(text, file);
	if (tooLarge.length > 0) throw new ContentErrors(tooLarge);
	const errors: ContentError[] = [];
	const slug = slugOf(file);
	if (!SLUG.test(slug)) {
		errors.push(new ContentError(file, 1, `the file name gives the slug “${slug}”: name the file NN-some-words.md, in lower case letters, digits and dashes`));
	}
	// Without readable front matter, the body is still checked for what does not need networks.
	let front: FrontMatter | undefined;
	try {
		front = readFrontMatter(text, file, errors);
	} catch (e) {
		if (!(e instanceof ContentErrors)) throw e;
		errors.push(...e.errors);
	}
	if (front?.deck && front.source) {
		errors.push(new ContentError(file, front.yaml.lineOf(['source']), 'source: and deck: both say what the lesson follows: keep source: and remove deck: (its older form)'));
	}
	const networks: LessonNetworks = front
		? loadNetworks(front, file, errors)
		: { loaded: new Map(), failed: new Set(), complete: false };
	const labels = front ? checkLabels(front, networks, file, errors) : {};
	const printed = front ? readPrinted(front, networks, file, errors) : [];

	const tree = parseMarkdown(text);
	// Claims first: their words stay in the prose, and each is checked against the numbers.
	const claims = extractClaims(tree, networks, file, errors);
	const drafts = draftBlocks(tree, text, file, errors);
	const ids = assignIds(drafts, file, errors);
	const tasks = new Map(drafts.map((d) => [d, d.kind === 'prose' || d.kind === 'training' ? undefined : checkTask(d, networks, file, errors)]));
	const trainings = new Map(drafts.map((d) => [d, d.kind === 'training' ? checkTraining(d, networks, file, errors) : undefined]));
	const asked = askedOf(tasks, ids, networks, labels);
	const renderer = createRenderer(file, text, errors, [...ids.values()], lessonValues(networks, file, asked));
	const blocks: Block[] = [];
	for (const draft of drafts) {
		if (draft.kind === 'prose') {
			const html = renderer.render(draft.nodes, draft.line);
			if (html !== '') blocks.push({ kind: 'prose', html });
			continue;
		}
		if (draft.kind === 'training') {
			const training = trainings.get(draft);
			const captionHtml = renderer.render(draft.body, draft.line);
			if (training) blocks.push({ ...training, id: ids.get(draft) as string, captionHtml });
			continue;
		}
		const task = tasks.get(draft);
		const parts = {
			id: ids.get(draft) as string,
			promptHtml: renderer.render(draft.prompt, draft.line),
			hints: draft.hints.map((h) => renderer.render(h.nodes, h.line)),
			...(draft.solution ? { solutionHtml: renderer.render(draft.solution.nodes, draft.solution.line) } : {})
		};
		if (task) blocks.push({ ...task, ...parts });
	}

	if (errors.length > 0 || !front?.valid) throw new ContentErrors(sortByLine(errors));
	return {
		slug,
		file,
		title: front.title as string,
		order: front.order as number,
		summary: front.summary as string,
		...(front.deck ? { deck: front.deck } : {}),
		...(sourceOf(front) ? { source: sourceOf(front) as Source } : {}),
		minSignificant: front.minSignificant,
		networks: Object.fromEntries([...networks.loaded].map(([name, n]) => [name, n.spec])) as Record<string, ModelSpec>,
		training: trainingOf(networks),
		labels,
		printed,
		variants: front.variants,
		claims,
		blocks
	};
}

/**
 * What the lesson asks the learner for: `\val{}` of one of these is hidden in the page until the
 * learner has found it (the page fills it in), so prose never gives an answer away.
 */
function askedOf(
	tasks: Map<unknown, ReturnType<typeof checkTask>>,
	ids: Map<unknown, string>,
	networks: LessonNetworks,
	labels: Record<string, string>
): Set<string> {
	try {
		const blocks = [...tasks].flatMap(([draft, task]) => (task ? [{ ...task, id: ids.get(draft) ?? '', promptHtml: '', hints: [] } as Block] : []));
		const specs = Object.fromEntries([...networks.loaded].map(([name, n]) => [name, n.spec])) as Record<string, ModelSpec>;
		return new Set(askedKeys(blocks, lessonSteps(specs, labels, trainingOf(networks)).steps));
	} catch {
		return new Set(); // a broken network is reported on its own; nothing to hide then
	}
}

/** The training quantities of each network that trains, computed once here for the page. */
function trainingOf(networks: LessonNetworks): Record<string, Trace> {
	return Object.fromEntries([...networks.loaded].filter(([, n]) => Object.keys(n.training).length > 0).map(([name, n]) => [name, n.training]));
}

function sortByLine(errors: ContentError[]): ContentError[] {
	return [...errors].sort((a, b) => a.line - b.line);
}
