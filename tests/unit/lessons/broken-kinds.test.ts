import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, type CheckTarget } from '$lib/server/lessons/check-file';
import { LIMITS } from '$lib/server/lessons/limits';
import { FIXTURES, parse } from './helpers';

/**
 * Issue 9's reliability suite for lessons: every kind of broken lesson (and network file) goes
 * through the function `npm run check:content` runs for each file, and is rejected at its file and
 * line, in words that say what to change. No input crashes it (a crash would be reported as "this
 * file could not be read … please report it"). The kinds of the issue's Why list are marked [Why].
 * Timeouts only stop a hang on a loaded machine; nothing here is timed.
 */
type Kind = [kind: string, file: string, line: number, message: string, as?: CheckTarget['kind']];

const broken = (name: string) => `${FIXTURES}/broken/${name}`;
const malformed = (name: string) => `${FIXTURES}/malformed/${name}`;
const kinds = (name: string) => `${FIXTURES}/kinds/${name}`;

const ON_DISK: Kind[] = [
	// Front matter and YAML
	['YAML that cannot be read', broken('bad-yaml.md'), 3, 'the YAML cannot be read'],
	['[Why] a YAML alias bomb', malformed('alias-bomb.md'), 6, "the YAML's aliases (*name) expand too much"],
	['[Why] a decimal comma in YAML', malformed('comma.md'), 11, 'is a number written with a decimal comma (0,5)?'],
	['a key repeated in the front matter', kinds('repeated-key.md'), 5, 'the key “title” appears twice in the same mapping'],
	['a missing title', broken('missing-title.md'), 2, 'title: is missing'],
	['a misspelt front-matter key', broken('misspelt-key.md'), 4, 'did you mean “summary”?'],
	['variants: that is not true or false', broken('variants-not-boolean.md'), 5, 'variants: must be true or false'],
	['no front matter at all', kinds('no-front-matter.md'), 1, 'a lesson starts with front matter'],
	['front matter that is never closed', kinds('front-matter-unclosed.md'), 1, 'a lesson starts with front matter'],
	['front matter that is a list, not keys', kinds('front-matter-not-mapping.md'), 2, 'the front matter must be a mapping of keys to values'],
	['an empty file', kinds('empty.md'), 1, 'a lesson starts with front matter'],
	['binary garbage (NUL bytes)', kinds('binary.md'), 1, 'a lesson starts with front matter'],
	['[Why] a byte-order mark, then a mistake: reported at its own line, no false “never closed”', kinds('bom-and-unknown-quantity.md'), 18, 'unknown quantity “out_z”: did you mean “out_y”?'],
	['a label for an unknown quantity', kinds('unknown-label.md'), 6, 'a label for an unknown quantity “out_z”'],
	// Networks and graphs
	['a network that reads an unknown input', broken('broken-network.md'), 9, 'unknown input “h3”'],
	['an unknown activation', kinds('unknown-activation.md'), 8, 'did you mean “sigmoid”?'],
	['a number too large for float64 (1e309)', kinds('infinite-number.md'), 11, 'network.parameters.w1: is too large: a number must lie between −1.8e308 and 1.8e308 (float64)'],
	['[Why] a non-finite E_total (saturated sigmoid under binary cross-entropy)', kinds('non-finite-loss.md'), 10, 'E_total is not finite (NaN): out_y rounds to exactly 1'],
	['[Why] a parameter named E_total', kinds('reserved-parameter-name.md'), 11, 'the parameter name “E_total” is reserved'],
	['[Why] an input named w1_new', kinds('reserved-input-name.md'), 6, 'the input name “w1_new” is reserved'],
	['[Why] a neuron named net_o1', kinds('reserved-neuron-name.md'), 10, 'the neuron name “net_o1” is reserved: it has the shape of net_X'],
	['a graph whose definitions form a cycle', kinds('graph-cycle.md'), 8, 'the definitions form a cycle (f → g → f)'],
	['a graph definition reading an unknown name', kinds('graph-unknown-name.md'), 8, 'unknown name “y” in f'],
	['a graph value named e (Euler’s number)', kinds('graph-euler-name.md'), 6, '“e” is Euler’s number: choose another name'],
	['several networks and a block that does not say which', kinds('several-networks.md'), 12, 'this lesson has several networks (a, b): say which'],
	['an exercise in a lesson without a network', kinds('no-network.md'), 9, 'this lesson has no network'],
	['[Why] a network file whose E_total is not finite', 'tests/fixtures/networks/saturated-bce.yaml', 6, 'E_total is not finite', 'network'],
	['a network file whose weight names a parameter with no value', 'tests/fixtures/networks/broken-parameter.yaml', 6, 'the parameter “w3” has no value', 'network'],
	// Blocks
	['an unknown block name', broken('unknown-block.md'), 17, 'unknown block “exercize”: did you mean “exercise”?'],
	['[Why] an unclosed :::', malformed('unclosed-block.md'), 18, 'the :::exercise block that starts here is not closed'],
	['[Why] an unclosed quote in a block attribute', malformed('unclosed-quote.md'), 18, 'the attributes of this :::exercise block cannot be read'],
	['[Why] an unknown quantity', broken('unknown-quantity.md'), 17, 'unknown quantity “out_h3”: did you mean “out_h1”?'],
	['an exercise on an unknown network', broken('unknown-network.md'), 17, 'unknown network “netwrk”'],
	['a derivation of an unknown parameter', broken('unknown-parameter.md'), 17, 'unknown parameter “w9” in target “dE/dw9”'],
	['two exercises with the same id', kinds('duplicate-ids.md'), 22, 'the id “first” is already used on line 18'],
	['an id that cannot be a link', kinds('bad-id.md'), 18, 'the id “1st” is not usable in a link'],
	['a table input the network does not have', broken('table-unknown-input.md'), 16, '“x_1” is not an input of the network'],
	['a table row with too many numbers', broken('table-row-length.md'), 16, 'row 3 (“1 0 1”) has 3 numbers for 2 inputs'],
	['a table row with a word for a number', broken('table-bad-number.md'), 16, '“one” is not a number'],
	['a table asking an unknown quantity', broken('table-unknown-ask.md'), 16, 'unknown quantity “out_z”'],
	['a table asking a derivative', broken('table-derivative-ask.md'), 16, 'ask for “dout_y/dnet_y” in an :::exercise instead'],
	// Math
	['[Why] an unclosed $$', malformed('unclosed-math.md'), 20, 'the $$ on this line opens a formula that is never closed'],
	['TeX that KaTeX cannot parse', broken('bad-tex.md'), 17, 'is not valid TeX'],
	['\\val of an unknown quantity', broken('val-unknown-quantity.md'), 17, 'unknown quantity “i3” in \\val{i3}'],
	// HTML and links
	['[Why] a stray <script>', broken('script.md'), 17, 'remove the <script> element: lessons cannot run scripts'],
	['an onclick attribute', broken('onclick.md'), 17, 'remove the onclick attribute'],
	['an onerror attribute on an image', kinds('img-onerror.md'), 18, 'remove the onerror attribute from <img>'],
	['an <iframe>', kinds('iframe.md'), 18, 'remove the <iframe> element'],
	['a javascript: link', broken('javascript-link.md'), 17, 'remove the javascript: link'],
	['a link to a lesson that does not exist', kinds('unknown-lesson-link.md'), 18, 'the link to “no-such-lesson” leads to no lesson'],
	['a lesson named by its file number', kinds('file-number-link.md'), 18, '“lesson 3”: learners do not see file numbers'],
	// Limits (docs/authoring.md, "Limits")
	['[Why] a 3,000-deep blockquote', kinds('blockquote-3000-deep.md'), 11, 'nested 3000 deep here; at most 20 levels'],
	['a list 1,000 deep on one line (- - - … item), which crashed the parser', kinds('list-1000-deep-one-line.md'), 11, 'nested 1000 deep here'],
	['quotes and lists mixed 60 deep on one line', kinds('quote-list-mix-deep.md'), 9, 'nested 60 deep here']
];

/** Kinds too large to keep as files: written to a temporary folder when the test runs. */
const front = '---\ntitle: A lesson\norder: 1\nsummary: For a test.\n';
const prose = (body: string) => `${front}---\n\n${body}\n`;
const graph = (n: number) => {
	const define = Array.from({ length: n }, (_, i) => `d${i}: ${i === 0 ? 'x' : `d${i - 1}`} + x`).join(', ');
	return `${front}networks:\n  big:\n    values: { x: 1 }\n    define: { ${define} }\n    output: d${n - 1}\n---\n\nText.\n`;
};
const GENERATED: Array<[kind: string, name: string, text: () => string, line: number, message: string]> = [
	['[Why] lists nested 1,000 deep', 'nested-lists.md', () => prose(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')), 7 + LIMITS.nesting, 'nested 21 deep here'],
	['[Why] a graph of 20,000 definitions', 'graph-20000.md', () => graph(20_000), 1, `it may have at most ${LIMITS.frontMatter.toLocaleString('en')}`],
	['[Why] a chain longer than the definitions limit (an 8,000-long chain cannot be a lesson)', 'graph-over-limit.md', () => graph(LIMITS.definitions + 1), 6, 'has 1,001 entries under define:'],
	['a lesson text over the size limit', 'too-long.md', () => prose('word '.repeat(LIMITS.size / 5 + 1)), 6, `a lesson may have at most ${LIMITS.size.toLocaleString('en')}`],
	['1,001 links in one paragraph (the parser is quadratic in them)', 'many-links.md', () => prose(`Intro.\n\n${'[a](b) '.repeat(LIMITS.brackets + 1)}`), 9, 'more than 1,000 [ brackets (links)'],
	['30,000 nested brackets, which took 330 s to parse', 'nested-brackets.md', () => prose(`${'['.repeat(30_000)}x${'](y)'.repeat(30_000)}`), 7, 'this paragraph has more than 20,000 characters'],
	['a definition of 20,000 terms (x+x+…), which overflowed the stack', 'long-definition.md', () => `${front}network:\n  values: { x: 1 }\n  define:\n    f: "${Array(20_000).fill('x').join('+')}"\n  output: f\n---\n\nText.\n`, 8, 'a definition may have at most 2,000'],
	['YAML nested 2,000 deep ([[[…]]])', 'deep-yaml.md', () => `${front}extra: ${'['.repeat(2000)}${']'.repeat(2000)}\n---\n\nText.\n`, 5, 'the YAML cannot be read: it is nested too deeply'],
	['TeX braces nested 5,000 deep', 'deep-tex.md', () => prose(`$$${'{'.repeat(5000)}x${'}'.repeat(5000)}$$`), 7, 'is not valid TeX']
];

const folder = mkdtempSync(join(tmpdir(), 'broken-kinds-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const ALL: Kind[] = [
	...ON_DISK,
	...GENERATED.map(([kind, name, text, line, message]): Kind => {
		const file = join(folder, name);
		writeFileSync(file, text());
		return [kind, file, line, message];
	})
];

const HANG = 300_000;

describe(`npm run check:content rejects ${ALL.length} kinds of broken lesson, each at its file and line`, () => {
	it('has at least 30 kinds, every one of the issue’s Why list among them', () => {
		expect(ALL.length).toBeGreaterThanOrEqual(30);
		expect(ALL.filter(([kind]) => kind.startsWith('[Why]')).length).toBeGreaterThanOrEqual(17);
	});

	it.for(ALL)('%s', { timeout: HANG }, ([, file, line, message, as]) => {
		const { errors } = checkFile({ file, kind: as ?? 'lesson' });
		expect(errors.length).toBeGreaterThan(0);
		for (const e of errors) {
			expect(e.file).toBe(file);
			expect(e.message, 'no parser crash').not.toContain('please report it');
		}
		const first = errors[0];
		expect(first?.line).toBe(line);
		expect(first?.message.startsWith(`${file}:${line}: `)).toBe(true);
		expect(first?.message).toContain(message);
	});
});

describe('what the nesting limit does not count', () => {
	it('accepts a rule written as 30 spaced dashes, and a list 20 deep on one line', () => {
		const rule = `Text.\n\n${'- '.repeat(30)}\n\nMore.`;
		expect(() => parse(prose(rule))).not.toThrow();
		expect(() => parse(prose(`${'- '.repeat(LIMITS.nesting)}item`))).not.toThrow();
	});
});
