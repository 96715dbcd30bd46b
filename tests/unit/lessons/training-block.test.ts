import { describe, expect, it } from 'vitest';
import { errorsOf, parse } from './helpers';

// Lines 1–17 are the front matter; the body starts on line 19.
const lesson = (body: string, network = NEURON) => `---\ntitle: A lab\norder: 1\nsummary: For a test.\nnetwork:\n${network}---\n\n${body}\n`;
const NEURON = `  inputs: { x1: 1, x2: 0 }
  layers:
    - activation: sigmoid
      neurons:
        y: { inputs: { x1: w1, x2: w2 }, bias: b }
  parameters: { w1: 0.5, w2: -0.5, b: 0 }
  targets: { y: 1 }
  learningRate: 0.25
  data:
    - { inputs: { x1: 1, x2: 0 }, targets: { y: 1 } }
    - { inputs: { x1: 0, x2: 1 }, targets: { y: 0 } }
`;
const BODY_LINE = 19;

// A ContentError's message starts with its file and line.
const messages = (text: string) => errorsOf(text).map((e) => e.message);

describe(':::training blocks', () => {
	it('gives the page the network, its options (defaults from the network) and the caption', () => {
		const page = parse(lesson(':::training{epochs="50"}\nWatch it **learn**.\n:::'));
		expect(page.blocks).toEqual([
			{
				kind: 'training',
				id: 'lab-1',
				network: 'network',
				options: { mode: 'incremental', rate: 0.25, momentum: 0, epochs: 50, shuffle: false, seed: 1, speed: 100 },
				show: ['loss', 'map'],
				captionHtml: expect.stringContaining('<strong>learn</strong>')
			}
		]);
	});

	it('reads every attribute', () => {
		const page = parse(lesson(':::training{mode="batch" rate="2e-1" momentum="0.9" epochs="3" speed="0" shuffle="true" seed="7" dataset="disc" show="gradients loss" id="my-lab"}\n:::'));
		expect(page.blocks[0]).toMatchObject({
			id: 'my-lab',
			dataset: { name: 'disc', seed: 7 },
			options: { mode: 'batch', rate: 0.2, momentum: 0.9, epochs: 3, shuffle: true, seed: 7, speed: 0 },
			show: ['gradients', 'loss']
		});
	});

	it('numbers labs apart from exercises, so adding a lab renumbers no exercise', () => {
		const page = parse(lesson(':::training\n:::\n\n:::exercise{ask="out_y"}\nq\n:::'));
		expect(page.blocks.map((b) => ('id' in b ? b.id : ''))).toEqual(['lab-1', 'ex-1']);
	});

	it('reports a bad attribute at the block’s line, with the file', () => {
		expect(messages(lesson(':::training{rate="fast" epoch="10"}\n:::'))).toEqual([
			`content/01-test.md:${BODY_LINE}: unknown attribute “epoch” of the training block: did you mean “epochs”?`,
			`content/01-test.md:${BODY_LINE}: rate="fast" is not a number (write it plainly: 0.5, 2e-3)`
		]);
	});

	it.each([
		['mode="online"', 'mode="online" is not a training mode: use incremental or batch'],
		['momentum="1"', 'momentum="1" must be below 1'],
		['rate="0"', 'rate="0" must be above 0'],
		['epochs="2.5"', 'epochs="2.5" must be a whole number'],
		['epochs="2000000"', 'epochs="2000000" must be at most 1,000,000'],
		['speed="-1"', 'speed="-1" must be at least 0'],
		['shuffle="yes"', 'shuffle="yes" must be true or false'],
		['dataset="dsic"', 'there is no data set “dsic”: did you mean “disc”?'],
		['show="loss heatmap"', '“heatmap” is not a picture'],
		['network="other"', 'unknown network “other”']
	])('refuses %s with a clear message', (attribute, message) => {
		const errors = errorsOf(lesson(`:::training{${attribute}}\n:::`));
		expect(errors.map((e) => e.line)).toContain(BODY_LINE);
		expect(errors.map((e) => e.message).join('\n')).toContain(message);
	});

	it('refuses a data set whose inputs or targets do not fit the network', () => {
		const oneInput = NEURON.replace('inputs: { x1: 1, x2: 0 }', 'inputs: { x1: 1 }').replace('{ x1: w1, x2: w2 }', '{ x1: w1 }').replace('w2: -0.5, ', '').replace(/  data:[\s\S]*$/, '');
		expect(messages(lesson(':::training{dataset="disc" show="loss"}\n:::', oneInput)).join('\n')).toContain(
			'the data set “disc” gives 2 inputs and 1 target per example, and the network has 1 input (x1) and 1 output (y)'
		);
	});

	it('refuses a map for a network without two inputs, and a network with nothing to train on', () => {
		const one = NEURON.replace('inputs: { x1: 1, x2: 0 }', 'inputs: { x1: 1 }').replace('{ x1: w1, x2: w2 }', '{ x1: w1 }').replace('w2: -0.5, ', '').replace('  targets: { y: 1 }\n', '').replace(/  data:[\s\S]*$/, '');
		const text = messages(lesson(':::training{show="map"}\n:::', one)).join('\n');
		expect(text).toContain('show="map" needs a network with two inputs');
		expect(text).toContain('nothing to train on');
	});

	it('refuses hints in a lab, and a one-line ::training', () => {
		expect(messages(lesson(':::::training\n::hint[No.]\n:::::')).join('\n')).toContain('a training block asks nothing, so it has no hint');
		expect(messages(lesson('::training{epochs="5"}')).join('\n')).toContain('::training is a block');
	});

	it('asks nothing: a lesson of labs only has no values to find', () => {
		const page = parse(lesson(':::training\n:::'));
		expect(page.blocks.filter((b) => b.kind !== 'training')).toEqual([]);
	});
});

describe(':::training blocks with a generated model (src/lib/lab/models.ts)', () => {
	it('names the model and its seed instead of a network; mode and rate default to the model’s', () => {
		const page = parse(lesson(':::training{model="numpy-loop" seed="3" epochs="20" show="loss gradients" id="big"}\nDeck 001’s loop.\n:::'));
		expect(page.blocks).toEqual([
			{
				kind: 'training',
				id: 'big',
				model: { name: 'numpy-loop', seed: 3 },
				options: { mode: 'batch', rate: 1e-4, momentum: 0, epochs: 20, shuffle: false, seed: 3, speed: 100 },
				show: ['loss', 'gradients'],
				captionHtml: expect.stringContaining('loop')
			}
		]);
		// The default picture: the loss (there is no input plane to map).
		expect(parse(lesson(':::training{model="numpy-loop"}\n:::')).blocks[0]).toMatchObject({ model: { name: 'numpy-loop', seed: 1 }, show: ['loss'] });
	});

	it('needs no network="…" in a lesson of several networks', () => {
		const nested = NEURON.trimEnd().replace(/^/gm, '  ');
		const two = `---\ntitle: A lab\norder: 1\nsummary: For a test.\nnetworks:\n  a:\n${nested}\n  b:\n${nested}\n---\n\n:::training{model="numpy-loop"}\n:::\n`;
		expect(parse(two).blocks[0]).toMatchObject({ kind: 'training', model: { name: 'numpy-loop', seed: 1 } });
		expect(parse(two).blocks[0]).not.toHaveProperty('network');
	});

	it.each([
		['model="numpy-lop"', 'there is no generated model “numpy-lop”: did you mean “numpy-loop”? (the models: numpy-loop; they are defined in src/lib/lab/models.ts)'],
		['model="numpy-loop" network="network"', 'model="numpy-loop" and network="network" together: a training block trains either a network of the lesson or a generated model; remove one'],
		['model="numpy-loop" dataset="disc"', 'model="numpy-loop" brings its own examples: remove dataset="disc"'],
		['model="numpy-loop" show="loss map"', 'show="map" needs a network with two inputs (the map is over the input plane); the model “numpy-loop” has 1,000'],
		['model="numpy-loop" show="parameters"', 'show="parameters" lists every weight, at most 100, and the model “numpy-loop” has 101,000: show loss and gradients'],
		['model="numpy-loop" seed="1.5"', 'seed="1.5" must be a whole number'],
		['mdoel="numpy-loop"', 'unknown attribute “mdoel” of the training block: did you mean “model”?']
	])('refuses %s at the block’s line, with the file', (attribute, message) => {
		expect(messages(lesson(`:::training{${attribute}}\n:::`))).toContain(`content/01-test.md:${BODY_LINE}: ${message}`);
	});
});
