import { describe, expect, it } from 'vitest';
import { parseLesson, slugOf } from '$lib/server/lessons';
import { errorsOf, fixture, parse, proseLesson } from './helpers';

describe('parseLesson on a valid lesson', () => {
	const { text, file } = fixture('valid/01-forward-pass.md');
	const lesson = parseLesson(text, file);

	it('reads the front matter into the lesson', () => {
		expect(lesson).toMatchObject({
			slug: 'forward-pass',
			file,
			title: 'The forward pass, one neuron at a time',
			order: 10,
			summary: 'From the inputs to the outputs of a 2-2-2 sigmoid network.',
			deck: { file: '002_1c22aeca1de1596b.txt', title: 'An Introduction to Neural Networks: Backpropagation', slides: '12–33' },
			minSignificant: 4,
			labels: { net_h1: 'z_{h1}' }
		});
	});

	it('keeps the checked network as plain data, defaults filled in', () => {
		const spec = lesson.networks.network;
		expect(spec?.kind).toBe('network');
		expect(spec).toMatchObject({ loss: 'half-squared-error', update: { biases: false }, learningRate: 0.5 });
		expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
	});

	it('splits the body into prose, exercise and derivation blocks in file order', () => {
		expect(lesson.blocks.map((b) => b.kind)).toEqual(['prose', 'exercise', 'prose', 'derivation']);
		const [, exercise, , derivation] = lesson.blocks;
		expect(exercise).toMatchObject({ kind: 'exercise', id: 'ex-1', network: 'network', ask: ['net_h1', 'out_h1'] });
		expect(derivation).toMatchObject({ kind: 'derivation', id: 'w5', network: 'network', target: 'dE/dw5' });
	});

	it('renders the prompt, the hints in order and the solution of a block separately', () => {
		const exercise = lesson.blocks[1];
		const derivation = lesson.blocks[3];
		if (exercise?.kind !== 'exercise' || derivation?.kind !== 'derivation') throw new Error('unexpected blocks');
		expect(exercise.promptHtml).toMatch(/^<p>Compute the net input of <span class="katex">/);
		expect(exercise.hints).toHaveLength(2);
		expect(exercise.hints[0]).toMatch(/^<p>Multiply each input by its weight: <span class="katex">/);
		expect(exercise.hints[1]).toContain('Then apply the sigmoid');
		expect(exercise.solutionHtml).toBeUndefined();
		expect(derivation.hints).toEqual([expect.stringContaining('Three factors')]);
		expect(derivation.solutionHtml).toBe('<p>Multiply the three factors.</p>');
		expect(derivation.promptHtml).not.toContain('Three factors');
	});

	it('gives headings ids and external links rel="noopener"', () => {
		const prose = lesson.blocks.filter((b) => b.kind === 'prose').map((b) => b.html).join('\n');
		expect(prose).toContain('<h2 id="forward-pass">Forward pass</h2>');
		expect(prose).toContain('<h2 id="the-chain-rule">The chain rule</h2>');
		expect(prose).toContain('<a href="https://example.org/deck" rel="noopener">the deck</a>');
	});

	it('renders math as KaTeX with MathML, display math as a display block', () => {
		const html = lesson.blocks[0]?.kind === 'prose' ? lesson.blocks[0].html : '';
		expect(html).toContain('<math');
		expect(html).toContain('katex-display');
		expect(html).not.toContain('$');
	});

	it('leaves the colons of ordinary prose (10:30, w:b) as they were written', () => {
		const html = lesson.blocks[0]?.kind === 'prose' ? lesson.blocks[0].html : '';
		expect(html).toContain('At 10:30 we start; a weight such as w:b is read as text.');
	});
});

describe('lesson files and ids', () => {
	it('takes the slug from the file name without its number', () => {
		expect(slugOf('content/02-backprop-step-by-step.md')).toBe('backprop-step-by-step');
		expect(slugOf('content/intro.md')).toBe('intro');
	});

	it('rejects a file name that makes no usable slug', () => {
		const [error] = errorsOf(proseLesson('Text.'), 'content/03-Chain Rule.md');
		expect(error?.line).toBe(1);
		expect(error?.message).toContain('name the file NN-some-words.md');
	});

	it('rejects a file without front matter at line 1', () => {
		const [error] = errorsOf('# Just prose\n');
		expect(error?.line).toBe(1);
		expect(error?.message).toContain('a lesson starts with front matter');
	});

	it('accepts a prose-only lesson without any network', () => {
		const lesson = parse(proseLesson('Just *prose*.'));
		expect(lesson.networks).toEqual({});
		expect(lesson.blocks).toEqual([{ kind: 'prose', html: '<p>Just <em>prose</em>.</p>' }]);
	});

	it('keeps a heading id apart from an exercise id that would be the same', () => {
		const text = `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: { values: { x: 2 }, define: { f: x * x }, output: f }\n---\n\n# Ex 1\n\n:::exercise{ask="f"}\nf?\n:::\n`;
		const lesson = parse(text);
		expect(lesson.blocks[0]).toEqual({ kind: 'prose', html: '<h1 id="ex-1-1">Ex 1</h1>' });
		expect(lesson.blocks[1]).toMatchObject({ id: 'ex-1' });
	});
});
