import { describe, expect, it } from 'vitest';
import { errorsOf, fixture } from './helpers';

/** Each broken fixture has one mistake: one error, at its line, saying what to change. */
const CASES: Array<[string, string, number, string]> = [
	['rejects YAML it cannot read', 'bad-yaml.md', 3, 'the YAML cannot be read'],
	['rejects a lesson without a title', 'missing-title.md', 2, 'title: is missing: add title'],
	['suggests the key a misspelt front-matter key meant', 'misspelt-key.md', 4, 'unknown key “summery”: did you mean “summary”?'],
	['rejects an exercise that asks for an unknown quantity', 'unknown-quantity.md', 17, 'unknown quantity “out_h3”: did you mean “out_h1”?'],
	['rejects an exercise on an unknown network', 'unknown-network.md', 17, 'unknown network “netwrk”: did you mean “network”?'],
	['rejects a derivation of an unknown parameter', 'unknown-parameter.md', 17, 'unknown parameter “w9” in target “dE/dw9”'],
	['rejects TeX that KaTeX cannot parse', 'bad-tex.md', 17, 'the math “\\frac{1}{” is not valid TeX'],
	['rejects a <script> element in prose', 'script.md', 17, 'remove the <script> element: lessons cannot run scripts'],
	['rejects an onclick attribute', 'onclick.md', 17, 'remove the onclick attribute'],
	['rejects a javascript: link', 'javascript-link.md', 17, 'remove the javascript: link'],
	['rejects an unknown block name and suggests the known one', 'unknown-block.md', 17, 'unknown block “exercize”: did you mean “exercise”?'],
	['rejects a broken network at its own line in the front matter', 'broken-network.md', 9, 'unknown input “h3”'],
	['rejects a table input the network does not have', 'table-unknown-input.md', 16, '“x_1” is not an input of the network: did you mean “x1”? (its inputs: x0, x1)'],
	['rejects a table row with too many numbers, naming the row', 'table-row-length.md', 16, 'row 3 (“1 0 1”) has 3 numbers for 2 inputs (x0 x1)'],
	['rejects a table row with a word for a number, naming the row', 'table-bad-number.md', 16, 'row 2 (“0 one”): “one” is not a number'],
	['rejects a table asking an unknown quantity', 'table-unknown-ask.md', 16, 'unknown quantity “out_z”: did you mean “out_y”?'],
	['rejects a table asking a derivative, which is no forward quantity', 'table-derivative-ask.md', 16, 'ask for “dout_y/dnet_y” in an :::exercise instead'],
	['rejects \\val of an unknown quantity at the formula’s line', 'val-unknown-quantity.md', 17, 'unknown quantity “i3” in \\val{i3}: did you mean “i1”?'],
	['rejects variants that is not true or false', 'variants-not-boolean.md', 5, 'variants: must be true or false']
];

describe('a broken lesson', () => {
	for (const [behaviour, name, line, message] of CASES) {
		it(behaviour, () => {
			const { text, file } = fixture(`broken/${name}`);
			const errors = errorsOf(text, file);
			expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(message)]);
			expect(errors[0]?.file).toBe(file);
			expect(errors[0]?.line).toBe(line);
			expect(errors[0]?.message.startsWith(`${file}:${line}: `)).toBe(true);
		});
	}
});
