import { describe, expect, it } from 'vitest';
import { errorsOf, parse } from './helpers';

const GRAPH = '{ values: { x: -2, y: 5, z: -4 }, define: { q: x + y, f: q * z }, output: f }';
const NEURON =
	'{ inputs: { i1: 1 }, layers: [{ activation: sigmoid, neurons: { o1: { inputs: { i1: w1 }, bias: b } } }], parameters: { w1: 0.5, b: 0.1 }, targets: { o1: 1 } }';

/** A lesson with two networks, `graph` and `neuron`; the body starts on line 10. */
function twoNetworks(body: string): string {
	return `---\ntitle: T\norder: 1\nsummary: S.\nnetworks:\n  graph: ${GRAPH}\n  neuron: ${NEURON}\n---\n\n${body}\n`;
}

describe('exercise and derivation blocks', () => {
	it('names the network of each block when the lesson has several', () => {
		const lesson = parse(twoNetworks(':::exercise{ask="q f" network="graph"}\nq, then f.\n:::\n\n:::exercise{ask="out_o1" network="neuron"}\nout.\n:::'));
		expect(lesson.blocks).toMatchObject([
			{ kind: 'exercise', id: 'ex-1', network: 'graph', ask: ['q', 'f'] },
			{ kind: 'exercise', id: 'ex-2', network: 'neuron', ask: ['out_o1'] }
		]);
		expect(Object.keys(lesson.networks)).toEqual(['graph', 'neuron']);
	});

	it('asks for the network when the lesson has several and the block names none', () => {
		const errors = errorsOf(twoNetworks(':::exercise{ask="q"}\nq?\n:::'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([[10, expect.stringContaining('several networks (graph, neuron): say which with network="graph"')]]);
	});

	it('accepts a graph’s dF/dN as a derivation target', () => {
		const lesson = parse(twoNetworks(':::derivation{target="df/dx" network="graph"}\nBy the chain rule.\n:::'));
		expect(lesson.blocks[0]).toMatchObject({ kind: 'derivation', target: 'df/dx', network: 'graph', hints: [] });
	});

	it('rejects dE/dP on a graph and P_new on a network without a learning rate', () => {
		const errors = errorsOf(twoNetworks(':::derivation{target="dE/dx" network="graph"}\n:::\n\n:::derivation{target="w1_new" network="neuron"}\n:::'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[10, expect.stringContaining('cannot derive “dE/dx” in this graph')],
			[13, expect.stringContaining('no learningRate')]
		]);
	});

	it('rejects an exercise without ask and a derivation without target', () => {
		const errors = errorsOf(twoNetworks(':::exercise{network="graph"}\nq?\n:::\n\n:::derivation{network="neuron"}\n:::'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[10, expect.stringContaining('this exercise asks nothing: add ask="…"')],
			[14, expect.stringContaining('this derivation has no target: add target="…"')]
		]);
	});

	it('suggests the attribute a misspelt one meant', () => {
		const errors = errorsOf(twoNetworks(':::exercise{ask="q" netwrok="graph"}\nq?\n:::'));
		expect(errors.map((e) => e.message)).toContainEqual(expect.stringContaining('unknown attribute “netwrok” of the exercise: did you mean “network”?'));
	});

	it('takes hints from ::hint leaves and :::hint containers in order, and one solution', () => {
		const body = '::::exercise{ask="f" network="graph"}\nPrompt one.\n\n::hint[First.]\n\n:::hint\nSecond.\n:::\n\nPrompt two.\n\n::solution[It is $-12$.]\n::::';
		const [block] = parse(twoNetworks(body)).blocks;
		expect(block).toMatchObject({
			promptHtml: '<p>Prompt one.</p>\n<p>Prompt two.</p>',
			hints: ['<p>First.</p>', '<p>Second.</p>'],
			solutionHtml: expect.stringMatching(/^<p>It is <span class="katex">/)
		});
	});

	it('rejects a second solution and a duplicate id', () => {
		const body = ':::exercise{ask="f" network="graph" id="a"}\n::solution[One.]\n::solution[Two.]\n:::\n\n:::exercise{ask="q" network="graph" #a}\n:::';
		const errors = errorsOf(twoNetworks(body));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[12, expect.stringContaining('already has a solution (line 11)')],
			[15, expect.stringContaining('the id “a” is already used on line 10')]
		]);
	});

	it('rejects a block that is never closed instead of swallowing the rest of the lesson', () => {
		const errors = errorsOf(twoNetworks('Intro.\n\n:::exercise{ask="f" network="graph"}\nf?\n\nMore prose that was meant to follow.'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([[12, expect.stringContaining('never closed')]]);
	});

	it('reports a stray closing fence left by a nested block with too few colons', () => {
		const errors = errorsOf(twoNetworks(':::exercise{ask="f" network="graph"}\nf?\n\n:::hint\nA hint.\n:::\n:::'));
		expect(errors.map((e) => e.message)).toContainEqual(expect.stringContaining('a stray “:::” line'));
	});

	it('rejects a hint outside any exercise and an exercise inside a list', () => {
		const errors = errorsOf(twoNetworks('::hint[Lost.]\n\n- item\n\n  :::exercise{ask="f" network="graph"}\n  f?\n  :::'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[10, expect.stringContaining('a hint belongs inside an :::exercise, :::derivation or :::table block')],
			[14, expect.stringContaining('must start at the beginning of a line, outside lists and quotes')]
		]);
	});

	it('reports every problem of a lesson at once, in line order', () => {
		const body = ':::exercise{ask="qq" network="graph"}\n:::\n\nBad $\\frac{$ math.\n\n<script>x</script>';
		const errors = errorsOf(twoNetworks(body));
		expect(errors.map((e) => e.line)).toEqual([10, 13, 15]);
	});
});
