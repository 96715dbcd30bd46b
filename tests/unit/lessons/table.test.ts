import { describe, expect, it } from 'vitest';
import { errorsOf, parse } from './helpers';

const AND = '{ inputs: { x0: 0, x1: 0 }, layers: [{ activation: step, neurons: { y: { inputs: { x0: 1, x1: 1 }, bias: -1.5 } } }] }';
const LINEAR =
	'{ inputs: { i1: 1, i2: 1 }, layers: [{ activation: identity, neurons: { h1: { inputs: { i1: 1, i2: 2 } }, h2: { inputs: { i1: 3, i2: 4 } } } }, { activation: identity, neurons: { o1: { inputs: { h1: 1, h2: -1 } } } }] }';
const GRAPH = '{ values: { x: -2, y: 5 }, define: { f: x * y }, output: f }';
const TARGETS = '{ inputs: { x: 1 }, layers: [{ activation: sigmoid, neurons: { o: { inputs: { x: w } } } }], parameters: { w: 0.5 }, targets: { o: 1 }, learningRate: 0.5 }';

/** A lesson with the networks and, gate, linear and graph; the body starts on line 13. */
function lesson(body: string): string {
	return `---\ntitle: T\norder: 1\nsummary: S.\nvariants: false\nnetworks:\n  gate: ${AND}\n  linear: ${LINEAR}\n  graph: ${GRAPH}\n  learner: ${TARGETS}\n---\n\n${body}\n`;
}

describe('table blocks', () => {
	it('parses a truth table into its inputs, rows and asked quantities', () => {
		const body = ':::table{network="gate" inputs="x0 x1" rows="0 0; 0 1; 1 0; 1 1" ask="net_y out_y"}\nFill in the AND gate.\n\n::hint[Only one row fires.]\n::solution[Only $(1, 1)$.]\n:::';
		const { blocks, variants } = parse(lesson(body));
		expect(variants).toBe(false);
		expect(blocks).toEqual([
			{
				kind: 'table',
				id: 'ex-1',
				network: 'gate',
				inputs: ['x0', 'x1'],
				rows: [[0, 0], [0, 1], [1, 0], [1, 1]],
				ask: ['net_y', 'out_y'],
				promptHtml: '<p>Fill in the AND gate.</p>',
				hints: ['<p>Only one row fires.</p>'],
				solutionHtml: expect.stringMatching(/^<p>Only <span class="katex">/)
			}
		]);
	});

	it('takes every input of the network when inputs is left out, and reads signs, decimals, commas and a last ;', () => {
		const [block] = parse(lesson(':::table{network="linear" rows="1, 1; 3 2; −1.5 2e-1;" ask="out_h1 out_h2 out_o1" id="matrix"}\nH = W1·I, O = W2·H.\n:::')).blocks;
		expect(block).toMatchObject({ kind: 'table', id: 'matrix', inputs: ['i1', 'i2'], rows: [[1, 1], [3, 2], [-1.5, 0.2]] });
	});

	it('lets a row set some inputs only, and counts tables among the blocks for ids', () => {
		const body = ':::exercise{network="gate" ask="out_y"}\nOne.\n:::\n\n:::table{network="gate" inputs="x1" rows="0; 1" ask="out_y"}\nx0 stays 0.\n:::';
		expect(parse(lesson(body)).blocks).toMatchObject([{ kind: 'exercise', id: 'ex-1' }, { kind: 'table', id: 'ex-2', inputs: ['x1'], rows: [[0], [1]] }]);
	});

	it('accepts E_X and E_total when the network has targets, and asks for them otherwise', () => {
		expect(parse(lesson(':::table{network="learner" rows="0; 1" ask="E_o E_total"}\n:::')).blocks[0]).toMatchObject({ ask: ['E_o', 'E_total'] });
		const errors = errorsOf(lesson(':::table{network="gate" rows="0 0" ask="E_total"}\n:::'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([[13, expect.stringContaining('“E_total” needs targets')]]);
	});

	it('rejects the update, parameters and counts: they do not change from row to row', () => {
		const errors = errorsOf(lesson(':::table{network="learner" rows="0; 1" ask="w_new w count_weights"}\n:::'));
		expect(errors.map((e) => e.message)).toEqual([
			expect.stringContaining('ask for “w_new” in an :::exercise instead'),
			expect.stringContaining('ask for “w” in an :::exercise instead'),
			expect.stringContaining('ask for “count_weights” in an :::exercise instead')
		]);
	});

	it('reports every wrong row, each by its number, and an empty one', () => {
		const errors = errorsOf(lesson(':::table{network="gate" rows="0; 0 1; ; 1 x" ask="out_y"}\n:::'));
		expect(errors.map((e) => [e.line, e.detail])).toEqual([
			[13, 'row 1 (“0”) has 1 number for 2 inputs (x0 x1): give one number per input'],
			[13, 'row 3 is empty: remove the extra “;”'],
			[13, 'row 4 (“1 x”): “x” is not a number (write numbers such as 1, -0.5 or 2e-3, separated by spaces)']
		]);
	});

	it('rejects a table without rows or ask, with an input listed twice, or on a graph', () => {
		expect(errorsOf(lesson(':::table{network="gate" ask="out_y"}\n:::')).map((e) => e.detail)).toEqual([
			'this table has no rows: add rows="0 0; …", one row of input values per “;”'
		]);
		expect(errorsOf(lesson(':::table{network="gate" rows="0 0"}\n:::')).map((e) => e.detail)).toEqual([
			expect.stringContaining('this table asks nothing: add ask="…"')
		]);
		expect(errorsOf(lesson(':::table{network="gate" inputs="x0 x0" rows="0 0" ask="out_y"}\n:::')).map((e) => e.detail)).toEqual([
			'the input “x0” is listed twice in inputs="…": list each once'
		]);
		expect(errorsOf(lesson(':::table{network="graph" rows="0 0" ask="f"}\n:::')).map((e) => e.detail)).toEqual([
			expect.stringContaining('a table runs rows of inputs through a network, and “graph” is a graph')
		]);
	});

	it('suggests the attribute a misspelt one meant', () => {
		const errors = errorsOf(lesson(':::table{network="gate" row="0 0" ask="out_y"}\n:::'));
		expect(errors.map((e) => e.detail)).toContainEqual('unknown attribute “row” of the table: did you mean “rows”?');
	});
});
