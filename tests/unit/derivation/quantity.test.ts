import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, neuronOf, parseQuantity, partialOf } from '$lib/nn/quantity';

describe('quantity names as a type', () => {
	it.each([
		['net_h1', { kind: 'net', neuron: 'h1' }],
		['out_o1', { kind: 'out', neuron: 'o1' }],
		['E_o1', { kind: 'error', neuron: 'o1' }],
		['E_total', { kind: 'total-error' }],
		['delta_h1', { kind: 'delta', neuron: 'h1' }],
		['target_o2', { kind: 'target', neuron: 'o2' }],
		['v_w5', { kind: 'velocity', parameter: 'w5' }],
		['w5_new', { kind: 'updated', parameter: 'w5' }],
		['w1_after_3', { kind: 'after', name: 'w1', step: 3 }],
		['dE/dw5', { kind: 'partial', of: 'E', wrt: 'w5' }],
		['dout_o1/dnet_o1', { kind: 'partial', of: 'out_o1', wrt: 'net_o1' }],
		['dE_o1/dout_h1', { kind: 'partial', of: 'E_o1', wrt: 'out_h1' }],
		['dc/dw (local)', { kind: 'partial', of: 'c', wrt: 'w', local: true }],
		['w5', { kind: 'name', name: 'w5' }]
	])('reads %s', (name, want) => {
		expect(parseQuantity(name)).toEqual(want);
		expect(formatQuantity(parseQuantity(name))).toBe(name);
	});

	it('formats every string it reads back to the same string', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(formatQuantity(parseQuantity(s))).toBe(s);
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives the neuron of per-neuron names and the two sides of a partial', () => {
		expect(neuronOf('delta_o2')).toBe('o2');
		expect(neuronOf('w5')).toBeUndefined();
		expect(partialOf('dnet_o1/dw5')).toEqual(['net_o1', 'w5']);
		expect(partialOf('net_o1')).toBeUndefined();
	});
});
