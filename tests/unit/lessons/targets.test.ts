import { describe, expect, it } from 'vitest';
import { errorsOf, parse } from './helpers';

const NET =
	'{ inputs: { x1: 0.6, x2: -0.4 }, layers: [{ activation: tanh, neurons: { h: { inputs: { x1: w1, x2: w2 } } } }, { activation: sigmoid, neurons: { o: { inputs: { h: w3 } } } }], parameters: { w1: 0.3, w2: -0.2, w3: 0.9 }, targets: { o: 1 }, learningRate: 0.5, data: [{ inputs: { x1: 1, x2: 0 }, targets: { o: 1 } }] }';
const GRAPH = "{ values: { x: 3, y: -4 }, define: { xpy: 'x + y', sq: 'xpy^2', f: 'sq * x' }, output: f }";

/** A lesson with two networks, `net` and `graph`; the body starts on line 10. */
const lesson = (body: string) => `---\ntitle: T\norder: 1\nsummary: S.\nnetworks:\n  net: ${NET}\n  graph: ${GRAPH}\n---\n\n${body}\n`;

describe('derivations with any quantity as target', () => {
	it('accepts a δ, dE/dnet_X, an input gradient, a local derivative and a forward value', () => {
		const targets = ['delta_h', 'dE/dnet_o', 'dE/dx1', 'dout_h/dnet_h', 'net_o'];
		const body = targets.map((t) => `:::derivation{network="net" target="${t}"}\nDerive it.\n:::`).join('\n\n');
		expect(parse(lesson(body)).blocks.map((b) => (b.kind === 'derivation' ? b.target : ''))).toEqual(targets);
	});

	it('accepts a graph’s local derivative, path term and definition', () => {
		const targets = ['dsq/dxpy', 'df/dxpy*dxpy/dx', 'sq'];
		const body = targets.map((t) => `:::derivation{network="graph" target="${t}"}\nDerive it.\n:::`).join('\n\n');
		expect(parse(lesson(body)).blocks).toHaveLength(3);
	});

	it('refuses a value read off the network, one without steps, and an unknown one, each saying why', () => {
		const body = [
			':::derivation{network="net" target="dnet_h/dx1"}\n:::',
			':::derivation{network="net" target="w1_after_1"}\n:::',
			':::derivation{network="net" target="delta_hh"}\n:::'
		].join('\n\n');
		expect(errorsOf(lesson(body)).map((e) => [e.line, e.message])).toEqual([
			[10, expect.stringContaining('it is read off the network')],
			[13, expect.stringContaining('no step-by-step rule for it')],
			[16, expect.stringContaining('did you mean “delta_h”?')]
		]);
	});

	it('asks a graph’s own local gradient as ask="df/dx (local)" and path terms by name', () => {
		const [block] = parse(lesson(':::exercise{network="graph" ask="df/dx (local) df/dxpy*dxpy/dx dsq/dxpy"}\nThree pieces.\n:::')).blocks;
		expect(block).toMatchObject({ kind: 'exercise', ask: ['df/dx (local)', 'df/dxpy*dxpy/dx', 'dsq/dxpy'] });
	});
});
