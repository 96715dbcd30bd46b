import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { checkModel, modelsInFile, traceModel, type Trace } from '$lib/nn';
import { MAZUR, mazurReference, mazurYaml, relativeError, type MazurParameters } from './mazur-reference';

const FILE = 'content/networks/mazur-2-2-2.yaml';
const text = readFileSync(new URL(`../../../${FILE}`, import.meta.url), 'utf8');

function traceOf(yaml: string, file = 'test.yaml'): Trace {
	const model = modelsInFile(yaml, file).get('network');
	if (!model) throw new Error('no network');
	return traceModel(model.build());
}

/** The keys whose value is further than `tolerance` (relative) from the reference. */
function mismatches(trace: Trace, reference: Record<string, number>, tolerance = 1e-12) {
	return Object.keys(reference)
		.filter((k) => !(relativeError(trace[k] as number, reference[k] as number) <= tolerance))
		.map((k) => ({ key: k, trace: trace[k], reference: reference[k] }));
}

describe('the 2-2-2 network of deck 002, as written in content/networks', () => {
	const trace = traceOf(text, FILE);
	const reference = mazurReference();

	it('traces exactly the quantities a hand computation names, no more and no fewer', () => {
		expect(Object.keys(trace).sort()).toEqual(Object.keys(reference).sort());
	});

	it('agrees with an independent float64 computation on every quantity within 1e-12', () => {
		expect(mismatches(trace, reference)).toEqual([]);
	});

	it('updates all eight weights by −η·dE/dw, agreeing with the hand computation', () => {
		for (let k = 1; k <= 8; k++) {
			const w = `w${k}` as keyof MazurParameters;
			expect(relativeError(trace[`${w}_new`] as number, MAZUR.p[w] - 0.5 * (reference[`dE/d${w}`] as number))).toBeLessThanOrEqual(1e-12);
		}
	});

	it('keeps the biases fixed, as `update: { biases: false }` asks', () => {
		expect(trace.b1_new).toBe(0.35);
		expect(trace.b2_new).toBe(0.6);
	});

	it('sums the gradient of b1 over the two hidden neurons it feeds', () => {
		expect(relativeError(trace['dE/db1'] as number, (trace.delta_h1 as number) + (trace.delta_h2 as number))).toBeLessThanOrEqual(1e-15);
		expect(relativeError(trace['dE/db2'] as number, (trace.delta_o1 as number) + (trace.delta_o2 as number))).toBeLessThanOrEqual(1e-15);
	});

	it('reproduces the published numbers of the worked example at their printed precision', () => {
		const published: Array<[string, number, number]> = [
			['net_h1', 0.3775, 4],
			['out_h1', 0.593269992, 9],
			['out_h2', 0.596884378, 9],
			['out_o1', 0.75136507, 8],
			['out_o2', 0.772928465, 9],
			['E_o1', 0.274811083, 9],
			['E_o2', 0.023560026, 9],
			['E_total', 0.298371109, 9],
			['dE/dw5', 0.082167041, 9],
			['w5_new', 0.35891648, 8],
			['w6_new', 0.408666186, 9],
			['w7_new', 0.51130127, 8],
			['w8_new', 0.561370121, 9],
			['w1_new', 0.149780716, 9],
			['w2_new', 0.19956143, 8],
			['w3_new', 0.24975114, 8],
			['w4_new', 0.29950229, 8]
		];
		for (const [key, value, digits] of published) expect(trace[key], key).toBeCloseTo(value, digits);
	});
});

describe('updating the biases', () => {
	it('with `update: { biases: true }` moves b1 and b2 by −η·dE/db', () => {
		const trace = traceOf(text.replace('update: { biases: false }', 'update: { biases: true }'));
		expect(trace.b1_new).toBe(0.35 - 0.5 * (trace['dE/db1'] as number));
		expect(trace.b2_new).toBe(0.6 - 0.5 * (trace['dE/db2'] as number));
		expect(trace.b1_new).not.toBe(0.35);
	});

	it('with `update: { biases: true }` agrees with the hand computation, E_total after the update included', () => {
		const trace = traceOf(text.replace('update: { biases: false }', 'update: { biases: true }'));
		expect(mismatches(trace, mazurReference({ ...MAZUR, updateBiases: true }))).toEqual([]);
	});

	it('updates every parameter when the file says nothing about update', () => {
		const trace = traceOf(text.replace(/^update:.*$/m, ''));
		expect(mismatches(trace, mazurReference({ ...MAZUR, updateBiases: true }))).toEqual([]);
	});
});

describe('gradients against finite differences', () => {
	const data = parse(text) as { parameters: Record<string, number> };
	const lossWith = (p: string, x: number) => {
		const changed = { ...data, parameters: { ...data.parameters, [p]: x } };
		const result = checkModel(changed);
		if (!result.ok) throw new Error(result.problems[0]?.message);
		return traceModel(result.build()).E_total as number;
	};
	const trace = traceOf(text);

	it.each(Object.keys(MAZUR.p))('dE/d%s matches (E(p + h) − E(p − h)) / 2h', (p) => {
		const h = 1e-6;
		const at = data.parameters[p] as number;
		const numeric = (lossWith(p, at + h) - lossWith(p, at - h)) / (2 * h);
		const analytic = trace[`dE/d${p}`] as number;
		expect(Math.abs(numeric - analytic)).toBeLessThanOrEqual(1e-6 * Math.abs(analytic) + 1e-10);
	});
});

describe('any 2-2-2 sigmoid network', () => {
	const small = fc.double({ min: -2, max: 2, noNaN: true });
	const unit = fc.double({ min: 0, max: 1, noNaN: true });
	const params = fc.record({
		w1: small, w2: small, w3: small, w4: small, w5: small, w6: small, w7: small, w8: small, b1: small, b2: small
	});

	it('traces what the hand formulas give, for random inputs, weights, targets and rate', () => {
		fc.assert(
			fc.property(small, small, params, unit, unit, fc.double({ min: 0.01, max: 2, noNaN: true }), fc.boolean(), (i1, i2, p, t1, t2, rate, updateBiases) => {
				const setup = { i1, i2, p, t1, t2, rate, updateBiases };
				const trace = traceOf(mazurYaml(setup));
				const reference = mazurReference(setup);
				// Relative 1e-10, or absolute 1e-15 where a sum cancels to almost nothing.
				const far = Object.keys(reference).filter((k) => {
					const [a, e] = [trace[k] as number, reference[k] as number];
					return !(Math.abs(a - e) <= 1e-10 * Math.abs(e) + 1e-15);
				});
				expect(far).toEqual([]);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('a parameter used twice by one neuron', () => {
	const yaml = [
		'inputs: { i1: 0.3, i2: -0.7 }',
		'layers:',
		'  - activation: sigmoid',
		'    neurons:',
		'      o1: { inputs: { i1: w, i2: w }, bias: w }',
		'parameters: { w: 0.4 }',
		'targets: { o1: 1 }',
		'learningRate: 0.1'
	].join('\n');
	const trace = traceOf(yaml);

	it('gives dnet/dw as the sum of everything w multiplies, plus 1 for the bias', () => {
		expect(trace['dnet_o1/dw']).toBeCloseTo(0.3 - 0.7 + 1, 15);
	});

	it('gives dE/dw = delta · dnet/dw', () => {
		expect(relativeError(trace['dE/dw'] as number, (trace.delta_o1 as number) * (trace['dnet_o1/dw'] as number))).toBeLessThanOrEqual(1e-14);
	});
});
