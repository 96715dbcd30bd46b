import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineValues, networkDerivation, networkStep, quantityTex, type Step } from '$lib/derivation';
import { renderTexStrict } from '$lib/katex';
import { modelsInFile, traceModel, type NetworkModel } from '$lib/nn';

const file = 'content/networks/mazur-2-2-2.yaml';
const model = modelsInFile(readFileSync(file, 'utf8'), file).get('network')?.build() as NetworkModel;
const context = { model, trace: traceModel(model), labels: {} };

// Hand-derived values of the 2-2-2 example, computed here without the engine.
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const [i1, i2, w1, w5, w6, w7, b1, b2] = [0.05, 0.1, 0.15, 0.4, 0.45, 0.5, 0.35, 0.6];
const outH1 = sig(w1 * i1 + 0.2 * i2 + b1);
const outH2 = sig(0.25 * i1 + 0.3 * i2 + b1);
const outO1 = sig(w5 * outH1 + w6 * outH2 + b2);
const outO2 = sig(w7 * outH1 + 0.55 * outH2 + b2);
const deltaO1 = (outO1 - 0.01) * outO1 * (1 - outO1);
const deltaO2 = (outO2 - 0.99) * outO2 * (1 - outO2);
const dEdOutH1 = deltaO1 * w5 + deltaO2 * w7;
const dEdw1 = dEdOutH1 * outH1 * (1 - outH1) * i1;

const byName = (steps: Step[]) => Object.fromEntries(steps.map((s) => [s.quantity, s]));

describe('derivation of w5', () => {
	const steps = networkDerivation(context, 'w5_new');

	it('asks the three chain-rule factors, their product, then the update, in that order', () => {
		expect(steps.map((s) => s.quantity)).toEqual([
			'dE/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5', 'dE/dw5', 'w5_new'
		]);
	});

	it('gives each factor the hand-derived value', () => {
		const s = byName(steps);
		expect(s['dE/dout_o1']?.value).toBeCloseTo(outO1 - 0.01, 14);
		expect(s['dout_o1/dnet_o1']?.value).toBeCloseTo(outO1 * (1 - outO1), 14);
		expect(s['dnet_o1/dw5']?.value).toBeCloseTo(outH1, 14);
		expect(s['dE/dw5']?.value).toBeCloseTo(deltaO1 * outH1, 14);
		expect(s['w5_new']?.value).toBeCloseTo(w5 - 0.5 * deltaO1 * outH1, 14);
	});

	it('writes the product in symbols and with the factors substituted', () => {
		const product = byName(steps)['dE/dw5'] as Step;
		expect(product.symbolic).toBe(
			[quantityTex('dE/dout_o1'), quantityTex('dout_o1/dnet_o1'), quantityTex('dnet_o1/dw5')].join(' \\cdot ')
		);
		expect(product.substituted).toBe('0.7414 \\cdot 0.1868 \\cdot 0.5933');
		expect(product.needs).toEqual(['dE/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5']);
	});

	it('substitutes the learning rate and the gradient in the update', () => {
		expect(byName(steps)['w5_new']?.substituted).toBe('0.4 - 0.5 \\cdot 0.08217');
	});
});

describe('derivation of w1', () => {
	const steps = networkDerivation(context, 'w1_new');
	const s = byName(steps);

	it('sums the paths through both outputs for the hidden output', () => {
		expect(s['dE/dout_h1']?.needs).toEqual(['dE_o1/dout_h1', 'dE_o2/dout_h1']);
		expect(s['dE_o1/dout_h1']?.value).toBeCloseTo(deltaO1 * w5, 14);
		expect(s['dE_o2/dout_h1']?.value).toBeCloseTo(deltaO2 * w7, 14);
		expect(s['dE/dout_h1']?.value).toBeCloseTo(dEdOutH1, 14);
	});

	it('reaches dE/dw1 and the update with the hand-derived values', () => {
		expect(s['dE/dw1']?.value).toBeCloseTo(dEdw1, 15);
		expect(s['w1_new']?.value).toBeCloseTo(w1 - 0.5 * dEdw1, 15);
		expect(s['w1_new']?.value).toBeCloseTo(0.149780716, 9); // the published value
	});

	it('puts every step after the steps it needs, each step once', () => {
		const seen = new Set<string>();
		for (const step of steps) {
			for (const need of step.needs) if (s[need]) expect(seen.has(need), `${step.quantity} needs ${need}`).toBe(true);
			expect(seen.has(step.quantity)).toBe(false);
			seen.add(step.quantity);
		}
	});

	it('marks a weight read off the network as given, and the hidden factors as asked', () => {
		expect(s['dnet_o1/dout_h1']?.given).toBe(true);
		expect(s['dnet_h1/dw1']?.given).toBe(true); // an input, i1
		expect(s['dout_h1/dnet_h1']?.given).toBe(false);
	});
});

describe('steps', () => {
	it('explains a shared bias as the sum of its gradient through each neuron it feeds', () => {
		const step = networkStep(context, 'dE/db1') as Step;
		expect(step.needs).toEqual(['delta_h1', 'dnet_h1/db1', 'delta_h2', 'dnet_h2/db1']);
		expect(step.value).toBeCloseTo(context.trace['delta_h1']! + context.trace['delta_h2']!, 15);
	});

	it('keeps a fixed bias unchanged in the update step', () => {
		const step = networkStep(context, 'b1_new') as Step;
		expect(step.given).toBe(true);
		expect(step.value).toBe(b1);
	});

	it('writes the net input as the weighted sum with the bias', () => {
		const step = networkStep(context, 'net_h1') as Step;
		expect(step.symbolic).toBe('w_{1} \\cdot i_{1} + w_{2} \\cdot i_{2} + b_{1}');
		expect(step.substituted).toBe('0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35');
		expect(step.value).toBeCloseTo(0.3775, 15);
	});

	it('writes TeX that KaTeX accepts for every quantity of the network', () => {
		for (const quantity of Object.keys(context.trace)) {
			const step = networkStep(context, quantity);
			if (!step) continue;
			for (const tex of [step.label, step.symbolic, step.substituted]) {
				expect(() => renderTexStrict(tex), `${quantity}: ${tex}`).not.toThrow();
			}
		}
	});

	it('has a step for every computed quantity of the trace', () => {
		const computed = Object.keys(context.trace).filter(
			(q) =>
				!(q in model.spec.inputs) &&
				!(q in model.spec.parameters) &&
				q !== 'E_total_after_update' &&
				!q.startsWith('count_') // counts of the architecture, not chain-rule steps
		);
		expect(computed.filter((q) => !networkStep(context, q))).toEqual([]);
	});

	it('recomputes every step from the values it reads, agreeing with the autograd engine', () => {
		const get = engineValues(context);
		for (const quantity of Object.keys(context.trace)) {
			const step = networkStep(context, quantity);
			if (step) expect(step.compute(get), quantity).toBeCloseTo(context.trace[quantity] as number, 13);
		}
	});

	it('carries a learner’s own earlier value forward into the next step', () => {
		const step = networkStep(context, 'dE/dw5') as Step;
		const theirs = (name: string) => (name === 'dout_o1/dnet_o1' ? 0.1816 : engineValues(context)(name));
		expect(step.compute(theirs)).toBeCloseTo((outO1 - 0.01) * 0.1816 * outH1, 14);
		expect(step.substitute(theirs)).toBe('0.7414 \\cdot 0.1816 \\cdot 0.5933');
	});
});


describe('momentum', () => {
	// Deck 004's rule, with λ = 0.9 and a starting velocity for w5 only: v ← λv − (1 − λ)g, w ← w + ηv.
	const text = readFileSync(file, 'utf8') + 'momentum: 0.9\nvelocities: { w5: 0.02 }\n';
	const withMomentum = modelsInFile(text, 'momentum.yaml').get('network')?.build() as NetworkModel;
	const c = { model: withMomentum, trace: traceModel(withMomentum), labels: {} };
	const g = c.trace['dE/dw5'] as number;

	it('computes the velocity from λ, the old velocity and the gradient', () => {
		const step = networkStep(c, 'v_w5') as Step;
		expect(step.value).toBeCloseTo(0.9 * 0.02 - 0.1 * g, 15);
		expect(step.compute(engineValues(c))).toBeCloseTo(step.value, 15);
	});

	it('updates the weight along the velocity, not against the gradient', () => {
		const step = networkStep(c, 'w5_new') as Step;
		expect(step.value).toBeCloseTo(0.4 + 0.5 * (0.9 * 0.02 - 0.1 * g), 15);
		expect(step.compute(engineValues(c))).toBeCloseTo(step.value, 15);
		expect(step.symbolic).toContain('v_{w_{5}}');
		expect(networkDerivation(c, 'w5_new').map((s) => s.quantity).slice(-2)).toEqual(['v_w5', 'w5_new']);
	});
});

describe('default labels of training, gradient-check and count quantities', () => {
	it('writes each in notation KaTeX strict accepts', () => {
		const cases: Record<string, string> = {
			w1_after_3: 'w_{1}^{(3)}',
			w11_2_after_1: '{w_{11}^{(2)}}^{(1)}',
			numgrad_w10_1: '\\tilde{g}_{w_{10}^{(1)}}',
			numgrad_onesided_w5: '\\tilde{g}^{\\text{one-sided}}_{w_{5}}',
			E_total_plus_w5: 'E_{\\text{total}}(w_{5} + \\varepsilon)',
			E_total_minus_w5: 'E_{\\text{total}}(w_{5} - \\varepsilon)',
			E_total_epoch_2: 'E_{\\text{total}}^{(2)}',
			'dE_batch/dw1': '\\frac{\\partial E_{\\mathrm{batch}}}{\\partial w_{1}}',
			count_weights: '\\#\\text{weights}',
			w11_1_new: '{w_{11}^{(1)}}^{+}',
			some_odd_name: '\\text{some\\_odd\\_name}'
		};
		for (const [name, tex] of Object.entries(cases)) {
			expect(quantityTex(name)).toBe(tex);
			expect(() => renderTexStrict(tex)).not.toThrow();
		}
	});
});
