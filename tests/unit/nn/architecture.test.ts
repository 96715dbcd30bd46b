import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel, checkModel, traceModel } from '$lib/nn';
import { traceData } from './trace-data';

const COUNT_NAMES = ['count_connections', 'count_weights', 'count_biases', 'count_parameters', 'count_paths', 'count_neurons'];
const counts = (t: Record<string, number>) => Object.fromEntries(Object.entries(t).filter(([k]) => k.startsWith('count_')));

describe('an architecture: layer sizes only, fully connected', () => {
	it('counts deck 003’s quiz, 3-25-12: 375 weights, 37 biases, 412 parameters', () => {
		expect(traceData({ architecture: { layers: [3, 25, 12] } })).toEqual({
			count_connections: 375, count_weights: 375, count_biases: 37, count_parameters: 412, count_paths: 3 * 25 * 12, count_neurons: 37
		});
	});

	it('counts no biases with biases: false', () => {
		const t = traceData({ architecture: { layers: [3, 25, 12], biases: false } });
		expect([t.count_weights, t.count_biases, t.count_parameters]).toEqual([375, 0, 375]);
	});

	it('reads deck 004’s 10 layers of 100 as an input of 100 then { size: 100, repeat: 10 }: 101000 parameters', () => {
		const t = traceData({ architecture: { layers: [100, { size: 100, repeat: 10 }] } });
		expect([t.count_weights, t.count_biases, t.count_parameters, t.count_neurons]).toEqual([10 * 100 * 100, 1000, 101000, 1000]);
		expect(t.count_paths).toBe(100 ** 11);
		expect(t).toEqual(traceData({ architecture: { layers: Array(11).fill(100) } }));
	});

	// Deck 003: k hidden layers of width w between n inputs and m outputs.
	it.each([
		[4, 5, 3, 2],
		[2, 3, 1, 1],
		[10, 8, 4, 3]
	])('n = %i, w = %i, k = %i, m = %i: n·w + (k − 1)·w² + w·m weights and n·w^k·m paths', (n, w, k, m) => {
		const t = traceData({ architecture: { layers: [n, { size: w, repeat: k }, m] } });
		expect(t.count_weights).toBe(n * w + (k - 1) * w * w + w * m);
		expect(t.count_paths).toBe(n * w ** k * m);
		expect(t.count_biases).toBe(k * w + m);
	});

	it('builds again from its checked spec, as a lesson page does', () => {
		const result = checkModel({ architecture: { layers: [2, { size: 3, repeat: 2 }, 1] } });
		if (!result.ok) throw new Error('invalid');
		expect(traceModel(buildModel(result.spec))).toEqual(traceModel(result.build()));
	});
});

describe('counts in an ordinary network’s trace', () => {
	const mazur = parse(readFileSync(new URL('../../../content/networks/mazur-2-2-2.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

	it('counts a shared bias once as a parameter but once per neuron as a bias', () => {
		const t = traceData(mazur);
		expect(counts(t)).toEqual({ count_connections: 8, count_weights: 8, count_biases: 4, count_parameters: 10, count_paths: 8, count_neurons: 4 });
		// The same layers without sharing: 2 more parameters, the same weights and paths.
		expect(traceData({ architecture: { layers: [2, 2, 2] } })).toEqual({ ...counts(t), count_parameters: 12 });
	});

	it('counts a fixed weight as a weight but not as a parameter, and paths past a layer', () => {
		const xor = traceData({
			inputs: { x0: 1, x1: 0 },
			layers: [
				{ activation: { type: 'step', threshold: 1.2 }, neurons: { and: { inputs: { x0: 1, x1: 1 } } } },
				{ activation: { type: 'step', threshold: 0.6 }, neurons: { xor: { inputs: { x0: 1, x1: 1, and: -2 } } } }
			]
		});
		// Paths to xor: x0 → xor, x1 → xor, x0 → and → xor, x1 → and → xor.
		expect(counts(xor)).toEqual({ count_connections: 5, count_weights: 5, count_biases: 0, count_parameters: 0, count_paths: 4, count_neurons: 2 });
	});

	it('counts a weight shared by two connections once as a parameter, twice as a weight', () => {
		const t = traceData({ inputs: { i1: 1, i2: 2 }, layers: [{ activation: 'relu', neurons: { o: { inputs: { i1: 'w', i2: 'w' }, bias: 'w' } } }], parameters: { w: 0.5 } });
		expect(counts(t)).toEqual({ count_connections: 2, count_weights: 2, count_biases: 1, count_parameters: 1, count_paths: 2, count_neurons: 1 });
	});

	it('names the same six counts for every kind of network', () => {
		expect(Object.keys(counts(traceData(mazur))).sort()).toEqual([...COUNT_NAMES].sort());
		expect(Object.keys(traceData({ architecture: { layers: [1, 1] } })).sort()).toEqual([...COUNT_NAMES].sort());
	});
});
