import { describe, expect, it } from 'vitest';
import { errorsOf, parse, proseLesson } from './helpers';

const NEURON =
	'{ inputs: { i1: 0.05 }, layers: [{ activation: sigmoid, neurons: { o1: { inputs: { i1: w1 }, bias: b } } }], parameters: { w1: 0.15, b: 0.35 }, targets: { o1: 0.01 } }';
const GRAPH = '{ values: { x: -2, y: 5 }, define: { f: x * y }, output: f }';

/** One network (`network:`); the body starts on line 8. */
const oneNetwork = (body: string) => `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: ${NEURON}\n---\n\n${body}\n`;
/** Two networks, neuron and graph; the body starts on line 10. */
const twoNetworks = (body: string) => `---\ntitle: T\norder: 1\nsummary: S.\nnetworks:\n  neuron: ${NEURON}\n  graph: ${GRAPH}\n---\n\n${body}\n`;

const html = (text: string) => parse(text).blocks.map((b) => (b.kind === 'prose' ? b.html : b.kind === 'training' ? b.captionHtml : b.promptHtml)).join('\n');
const numbers = (out: string) => [...out.matchAll(/<mn>([^<]*)<\/mn>/g)].map((m) => m[1]);

describe('\\val in a lesson', () => {
	it('shows the engine’s value of a quantity, keeping \\val{…} in the annotation', () => {
		const out = html(oneNetwork('The input is $\\val{i1}$ and the output $\\val{out_o1}$, for a target $\\val{target_o1}$.'));
		expect(numbers(out)).toEqual(['0.05', '0.5884', '0.01']);
		expect(out).toContain('<annotation encoding="application/x-tex">\\val{out_o1}</annotation>');
	});

	it('hides a value the lesson asks for, so prose never gives an answer away', () => {
		const out = html(oneNetwork('Before: $\\val{out_o1}$ and $w_1 = \\val{w1}$.\n\n:::exercise{ask="out_o1"}\nCompute it.\n:::'));
		expect(out).toContain('\\val{out_o1}'); // the page fills it in once found
		expect(numbers(out)).toContain('0.15');
		expect(out).not.toMatch(/0\.588/); // out_o1 = σ(0.3575) = 0.5884…
		expect(out).toContain('?');
	});

	it('works in display math, prompts and hints', () => {
		const lesson = parse(oneNetwork('$$\n\\net_{o1} = \\val{net_o1}\n$$\n\n:::exercise{ask="out_o1"}\nWith $w_1 = \\val{w1}$?\n::hint[$b = \\val{b}$.]\n:::'));
		const [prose, exercise] = lesson.blocks;
		expect(prose?.kind === 'prose' && numbers(prose.html)).toEqual(['1', '0.3575']);
		expect(exercise?.kind === 'exercise' && [numbers(exercise.promptHtml), numbers(exercise.hints[0] ?? '')]).toEqual([['1', '0.15'], ['0.35']]);
	});

	it('names the network with \\val{network:name} when there are several', () => {
		const out = html(twoNetworks('$\\val{graph:f}$ and $\\val{neuron:w1}$'));
		expect(numbers(out)).toEqual(['10', '0.15']);
		expect(out).toContain('<mo>−</mo><mn>10</mn>');
	});

	it('rejects an unknown quantity at its line, with a did-you-mean', () => {
		const errors = errorsOf(oneNetwork('Fine $\\val{i1}$.\n\nNot $\\val{out_o2}$.'));
		expect(errors.map((e) => [e.line, e.detail])).toEqual([[10, 'unknown quantity “out_o2” in \\val{out_o2}: did you mean “out_o1”?']]);
	});

	it('rejects a \\val without its network when there are several, and an unknown network', () => {
		const errors = errorsOf(twoNetworks('$\\val{f}$\n\n$\\val{grahp:f}$'));
		expect(errors.map((e) => [e.line, e.detail])).toEqual([
			[10, '\\val{f} does not say which network: this lesson has several (neuron, graph), so write \\val{neuron:f}'],
			[12, 'unknown network “grahp” in \\val{grahp:f}: did you mean “graph”?']
		]);
	});

	it('rejects \\val in a lesson without a network', () => {
		const [error] = errorsOf(proseLesson('$\\val{x}$'));
		expect(error?.detail).toContain('\\val{x} needs a network');
	});

	it('does not add \\val errors to those of a network that failed to load', () => {
		const errors = errorsOf(oneNetwork('$\\val{out_o1}$').replace('w1: 0.15, b: 0.35', 'w1: 0.15, c: 0.35'));
		expect(errors.map((e) => e.detail)).toEqual([expect.stringContaining('the parameter “b” has no value'), expect.stringContaining('“c” is not used')]);
	});
});

describe('variants', () => {
	it('are on unless the front matter says variants: false', () => {
		expect(parse(proseLesson('Text.')).variants).toBe(true);
		expect(parse(proseLesson('Text.').replace('order: 1', 'order: 1\nvariants: false')).variants).toBe(false);
	});
});
