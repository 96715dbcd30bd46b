import { describe, expect, it } from 'vitest';
import { stepsFor } from '$lib/derivation';
import { renderTexStrict } from '$lib/katex';
import { buildModel, traceModel, type ModelSpec } from '$lib/nn';
import { fixture, parse } from '../lessons/helpers';

// The four kinds of lesson (tests/fixtures/lessons/four-kinds): leaky ReLU, weight decay,
// mini-batches, input gradients, dE/dnet_X, a graph's locals and path terms.
const FILES = ['10-staged-computation.md', '20-tanh-sigmoid-bce.md', '30-softmax-classifier.md', '40-dead-relu.md'];

const networks = FILES.flatMap((name) => {
	const { text, file } = fixture(`four-kinds/${name}`);
	return Object.entries(parse(text, file).networks).map(([network, spec]) => [`${name} ${network}`, spec as ModelSpec] as const);
});

describe('steps of the new quantities', () => {
	it.each(networks)('%s: every step writes TeX KaTeX accepts and computes its own value', (_, spec) => {
		const model = buildModel(spec);
		const trace = traceModel(model);
		const steps = stepsFor(model, trace);
		let count = 0;
		for (const q of Object.keys(trace)) {
			const s = steps.step(q);
			if (!s) continue;
			count++;
			for (const tex of [s.label, s.symbolic, s.substituted]) expect(() => renderTexStrict(tex), `${q}: ${tex}`).not.toThrow();
			expect(Math.abs(s.compute(steps.value) - s.value), q).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(s.value)));
		}
		expect(count).toBeGreaterThan(5);
	});

	it('has a step for every input gradient, dE/dnet_X, local derivative and path term', () => {
		for (const [name, spec] of networks) {
			const model = buildModel(spec);
			const trace = traceModel(model);
			const steps = stepsFor(model, trace);
			const wanted = Object.keys(trace).filter((q) => /^dE\/dnet_/.test(q) || (spec.kind === 'network' && q.startsWith('dE/d') && q.slice(4) in spec.inputs) || (spec.kind === 'graph' && q.includes('/')));
			for (const q of wanted) expect(steps.step(q), `${name}: ${q}`).toBeDefined();
		}
	});
});
