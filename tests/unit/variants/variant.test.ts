import { describe, expect, it } from 'vitest';
import { buildModel, neuronsOf, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import { degeneracies, drawVariant, variantSpec } from '$lib/variants';
import { GRAPH_XYZ, MAZUR, network, specOf } from './helpers';

const traceOf = (spec: ModelSpec) => traceModel(buildModel(spec));
const mazur = specOf(MAZUR);
const mazurTrace = traceOf(mazur);

/** The structure of a network: neurons with their layer, activation, sources and weight names. */
const structure = (spec: ModelSpec) => {
	const n = network(spec);
	return {
		neurons: neuronsOf(n).map((x) => ({ ...x, inputs: x.inputs.map((c) => c.source) })),
		weights: neuronsOf(n).map((x) => [x.inputs.map((c) => c.weight), x.bias]),
		parameters: Object.keys(n.parameters),
		inputs: Object.keys(n.inputs),
		kept: [n.targets, n.loss, n.learningRate, n.update]
	};
};

describe('new numbers for the 2-2-2 network', () => {
	it('gives the same spec for the same seed, every time', () => {
		expect(variantSpec(mazur, 17)).toEqual(variantSpec(mazur, 17));
		expect(drawVariant(mazur, 4242)).toEqual(drawVariant(mazur, 4242));
	});

	it('gives variant 17 the numbers it has always had (instructors hand them out)', () => {
		const v = network(variantSpec(mazur, 17));
		expect(v.inputs).toEqual({ i1: 0.66, i2: 0.22 });
		expect(v.parameters).toEqual({ w1: 0.53, w2: 0.2, w3: 0.12, w4: 0.74, w5: 0.3, w6: 0.54, w7: 0.28, w8: 0.67, b1: 0.77, b2: 0.32 });
	});

	it('gives different numbers for different seeds', () => {
		const specs = Array.from({ length: 50 }, (_, i) => JSON.stringify(variantSpec(mazur, i + 1)));
		expect(new Set(specs).size).toBe(50);
	});

	it('keeps the structure: neurons, layers, activations, parameter names and sharing, targets, rate, loss', () => {
		expect(structure(variantSpec(mazur, 17))).toEqual(structure(mazur));
	});

	it('draws weights and inputs as two-decimal numbers in [0.05, 0.95], keeping their signs', () => {
		const v = network(variantSpec(mazur, 17));
		for (const x of [...Object.values(v.parameters), ...Object.values(v.inputs)]) {
			expect(x).toBeGreaterThanOrEqual(0.05);
			expect(x).toBeLessThanOrEqual(0.95);
			expect(Math.round(x * 100) / 100).toBe(x);
		}
	});

	it('recomputes every answer with the engine, and the answers differ from the lesson’s', () => {
		const v = network(variantSpec(mazur, 17));
		const trace = traceOf(v);
		expect(Object.keys(trace).sort()).toEqual(Object.keys(mazurTrace).sort());
		const p = v.parameters as Record<string, number>;
		expect(trace.net_h1).toBeCloseTo((p.w1 as number) * v.inputs.i1! + (p.w2 as number) * v.inputs.i2! + (p.b1 as number), 14);
		for (const q of ['net_h1', 'out_o1', 'E_total', 'delta_o1', 'dE/dw5', 'dE/dw1', 'w5_new', 'E_total_after_update']) {
			expect(trace[q], q).not.toBe(mazurTrace[q]);
		}
	});

	it('passes every degeneracy rule for 200 seeds, each drawn without falling back', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const result = drawVariant(mazur, seed);
			expect(result.outcome, `seed ${seed}`).toBe('drawn');
			const trace = traceOf(result.spec);
			for (const n of ['h1', 'h2', 'o1', 'o2']) {
				const out = trace[`out_${n}`] as number;
				expect(out > 0.02 && out < 0.98, `seed ${seed}: out_${n} = ${out}`).toBe(true);
			}
			const zeros = Object.keys(trace).filter((k) => trace[k] === 0 && mazurTrace[k] !== 0);
			expect(zeros, `seed ${seed}`).toEqual([]);
			expect(Object.values(trace).every(Number.isFinite)).toBe(true);
			expect(degeneracies(buildModel(result.spec), trace, mazurTrace)).toEqual([]);
		}
	});
});

describe('new numbers for a computational graph', () => {
	const graph = specOf(GRAPH_XYZ);

	it('keeps whole numbers whole, small and of the same sign, and the definitions', () => {
		for (let seed = 1; seed <= 50; seed++) {
			const v = variantSpec(graph, seed);
			if (v.kind !== 'graph' || graph.kind !== 'graph') throw new Error('not a graph');
			expect(v.define).toEqual(graph.define);
			for (const [name, x] of Object.entries(v.values)) {
				expect(Number.isInteger(x) && Math.abs(x) >= 1 && Math.abs(x) <= 5, `${name} = ${x}`).toBe(true);
				expect(Math.sign(x)).toBe(Math.sign(graph.values[name] as number));
			}
			expect(Object.values(traceOf(v)).every(Number.isInteger)).toBe(true);
		}
	});

	it('never draws x + y = 0, which would make q and f exactly 0', () => {
		for (let seed = 1; seed <= 100; seed++) expect(traceOf(variantSpec(graph, seed)).q).not.toBe(0);
	});

	it('never draws a tie for the largest input of a max gate', () => {
		const gate = specOf('values: { a: 2, b: 3 }\ndefine: { m: "max(a, b)" }\noutput: m\n');
		for (let seed = 1; seed <= 100; seed++) {
			const t = traceOf(variantSpec(gate, seed));
			expect(t.a).not.toBe(t.b);
		}
	});
});

describe('networks whose numbers carry meaning', () => {
	const AND = `
inputs: { x0: -1, x1: 1, x2: 1 }
layers:
  - activation: { type: step, threshold: 0 }
    neurons:
      h: { inputs: { x0: W0, x1: W1, x2: W2 } }
parameters: { W0: 1.5, W1: 1, W2: 1 }
`;

	it('leaves a step network (a logic gate) as it is, saying so', () => {
		const and = specOf(AND);
		const result = drawVariant(and, 17);
		expect(result).toEqual({ spec: and, outcome: 'unchanged', attempts: 1 });
		expect(traceOf(result.spec).out_h).toBe(1);
	});

	it('keeps negative weights negative and 0/1 inputs (a truth-table row) as they are', () => {
		const xor = specOf(`
inputs: { x1: 1, x2: 0 }
layers:
  - activation: sigmoid
    neurons:
      h1: { inputs: { x1: a, x2: b }, bias: c }
      h2: { inputs: { x1: d, x2: e }, bias: f }
  - activation: sigmoid
    neurons:
      y: { inputs: { h1: g, h2: h }, bias: k }
parameters: { a: 0.6, b: 0.6, c: -0.3, d: -0.4, e: -0.4, f: 0.7, g: 0.5, h: 0.5, k: -0.6 }
targets: { y: 1 }
`);
		for (let seed = 1; seed <= 20; seed++) {
			const v = network(variantSpec(xor, seed));
			expect(v.inputs).toEqual({ x1: 1, x2: 0 });
			for (const [p, x] of Object.entries(v.parameters)) expect(Math.sign(x), p).toBe(Math.sign(network(xor).parameters[p] as number));
		}
	});

	it('leaves a network with nothing to draw as it is (fixed weights, 0/1 inputs)', () => {
		const fixed = specOf('inputs: { i1: 1, i2: 1 }\nlayers:\n  - activation: identity\n    neurons:\n      o: { inputs: { i1: 2, i2: -2 } }\n');
		expect(drawVariant(fixed, 3).outcome).toBe('unchanged');
	});

	it('lets a variant keep a degeneracy the lesson shows on purpose (a saturated sigmoid)', () => {
		const saturated = specOf('inputs: { x: 1 }\nlayers:\n  - activation: sigmoid\n    neurons:\n      o: { inputs: { x: w } }\nparameters: { w: 6 }\n');
		expect(traceOf(saturated).out_o).toBeGreaterThan(0.99);
		expect(drawVariant(saturated, 1).outcome).toBe('drawn');
	});

	it('keeps whole-number weights whole', () => {
		const whole = specOf('inputs: { x: 0.5 }\nlayers:\n  - activation: tanh\n    neurons:\n      o: { inputs: { x: w }, bias: b }\nparameters: { w: 2, b: -1 }\n');
		for (let seed = 1; seed <= 20; seed++) {
			expect(Object.values(network(variantSpec(whole, seed)).parameters).every(Number.isInteger)).toBe(true);
		}
	});
});

describe('refusing draws and giving up', () => {
	it('passes each draw’s trace to the caller’s check and redraws, deterministically, when it refuses', () => {
		let first: Trace | undefined;
		const refuseFirst = (trace: Trace) => {
			if (first) return false;
			first = trace;
			return true;
		};
		const refused = drawVariant(mazur, 17, { isDegenerate: refuseFirst });
		expect(refused.attempts).toBe(2);
		expect(first).toEqual(traceOf(variantSpec(mazur, 17)));
		expect(refused.spec).not.toEqual(variantSpec(mazur, 17));
		let calls = 0;
		expect(drawVariant(mazur, 17, { isDegenerate: () => ++calls === 1 })).toEqual(refused);
	});

	it('falls back to the lesson’s own numbers after the last attempt, saying so', () => {
		expect(drawVariant(mazur, 17, { isDegenerate: () => true, maxAttempts: 25 })).toEqual({ spec: mazur, outcome: 'fallback', attempts: 25 });
	});

	it('stops after 100 attempts by default', () => {
		expect(drawVariant(mazur, 5, { isDegenerate: () => true }).attempts).toBe(100);
	});

	// How fast it gives up (100 refused draws) is measured in tests/bench, not asserted here.
	it('gives up on the 2-2-2 network after 100 refused draws, with the lesson’s own numbers', () => {
		expect(drawVariant(mazur, 5, { isDegenerate: () => true })).toEqual({ spec: mazur, outcome: 'fallback', attempts: 100 });
	});
});
