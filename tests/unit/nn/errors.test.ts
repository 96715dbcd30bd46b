import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelsInFile } from '$lib/nn';
import { ContentError, ContentErrors } from '$lib/source';

type Reported = { file: string; line: number; key: string | undefined; detail: string };

/** Every error reported for a file, as plain data; [] if the file loads and builds. */
function reported(text: string, file: string): Reported[] {
	try {
		for (const model of modelsInFile(text, file).values()) model.build();
		return [];
	} catch (e) {
		const errors = e instanceof ContentErrors ? e.errors : e instanceof ContentError ? [e] : undefined;
		if (!errors) throw e; // anything else is a crash, not a located error
		return errors.map(({ file, line, key, detail }) => ({ file, line, key, detail }));
	}
}

const lines = (...l: string[]) => l.join('\n');

/** A valid network the cases below break one thing of. */
const NETWORK = (o: { inputs?: string; act?: string; h?: string; o?: string; params?: string; targets?: string } = {}) =>
	lines(
		o.inputs ?? 'inputs: { i1: 0.05, i2: 0.1 }',
		'layers:',
		`  - ${o.act ?? 'activation: sigmoid'}`,
		'    neurons:',
		`      h1: ${o.h ?? '{ inputs: { i1: w1, i2: w2 }, bias: b1 }'}`,
		'  - activation: sigmoid',
		'    neurons:',
		`      o1: ${o.o ?? '{ inputs: { h1: w3 } }'}`,
		o.params ?? 'parameters: { w1: 0.1, w2: 0.2, w3: 0.3, b1: 0.4 }',
		o.targets ?? 'targets: { o1: 1 }'
	);

type Case = {
	name: string;
	text: string;
	line: number;
	/** The key path the error names (undefined for YAML that cannot be read). */
	key?: string;
	message: RegExp;
	/** Where the same mistake is reported in a lesson's front matter, if not line + 3. */
	lessonLine?: number;
};

const CASES: Case[] = [
	{
		name: 'bad YAML: an unclosed brace, reported where it opens',
		text: lines('inputs: { i1: 0.05, i2: 0.1', 'layers: []'),
		line: 1,
		message: /cannot be read: the \{ on this line is not closed: add \}/
	},
	{
		name: 'bad YAML: a key indented further than the one above',
		text: lines('inputs:', '  i1: 0.05', '   i2: 0.1', 'layers: []'),
		line: 3,
		message: /cannot be read: this line is indented further than the line above it: indent the keys of one mapping to the same column/
	},
	{
		name: 'bad YAML: the same neuron twice in one layer',
		text: NETWORK({ o: '{ inputs: { h1: w3 } }\n      o1: { inputs: { h1: w3 } }' }),
		line: 9,
		message: /the key “o1” appears twice in the same mapping: rename or remove one/
	},
	{
		name: 'an unknown activation, with the nearest one suggested',
		text: NETWORK({ act: 'activation: sigmoidd' }),
		line: 3,
		key: 'layers[0].activation',
		message: /must be one of sigmoid, tanh, relu, leaky-relu, step, identity, linear, softmax \(did you mean “sigmoid”\?\)/
	},
	{
		name: 'a misspelt key, with the right one suggested',
		text: NETWORK({ act: 'activaton: sigmoid' }),
		line: 3,
		key: 'layers[0].activaton',
		message: /unknown key “activaton”: did you mean “activation”\?/
	},
	{
		name: 'a misspelt option of an activation',
		text: NETWORK({ act: 'activation: { type: step, treshold: 0.5 }' }),
		line: 3,
		key: 'layers[0].activation.treshold',
		message: /unknown key “treshold”: did you mean “threshold”\?/
	},
	{
		name: 'a step whose value at the threshold is neither 0 nor 1',
		text: NETWORK({ act: 'activation: { type: step, atThreshold: 2 }' }),
		line: 3,
		key: 'layers[0].activation.atThreshold',
		message: /must be 0 or 1/
	},
	{
		name: 'a weight naming a parameter that has no value',
		text: NETWORK({ o: '{ inputs: { h1: w4 } }', params: 'parameters: { w1: 0.1, w2: 0.2, w3: 0.3, b1: 0.4 }' }),
		line: 8,
		key: 'layers[1].neurons.o1.inputs.h1',
		message: /the parameter “w4” has no value: add it under parameters \(or did you mean “w1”\?\)/
	},
	{
		name: 'a bias naming a parameter that has no value',
		text: NETWORK({ h: '{ inputs: { i1: w1, i2: w2 }, bias: c1 }', params: 'parameters: { w1: 0.1, w2: 0.2, w3: 0.3 }' }),
		line: 5,
		key: 'layers[0].neurons.h1.bias',
		message: /the parameter “c1” has no value: add it under parameters/
	},
	{
		name: 'an unknown input source',
		text: NETWORK({ h: '{ inputs: { i1: w1, i3: w2 }, bias: b1 }' }),
		line: 5,
		key: 'layers[0].neurons.h1.inputs.i3',
		message: /unknown input “i3”: use one of i1, i2/
	},
	{
		name: 'a neuron reading a neuron of a later layer',
		text: NETWORK({ h: '{ inputs: { i1: w1, o1: w2 }, bias: b1 }' }),
		line: 5,
		key: 'layers[0].neurons.h1.inputs.o1',
		message: /“o1” is in this layer or a later one: a neuron reads only inputs or neurons of earlier layers/
	},
	{
		name: 'an unknown source of a neuron past the first layer, listing the inputs and earlier neurons',
		text: NETWORK({ o: '{ inputs: { h1: w3, h3: w3 } }' }),
		line: 8,
		key: 'layers[1].neurons.o1.inputs.h3',
		message: /unknown input “h3”: use one of i1, i2, h1 \(did you mean “h1”\?\)/
	},
	{
		name: 'a neuron name used in two layers',
		text: lines(
			'inputs: { i1: 0.05 }',
			'layers:',
			'  - activation: sigmoid',
			'    neurons:',
			'      h1: { inputs: { i1: w1 } }',
			'  - activation: sigmoid',
			'    neurons:',
			'      h1: { inputs: { h1: w1 } }',
			'parameters: { w1: 0.1 }'
		),
		line: 8,
		key: 'layers[1].neurons.h1',
		message: /“h1” is already the name of a neuron in layer 1: give each neuron its own name/
	},
	{
		name: 'a string where a number belongs',
		text: lines('inputs:', '  i1: abc', '  i2: 0.1', ...NETWORK().split('\n').slice(1)),
		line: 2,
		key: 'inputs.i1',
		message: /must be a number/
	},
	{
		name: 'a missing inputs',
		text: NETWORK().split('\n').slice(1).join('\n'),
		line: 1,
		key: 'inputs',
		message: /is missing: add inputs/,
		lessonLine: 3
	},
	{
		name: 'an empty inputs',
		text: lines('inputs:', ...NETWORK().split('\n').slice(1)),
		line: 1,
		key: 'inputs',
		message: /must be a mapping of keys to values \(key: value\), but it is empty/
	},
	{
		name: 'a neuron without inputs',
		text: NETWORK({ o: '{ bias: b1 }' }),
		line: 8,
		key: 'layers[1].neurons.o1.inputs',
		message: /is missing: add inputs/
	},
	{
		name: 'a target for a neuron that is not an output',
		text: NETWORK({ targets: 'targets:\n  o1: 1\n  h1: 0' }),
		line: 12,
		key: 'targets.h1',
		message: /“h1” is not an output neuron: targets are for o1/
	},
	{
		name: 'an output without a target',
		text: NETWORK({ o: '{ inputs: { h1: w3 } }\n      o2: { inputs: { h1: w3 } }', targets: 'targets:\n  o1: 1' }),
		line: 11,
		key: 'targets',
		message: /the output “o2” has no target: add o2: <number>/
	},
	{
		name: 'a parameter no neuron uses',
		text: NETWORK({ params: 'parameters:\n  w1: 0.1\n  w2: 0.2\n  w3: 0.3\n  w9: 0.9\n  b1: 0.4' }),
		line: 13,
		key: 'parameters.w9',
		message: /the parameter “w9” is not used by any neuron: remove it or connect it/
	},
	{
		name: 'an unknown loss',
		text: lines(NETWORK(), 'loss: mean-squared-eror'),
		line: 11,
		key: 'loss',
		message: /must be one of half-squared-error, squared-error, mean-squared-error, cross-entropy, binary-cross-entropy \(did you mean “mean-squared-error”\?\)/
	},
	{
		name: 'update.biases that is not true or false',
		text: lines(NETWORK(), 'update:', '  biases: no'),
		line: 12,
		key: 'update.biases',
		message: /must be true or false/
	},
	{
		name: 'a learning rate that is not above 0',
		text: lines(NETWORK(), 'learningRate: 0'),
		line: 11,
		key: 'learningRate',
		message: /must be above 0/
	},
	{
		name: 'softmax in a layer that is not the last',
		text: NETWORK({ act: 'activation: softmax' }),
		line: 3,
		key: 'layers[0].activation',
		message: /softmax is only for the last layer/
	},
	{
		name: 'a cross-entropy target above 1',
		text: lines(NETWORK({ targets: 'targets: { o1: 1.5 }' }), 'loss: cross-entropy'),
		line: 10,
		key: 'targets.o1',
		message: /a cross-entropy target is a probability: use a value from 0 to 1/
	},
	{
		name: 'a negative binary-cross-entropy target',
		text: lines(NETWORK({ targets: 'targets: { o1: -0.2 }' }), 'loss: binary-cross-entropy'),
		line: 10,
		key: 'targets.o1',
		message: /a binary-cross-entropy target is a probability: use a value from 0 to 1/
	},
	{
		name: 'softmax with cross-entropy and targets that do not sum to 1',
		text: lines(
			NETWORK({ o: '{ inputs: { h1: w3 } }\n      o2: { inputs: { h1: w3 } }', targets: 'targets: { o1: 0.7, o2: 0.9 }' }).replace(
				'  - activation: sigmoid\n    neurons:\n      o1',
				'  - activation: softmax\n    neurons:\n      o1'
			),
			'loss: cross-entropy'
		),
		line: 11,
		key: 'targets',
		message: /softmax with cross-entropy needs targets that sum to 1 .*o1: 0\.7, o2: 0\.9 sum to 1\.6: change them so they add up to 1/
	},
	{
		name: 'cross-entropy on outputs that are not between 0 and 1',
		text: lines(NETWORK().replace('  - activation: sigmoid\n    neurons:\n      o1', '  - activation: relu\n    neurons:\n      o1'), 'loss: cross-entropy'),
		line: 11,
		key: 'loss',
		message: /cross-entropy takes the log of the outputs, so they must lie between 0 and 1: use softmax or sigmoid in the last layer, not relu/
	},
	{
		name: 'momentum of 1 or more',
		text: lines(NETWORK(), 'momentum: 1'),
		line: 11,
		key: 'momentum',
		message: /must be at least 0 and below 1/
	},
	{
		name: 'negative momentum',
		text: lines(NETWORK(), 'momentum: -0.1'),
		line: 11,
		key: 'momentum',
		message: /must be at least 0 and below 1/
	},
	{
		name: 'velocities without momentum',
		text: lines(NETWORK(), 'velocities: { w1: 0.1 }'),
		line: 11,
		key: 'velocities',
		message: /velocities are for the momentum rule: add momentum/
	},
	{
		name: 'a velocity for an unknown parameter',
		text: lines(NETWORK(), 'momentum: 0.9', 'velocities: { w4: 0.1 }'),
		line: 12,
		key: 'velocities.w4',
		message: /“w4” is not a parameter: a velocity belongs to one of w1, w2, w3, b1 \(did you mean “w1”\?\)/
	},
	{
		name: 'a data row naming an unknown input',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data:', '  - { inputs: { i1: 0, i2: 1 }, targets: { o1: 1 } }', '  - { inputs: { i1: 0, i3: 1 }, targets: { o1: 1 } }'),
		line: 14,
		key: 'data[1].inputs.i3',
		message: /“i3” is not an input of the network: use one of i1, i2/
	},
	{
		name: 'a data row without a value for an input',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data:', '  - inputs: { i1: 0 }', '    targets: { o1: 1 }'),
		line: 13,
		key: 'data[0].inputs',
		message: /the input “i2” has no value in this example: add i2: <number>/
	},
	{
		name: 'a data row naming an unknown target',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data:', '  - inputs: { i1: 0, i2: 1 }', '    targets: { o1: 1, o2: 0 }'),
		line: 14,
		key: 'data[0].targets.o2',
		message: /“o2” is not an output neuron: targets are for o1/
	},
	{
		name: 'a data row with a cross-entropy target out of [0, 1]',
		text: lines(NETWORK(), 'loss: cross-entropy', 'learningRate: 0.5', 'data:', '  - { inputs: { i1: 0, i2: 1 }, targets: { o1: 2 } }'),
		line: 14,
		key: 'data[0].targets.o1',
		message: /a cross-entropy target is a probability/
	},
	{
		name: 'a data set without a learning rate',
		text: lines(NETWORK(), 'data:', '  - { inputs: { i1: 0, i2: 1 }, targets: { o1: 1 } }'),
		line: 11,
		key: 'data',
		message: /training on a data set needs a learningRate/
	},
	{
		name: 'an unknown training mode, with the nearest one suggested',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data: [{ inputs: { i1: 0, i2: 1 }, targets: { o1: 1 } }]', 'training: { mode: online }'),
		line: 13,
		key: 'training.mode',
		message: /must be one of incremental, batch$/
	},
	{
		name: 'a misspelt training mode',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data: [{ inputs: { i1: 0, i2: 1 }, targets: { o1: 1 } }]', 'training:', '  mode: bach'),
		line: 14,
		key: 'training.mode',
		message: /must be one of incremental, batch \(did you mean “batch”\?\)/
	},
	{
		name: 'zero epochs',
		text: lines(NETWORK(), 'learningRate: 0.5', 'data: [{ inputs: { i1: 0, i2: 1 }, targets: { o1: 1 } }]', 'training: { mode: batch, epochs: 0 }'),
		line: 13,
		key: 'training.epochs',
		message: /must be at least 1/
	},
	{
		name: 'training without a data set',
		text: lines(NETWORK(), 'learningRate: 0.5', 'training: { mode: batch }'),
		line: 12,
		key: 'training',
		message: /training needs a data set: add data/
	},
	{
		name: 'an architecture with only an input layer',
		text: lines('# Counting weights.', 'architecture:', '  layers: [3]'),
		line: 3,
		key: 'architecture.layers',
		message: /a network needs an input layer and at least one more/
	},
	{
		name: 'an architecture with a layer of no neurons',
		text: lines('architecture:', '  layers:', '    - 3', '    - 0', '    - 2'),
		line: 4,
		key: 'architecture.layers[1]',
		message: /must be at least 1/
	},
	{
		name: 'an architecture with a fractional layer size',
		text: lines('architecture:', '  layers:', '    - 3', '    - 2.5'),
		line: 4,
		key: 'architecture.layers[1]',
		message: /must be a whole number of neurons/
	},
	{
		name: 'an architecture with a misspelt repeat',
		text: lines('architecture:', '  layers:', '    - 3', '    - { size: 100, repeats: 10 }'),
		line: 4,
		key: 'architecture.layers[1].repeats',
		message: /unknown key “repeats”: did you mean “repeat”\?/
	},
	{
		name: 'a graph with an unknown name',
		text: lines('values: { x: -2, y: 5, z: -4 }', 'define:', '  q: x + w', '  f: q * z', 'output: f'),
		line: 3,
		key: 'define.q',
		message: /unknown name “w” in q: add it under values or define$/
	},
	{
		name: 'a graph with a misspelt name, with the nearest one suggested',
		text: lines('values: { x1: -2, y: 5 }', 'define:', '  f: x2 * y', 'output: f'),
		line: 3,
		key: 'define.f',
		message: /unknown name “x2” in f: add it under values or define \(or did you mean “x1”\?\)/
	},
	{
		name: 'a graph whose definitions form a cycle, showing the loop',
		text: lines('values: { z: -4 }', 'define:', '  q: f + 1', '  f: q * z', 'output: f'),
		line: 3,
		key: 'define.q',
		message: /the definitions form a cycle \(q → f → q\): a value cannot depend on itself/
	},
	{
		name: 'a graph whose output is not defined',
		text: lines('values: { x: -2, y: 5 }', 'define: { q: x + y }', 'output: f'),
		line: 3,
		key: 'output',
		message: /“f” is not defined: name one of x, y, q/
	},
	{
		name: 'a graph calling an unsupported function',
		text: lines('values: { x: 1 }', 'define:', '  f: sin(x)', 'output: f'),
		line: 3,
		key: 'define.f',
		message: /unknown function “sin”: use exp, log, sigmoid, tanh, relu, max/
	},
	{
		name: 'a graph with a power that is not a constant',
		text: lines('values: { x: 2, y: 3 }', 'define:', '  f: x ^ y', 'output: f'),
		line: 3,
		key: 'define.f',
		message: /a power must be a constant number, as in x\^2/
	},
	{
		name: 'a graph calling max with no argument',
		text: lines('values: { x: 2 }', 'define:', '  f: max() + x', 'output: f'),
		line: 3,
		key: 'define.f',
		message: /max needs at least one argument/
	},
	{
		name: 'a graph with text inside a definition',
		text: lines('values: { x: 2 }', 'define:', `  f: '"two" * x'`, 'output: f'),
		line: 3,
		key: 'define.f',
		message: /is not a number: use numbers and names only/
	},
	{
		name: 'a graph defining e, which means Euler’s number',
		text: lines('values: { x: 2 }', 'define:', '  e: x + 1', '  f: e * 2', 'output: f'),
		line: 3,
		key: 'define.e',
		message: /“e” is Euler’s number: choose another name/
	},
	{
		name: 'a graph with a string where a number belongs',
		text: lines('values:', '  x: two', 'define: { f: x * 2 }', 'output: f'),
		line: 2,
		key: 'values.x',
		message: /must be a number/
	},
	{
		name: 'a graph with an unreadable expression',
		text: lines('values: { x: 2 }', 'define:', '  f: x * (2 +', 'output: f'),
		line: 3,
		key: 'define.f',
		message: /cannot read “x \* \(2 \+”/
	}
];

/** The same text as a lesson's front matter: `network:` on line 3, the network from line 4. */
function asLesson(text: string): string {
	const indented = text
		.split('\n')
		.map((l) => (l ? `  ${l}` : l))
		.join('\n');
	return `---\ntitle: A lesson\nnetwork:\n${indented}\n---\n\n# The lesson\n`;
}

describe('a broken network file', () => {
	it.for(CASES.map((c) => [c.name, c] as const))('%s: reported at its line with what to change', ([, { text, line, key, message }]) => {
		expect(reported(text, 'broken.yaml')).toContainEqual({ file: 'broken.yaml', line, key, detail: expect.stringMatching(message) });
	});
});

describe('a broken network in a lesson’s front matter', () => {
	it.for(CASES.map((c) => [c.name, c] as const))('%s: reported at its line in the whole .md file', ([, { text, line, key, message, lessonLine }]) => {
		const errors = reported(asLesson(text), 'lesson.md');
		expect(errors).toContainEqual({
			file: 'lesson.md',
			line: lessonLine ?? line + 3,
			key: key === undefined ? undefined : `network.${key}`,
			detail: expect.stringMatching(message)
		});
	});
});

describe('what is not a mistake', () => {
	it('accepts a neuron reading an input past the layer before it (a skip connection)', () => {
		expect(reported(NETWORK({ o: '{ inputs: { h1: w3, i1: w3 } }' }), 'skip.yaml')).toEqual([]);
	});

	it('accepts sigmoid cross-entropy targets that do not sum to 1, and softmax ones that do', () => {
		const text = (targets: string) => NETWORK({ o: '{ inputs: { h1: w3 } }\n      o2: { inputs: { h1: w3 } }', targets });
		expect(reported(lines(text('targets: { o1: 0.7, o2: 0.9 }'), 'loss: cross-entropy'), 'ce.yaml')).toEqual([]);
		const softmax = text('targets: { o1: 0.3, o2: 0.7 }').replace('  - activation: sigmoid\n    neurons:\n      o1', '  - activation: softmax\n    neurons:\n      o1');
		expect(softmax).toContain('softmax');
		expect(reported(lines(softmax, 'loss: cross-entropy'), 'ce.yaml')).toEqual([]);
	});

	it('accepts momentum 0 and velocities for some parameters only', () => {
		expect(reported(lines(NETWORK(), 'momentum: 0', 'velocities: { w1: 0.1 }'), 'm.yaml')).toEqual([]);
	});
});

describe('reporting', () => {
	it('gives every mistake of a file at once, each as file:line: key: message', () => {
		const text = NETWORK({ h: '{ inputs: { i1: w1, i3: w2 }, bias: b1 }', params: 'parameters:\n  w1: 0.1\n  w2: 0.2\n  w3: 0.3\n  w9: 0.9\n  b1: 0.4' });
		let message = '';
		try {
			modelsInFile(text, 'content/networks/broken.yaml');
		} catch (e) {
			message = (e as Error).message;
		}
		expect(message.split('\n')).toEqual([
			'content/networks/broken.yaml:5: layers[0].neurons.h1.inputs.i3: unknown input “i3”: use one of i1, i2 (did you mean “i1”?)',
			'content/networks/broken.yaml:13: parameters.w9: the parameter “w9” is not used by any neuron: remove it or connect it'
		]);
	});

	it('does not suggest a name that shares nothing with the unknown one', () => {
		const [error] = reported(lines('values: { x: 1 }', 'define: { f: w * 2 }', 'output: f'), 'g.yaml');
		expect(error?.detail).not.toContain('did you mean');
	});

	it('reports a lesson without front matter at line 1', () => {
		expect(reported('# Just a heading\n', 'lesson.md')).toEqual([
			{ file: 'lesson.md', line: 1, key: undefined, detail: expect.stringMatching(/front matter between two --- lines/) }
		]);
	});

	it('reports a network that is not a mapping at its own line in the lesson', () => {
		expect(reported('---\ntitle: T\nnetwork: 3\n---\n', 'lesson.md')).toEqual([
			{ file: 'lesson.md', line: 3, key: 'network', detail: expect.stringMatching(/a network must be a mapping/) }
		]);
	});

	it('reports a mistake in one of several named networks under its name', () => {
		const text = '---\nnetworks:\n  good:\n    values: { x: 1 }\n    define: { f: x }\n    output: f\n  bad:\n    values: { x: 1 }\n    define: { f: y }\n    output: f\n---\n';
		expect(reported(text, 'lesson.md')).toEqual([
			{ file: 'lesson.md', line: 9, key: 'networks.bad.define.f', detail: expect.stringMatching(/unknown name “y”/) }
		]);
	});
});

describe('the files in content/networks', () => {
	it.each(['mazur-2-2-2.yaml', 'graph-xyz.yaml', 'softmax-cross-entropy.yaml'])('%s loads without any error', (name) => {
		const text = readFileSync(new URL(`../../../content/networks/${name}`, import.meta.url), 'utf8');
		expect(reported(text, name)).toEqual([]);
	});
});
