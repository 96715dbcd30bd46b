import { describe, expect, it } from 'vitest';
import { buildModel, modelsInFile, traceModel } from '$lib/nn';
import { reservedShape, unreservedName } from '$lib/nn/reserved';
import { ContentErrors } from '$lib/source';

const lines = (...l: string[]) => l.join('\n');
const NETWORK = (o: { inputs?: string; h?: string; o?: string; params?: string; targets?: string } = {}) =>
	lines(
		o.inputs ?? 'inputs: { i1: 0.05, i2: 0.1 }',
		'layers:',
		'  - activation: sigmoid',
		'    neurons:',
		`      ${o.h ?? 'h1: { inputs: { i1: w1, i2: w2 }, bias: b1 }'}`,
		'  - activation: sigmoid',
		'    neurons:',
		`      ${o.o ?? 'o1: { inputs: { h1: w3 } }'}`,
		o.params ?? 'parameters: { w1: 0.1, w2: 0.2, w3: 0.3, b1: 0.4 }',
		o.targets ?? 'targets: { o1: 1 }',
		'learningRate: 0.5'
	);

/** The located errors of a network file, as `file:line: message` strings. */
function errorsOf(text: string): string[] {
	try {
		for (const model of modelsInFile(text, 'net.yaml').values()) model.build();
		return [];
	} catch (e) {
		if (!(e instanceof ContentErrors)) throw e;
		return e.errors.map((x) => x.message);
	}
}

describe('generated quantity names are reserved', () => {
	it.each([
		['a parameter named E_total', { params: 'parameters: { w1: 0.1, w2: 0.2, E_total: 0.3, b1: 0.4 }', o: 'o1: { inputs: { h1: E_total } }' }, 9, /parameter name “E_total” is reserved: it has the shape of the total error E_total.*e\.g\. “Etotal”/],
		['an input named w1_new', { inputs: 'inputs: { w1_new: 0.05, i2: 0.1 }', h: 'h1: { inputs: { w1_new: w1, i2: w2 }, bias: b1 }' }, 1, /input name “w1_new” is reserved: it has the shape of a parameter after the update, P_new.*e\.g\. “w1new”/],
		['an input named net_o1', { inputs: 'inputs: { net_o1: 0.05, i2: 0.1 }', h: 'h1: { inputs: { net_o1: w1, i2: w2 }, bias: b1 }' }, 1, /input name “net_o1” is reserved: it has the shape of net_X.*e\.g\. “neto1”/],
		['a neuron named out_h', { h: 'out_h: { inputs: { i1: w1, i2: w2 }, bias: b1 }', o: 'o1: { inputs: { out_h: w3 } }' }, 5, /neuron name “out_h” is reserved/],
		['a parameter named delta_o1', { params: 'parameters: { w1: 0.1, w2: 0.2, delta_o1: 0.3, b1: 0.4 }', o: 'o1: { inputs: { h1: delta_o1 } }' }, 9, /“delta_o1” is reserved.*e\.g\. “deltao1”/],
		['an input named target_o1', { inputs: 'inputs: { target_o1: 0.05, i2: 0.1 }', h: 'h1: { inputs: { target_o1: w1, i2: w2 }, bias: b1 }' }, 1, /“target_o1” is reserved/]
	])('rejects %s with file:line and a new name to use', (_, parts, line, message) => {
		const errors = errorsOf(NETWORK(parts));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(new RegExp(`^net\\.yaml:${line}: `));
		expect(errors[0]).toMatch(message);
	});

	it('reports the same name in a lesson’s front matter at its own line', () => {
		const lesson = lines('---', 'title: T', 'network:', ...NETWORK({ params: 'parameters: { w1: 0.1, w2: 0.2, E_total: 0.3, b1: 0.4 }', o: 'o1: { inputs: { h1: E_total } }' }).split('\n').map((l) => `  ${l}`), '---', 'Text.');
		try {
			modelsInFile(lesson, 'content/x.md');
			expect.unreachable();
		} catch (e) {
			expect((e as ContentErrors).errors.map((x) => x.message)).toEqual([expect.stringMatching(/^content\/x\.md:12: network\.parameters\.E_total: the parameter name “E_total” is reserved/)]);
		}
	});

	it('no longer lets a parameter called E_total overwrite the error (the failure it prevents)', () => {
		// Built directly, bypassing the check, the trace shows the parameter's 0.3 as E_total.
		const spec = { kind: 'network', inputs: { i1: 1 }, layers: [{ activation: { type: 'sigmoid' }, neurons: { o1: { inputs: { i1: 'E_total' } } } }], parameters: { E_total: 0.3 }, targets: { o1: 1 }, loss: 'squared-error', update: { biases: true } } as const;
		expect(() => traceModel(buildModel(spec as never))).toThrow(/reserved/);
	});

	it('suggests a name that is neither reserved nor taken', () => {
		expect(unreservedName('net_o1', new Set(['neto1']))).toBe('neto12');
		expect(reservedShape(unreservedName('E_net_x', new Set()))).toBeUndefined();
		expect(reservedShape('w1_after_3')).toMatch(/P_after_k/);
		expect(reservedShape('hidden_out')).toBeUndefined();
		expect(reservedShape('Eo')).toBeUndefined();
	});

	it('accepts ordinary names', () => {
		expect(errorsOf(NETWORK())).toEqual([]);
	});
});
