import type { Root as MdastRoot, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import { closest, ContentError } from '$lib/source';

/** The directive blocks a lesson may use. */
export const BLOCK_NAMES = ['exercise', 'derivation', 'table', 'training', 'hint', 'solution'] as const;
export const TASK_KINDS = ['exercise', 'derivation', 'table'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** An exercise, derivation or table before its attributes are checked and its parts rendered. */
export type TaskDraft = {
	kind: TaskKind;
	line: number;
	attributes: Record<string, string>;
	prompt: RootContent[];
	hints: Array<{ nodes: RootContent[]; line: number }>;
	solution?: { nodes: RootContent[]; line: number };
};

/** A training lab: its attributes and the text shown above it. */
export type TrainingDraft = { kind: 'training'; line: number; attributes: Record<string, string>; body: RootContent[] };

export type Draft = { kind: 'prose'; nodes: RootContent[]; line: number } | TaskDraft | TrainingDraft;

type Directive = ContainerDirective | LeafDirective;

/**
 * Splits a lesson body into runs of prose and exercise/derivation/table blocks. Text directives
 * (the `:30` of `10:30`) are put back as the text they were; misplaced or unknown blocks are
 * reported. `source` is the whole file, whose offsets the tree's positions use.
 */
export function draftBlocks(tree: MdastRoot, source: string, file: string, errors: ContentError[]): Draft[] {
	const fail = (line: number, message: string) => errors.push(new ContentError(file, line, message));
	const drafts: Draft[] = [];
	let prose: RootContent[] = [];
	const flush = () => {
		if (prose.length > 0) drafts.push({ kind: 'prose', nodes: prose, line: lineOf(prose[0]) });
		prose = [];
	};

	for (const node of tree.children) {
		if (node.type === 'yaml') continue;
		if (isDirective(node) && isTaskKind(node.name)) {
			flush();
			if (node.type === 'leafDirective') {
				fail(lineOf(node), `::${node.name} is a block: write :::${node.name}{…}, the prompt, and a closing ::: line`);
				continue;
			}
			checkClosed(node, source, fail);
			drafts.push(draftTask(node, node.name, source, fail));
			continue;
		}
		if (isDirective(node) && node.name === 'training') {
			flush();
			if (node.type === 'leafDirective') {
				fail(lineOf(node), '::training is a block: write :::training{…}, any text to show above the lab, and a closing ::: line');
				continue;
			}
			checkClosed(node, source, fail);
			drafts.push(draftTraining(node, fail, source));
			continue;
		}
		if (isDirective(node)) {
			misplaced(node, 'the top level', fail);
			continue;
		}
		plainContent(node, source, fail);
		prose.push(node);
	}
	flush();
	return drafts;
}

function draftTask(node: ContainerDirective, kind: TaskKind, source: string, fail: Fail): TaskDraft {
	const draft: TaskDraft = { kind, line: lineOf(node), attributes: attributesOf(node), prompt: [], hints: [] };
	for (const child of node.children) {
		if (isDirective(child) && (child.name === 'hint' || child.name === 'solution')) {
			if (child.type === 'containerDirective') checkClosed(child, source, fail);
			// A one-line ::hint[…] is a paragraph, like the text of a :::hint block.
			const nodes: RootContent[] =
				child.type === 'leafDirective' ? [{ type: 'paragraph', children: child.children, position: child.position }] : child.children;
			nodes.forEach((n) => plainContent(n, source, fail));
			const part = { nodes, line: lineOf(child) };
			if (Object.keys(child.attributes ?? {}).length > 0) {
				fail(part.line, `a ${child.name} takes no attributes: remove {${Object.keys(child.attributes ?? {}).join(' ')}}`);
			}
			if (child.name === 'hint') draft.hints.push(part);
			else if (draft.solution) fail(part.line, `this ${kind} already has a solution (line ${draft.solution.line}): merge the two`);
			else draft.solution = part;
			continue;
		}
		if (isDirective(child) && child.type === 'containerDirective' && isTaskKind(child.name)) {
			// The first block's ::: line is missing: the next block's closes it instead.
			fail(draft.line, `the :::${kind} block that starts here is not closed before the :::${child.name} on line ${lineOf(child)}: add a line ::: where it ends`);
			continue;
		}
		if (isDirective(child)) {
			misplaced(child, `${article(kind)} ${kind}`, fail);
			continue;
		}
		plainContent(child, source, fail);
		draft.prompt.push(child);
	}
	return draft;
}

type Fail = (line: number, message: string) => void;

function draftTraining(node: ContainerDirective, fail: Fail, source: string): TrainingDraft {
	const draft: TrainingDraft = { kind: 'training', line: lineOf(node), attributes: attributesOf(node), body: [] };
	for (const child of node.children) {
		if (isDirective(child) && (child.name === 'hint' || child.name === 'solution')) {
			fail(lineOf(child), `a training block asks nothing, so it has no ${child.name}: ask about the run in an :::exercise and put the ${child.name} there`);
			continue;
		}
		if (isDirective(child)) {
			misplaced(child, 'a training block', fail);
			continue;
		}
		plainContent(child, source, fail);
		draft.body.push(child);
	}
	return draft;
}

/** A directive where it does not belong, or with a name that no block has. */
function misplaced(node: Directive, where: string, fail: Fail) {
	const line = lineOf(node);
	const colons = node.type === 'containerDirective' ? ':::' : '::';
	if (!(BLOCK_NAMES as readonly string[]).includes(node.name)) {
		const guess = closest(node.name, BLOCK_NAMES);
		fail(line, `unknown block “${node.name}”${guess ? `: did you mean “${guess}”?` : `: the blocks are ${BLOCK_NAMES.join(', ')}`}`);
	} else if (node.name === 'hint' || node.name === 'solution') {
		fail(line, `a ${node.name} belongs inside an :::exercise, :::derivation or :::table block, not at ${where}`);
	} else if (where === 'a list or quote') {
		fail(line, `${colons}${node.name} must start at the beginning of a line, outside lists and quotes`);
	} else {
		fail(line, `${article(node.name)} ${node.name} cannot be inside ${where}: close the first with its ::: line before starting the next`);
	}
}

/**
 * Ordinary markdown: puts text directives back as the text they came from, and reports blocks
 * nested where they have no meaning (in a list or quote) and stray closing fences.
 */
function plainContent(node: RootContent, source: string, fail: Fail) {
	visit(node, (child, index, parent) => {
		if (child.type === 'textDirective' && parent && index !== undefined) {
			const start = child.position?.start.offset;
			const end = child.position?.end.offset;
			const value = start !== undefined && end !== undefined ? source.slice(start, end) : `:${child.name}`;
			parent.children[index] = { type: 'text', value, position: child.position };
			return SKIP;
		}
		if (isDirective(child)) {
			misplaced(child, 'a list or quote', fail);
			return SKIP;
		}
		if (child.type === 'math' && !mathClosed(child, source)) {
			fail(lineOf(child), 'the $$ on this line opens a formula that is never closed: add a line $$ where the formula ends');
			// Everything after it was read as TeX: one error here, not KaTeX's complaints about it.
			Object.assign(child, { type: 'html', value: '' });
			return SKIP;
		}
		const opening = child.type === 'paragraph' && child.children[0]?.type === 'text' ? BROKEN_OPENING.exec(child.children[0].value) : null;
		if (opening) {
			fail(
				lineOf(child),
				`the attributes of this ${opening[1]}${opening[2]} block cannot be read: close each quote and the braces, as in ${opening[1]}${opening[2]}{ask="out_h1"}`
			);
			return SKIP;
		}
		const fence = child.type === 'paragraph' && child.children.length === 1 && child.children[0]?.type === 'text' ? child.children[0].value.trim() : '';
		if (/^:{2,}$/.test(fence)) {
			fail(
				lineOf(child),
				`a stray “${fence}” line: it closes no block. A block inside another needs fewer colons than its container (::::exercise … :::hint … ::: … ::::)`
			);
		}
		return undefined;
	});
}

/** A block opening whose {…} could not be read (an unclosed quote) is left as a paragraph. */
const BROKEN_OPENING = new RegExp(`^(:{2,})(${BLOCK_NAMES.join('|')})\\s*\\{`);

/** Display math whose closing $$ is missing runs to the end of its container. */
function mathClosed(node: RootContent, source: string): boolean {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return true;
	const text = source.slice(start, end).trim();
	const fence = /^\${2,}/.exec(text)?.[0] ?? '$$';
	return text.length >= fence.length * 2 && text.endsWith(fence);
}

/** An unclosed container runs to the end of the file, silently swallowing what follows. */
function checkClosed(node: ContainerDirective, source: string, fail: Fail) {
	const end = node.position?.end.offset;
	if (end === undefined) return;
	const lastLine = source.slice(0, end).split(/\r?\n/).at(-1) ?? '';
	if (!/^\s*:{3,}\s*$/.test(lastLine)) {
		fail(lineOf(node), `the :::${node.name} block that starts here is never closed: add a line ::: where it ends`);
	}
}

function attributesOf(node: Directive): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(node.attributes ?? {})) out[k] = v ?? '';
	return out;
}

const isTaskKind = (name: string): name is TaskKind => (TASK_KINDS as readonly string[]).includes(name);

function isDirective(node: { type: string }): node is Directive {
	return node.type === 'containerDirective' || node.type === 'leafDirective';
}

export function lineOf(node: { position?: { start: { line: number } } } | undefined): number {
	return node?.position?.start.line ?? 1;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
