import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkDerivation, quantitySpeech, quantityTex, ruleParts, stepsFor, texSpeech, withValue, type Step } from '$lib/derivation';
import { renderTexStrict } from '$lib/katex';
import { checkModel, modelsInFile, traceModel, type GraphModel, type NetworkModel } from '$lib/nn';

const file = 'content/networks/mazur-2-2-2.yaml';
const model = modelsInFile(readFileSync(file, 'utf8'), file).get('network')?.build() as NetworkModel;
const trace = traceModel(model);

/** The words of a rule, its math left out: where an internal name would show as plain text. */
const words = (rule: string) =>
	ruleParts(rule)
		.map((p) => ('text' in p ? p.text : ' '))
		.join('');

describe('a label reaches every quantity derived from the labelled one', () => {
	const labels = { E_total: 'L', w5: '\\theta' };

	it('writes the per-output errors, the error after the update and the epochs from E_total’s label', () => {
		expect(quantityTex('E_o1', labels)).toBe('L_{o1}');
		expect(quantityTex('E_total_after_update', labels)).toBe('L^{+}');
		expect(quantityTex('E_total_epoch_2', labels)).toBe('L^{(2)}');
		expect(quantityTex('E_total_after_training', labels)).toBe('L^{(\\text{end})}');
		expect(quantityTex('E_total_plus_w1', labels)).toBe('L(w_{1} + \\varepsilon)');
		expect(quantityTex('dE/dw1', labels)).toBe('\\frac{\\partial L}{\\partial w_{1}}');
		expect(quantityTex('dE_o1/dout_h1', labels)).toBe('\\frac{\\partial L_{o1}}{\\partial \\mathrm{out}_{h1}}');
	});

	it('writes the updated value, the gradient and the velocity of a labelled parameter with its label', () => {
		expect(quantityTex('w5_new', labels)).toBe('\\theta^{+}');
		expect(quantityTex('dE/dw5', labels)).toBe('\\frac{\\partial L}{\\partial \\theta}');
		expect(quantityTex('v_w5', labels)).toBe('v_{\\theta}');
	});

	it('groups a label that has a subscript of its own before adding one', () => {
		const tex = quantityTex('E_o1', { E_total: 'E_{\\text{all}}' });
		expect(tex).toBe('{E_{\\text{all}}}_{o1}');
		expect(() => renderTexStrict(tex)).not.toThrow();
	});

	it('gives feedback the same notation: Steps.tex, which feedback writes names with, follows the label', () => {
		const steps = stepsFor(model, trace, labels);
		expect(steps.tex('E_o2')).toBe('L_{o2}');
		expect(steps.tex('E_total_after_update')).toBe('L^{+}');
		expect(steps.tex('w5_new')).toBe('\\theta^{+}');
	});

	it('keeps the default notation without labels', () => {
		expect(quantityTex('E_o1')).toBe('E_{o1}');
		expect(quantityTex('E_total_after_update')).toBe('E_{\\text{total}}^{+}');
		expect(quantityTex('v_w5')).toBe('v_{w_{5}}');
	});

	it('leaves no E_total in a labelled lesson’s derivation, in symbols or in the rule', () => {
		const steps = networkDerivation({ model, trace, labels }, 'w5_new');
		for (const s of steps) {
			expect(s.label + s.symbolic).not.toMatch(/E_\{\\text\{total\}\}|E_\{o\d\}/);
			expect(s.label + s.symbolic).not.toContain('w_{5}');
		}
	});
});

describe('rules name quantities as the page writes them, never by internal name', () => {
	it('writes a network’s neurons in the rules through their quantities (δ_o1, out_h1), labels honoured', () => {
		const labels = { delta_o1: '\\delta^{(2)}_1', out_h1: 'a_1' };
		const steps = networkDerivation({ model, trace, labels }, 'w1_new');
		const rules = steps.map((s: Step) => s.rule);
		for (const rule of rules) expect(words(rule)).not.toMatch(/\b[oh][12]\b/);
		const path = steps.find((s) => s.quantity === 'dE_o1/dout_h1') as Step;
		expect(ruleParts(path.rule)).toContainEqual({ tex: '\\delta^{(2)}_1' });
		expect(ruleParts(path.rule)).toContainEqual({ tex: 'a_1' });
		for (const rule of rules) for (const p of ruleParts(rule)) if ('tex' in p) expect(() => renderTexStrict(p.tex)).not.toThrow();
	});

	it('writes a graph’s names in the rules by their labels (no “upstream gradient of invden”)', () => {
		const spec = { values: { x: 3, y: -4 }, define: { num: 'x + sigmoid(y)', den: 'sigmoid(x) + (x + y)^2', invden: '1 / den', f: 'num * invden' }, output: 'f' };
		const result = checkModel(spec);
		if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
		const graph = result.build() as GraphModel;
		const labels = { invden: '\\tfrac{1}{d}', den: 'd' };
		const steps = stepsFor(graph, traceModel(graph), labels);
		const all = steps.derivation('df/dx');
		for (const s of all) {
			expect(words(s.rule)).not.toMatch(/\binvden\b|\bden\b|\bnum\b/);
			for (const p of ruleParts(s.rule)) if ('tex' in p) expect(() => renderTexStrict(p.tex)).not.toThrow();
		}
		// A name read twice (x): its per-path terms have rules of their own.
		const paths = steps.quantities().filter((n) => n.includes('*'));
		expect(paths.length).toBeGreaterThan(0);
		for (const q of paths) {
			const path = steps.step(q) as Step;
			expect(words(path.rule), q).not.toMatch(/\binvden\b|\bden\b|\bnum\b|\bx\b|\by\b/);
		}
		const upstream = steps.step('df/dden') as Step;
		expect(upstream.rule).toContain('upstream gradient');
		expect(ruleParts(upstream.rule)).toContainEqual({ tex: '\\frac{\\partial f}{\\partial \\tfrac{1}{d}}' });
	});
});

describe('the gradient of an input', () => {
	it('names the δ and the input by their TeX in its rule', () => {
		const s = stepsFor(model, trace, { i1: 'x_1' }).step('dE/di1') as Step;
		expect(words(s.rule)).not.toMatch(/\bi1\b|\bh1\b|\bh2\b/);
		expect(ruleParts(s.rule)).toContainEqual({ tex: 'x_1' });
	});
});

describe('quantities in words, for accessible names', () => {
	it('reads labels and what derives from them as plain text', () => {
		const labels = { E_total: 'L', net_h1: 'z_{h1}', w5: '\\theta' };
		expect(quantitySpeech('dE/dw5', labels)).toBe('∂L/∂θ');
		expect(quantitySpeech('dE/dout_o1', labels)).toBe('∂L/∂out_o1');
		expect(quantitySpeech('E_o1', labels)).toBe('L_o1');
		expect(quantitySpeech('E_total_after_update', labels)).toBe('L after the update');
		expect(quantitySpeech('w5_new', labels)).toBe('updated θ');
		expect(quantitySpeech('net_h1', labels)).toBe('z_h1');
		expect(quantitySpeech('dout_h1/dnet_h1', labels)).toBe('∂out_h1/∂z_h1');
	});

	it('keeps the plain names without labels', () => {
		expect(quantitySpeech('dE/dout_o1')).toBe('∂E_total/∂out_o1');
		expect(quantitySpeech('delta_o1')).toBe('δ_o1');
		expect(quantitySpeech('w5_new')).toBe('updated w5');
	});

	it('turns TeX into text a screen reader can say', () => {
		expect(texSpeech('z_{h1}')).toBe('z_h1');
		expect(texSpeech('\\mathcal{L}')).toBe('L');
		expect(texSpeech('a^{(2)}_1')).toBe('a^(2)_1');
		expect(texSpeech('\\frac{\\partial L}{\\partial w_{5}}')).toBe('∂L/∂w_5');
		expect(texSpeech('w_{5}^{+}')).toBe('w_5⁺');
		expect(texSpeech('E_{\\text{data}} \\text{ before epoch 1}')).toBe('E_data before epoch 1');
		expect(texSpeech('\\hat{y}')).toBe('y');
		expect(texSpeech('\\frac{a + b}{c}')).toBe('(a + b)/c');
	});
});

describe('the line of numbers', () => {
	it('writes a given step’s number once, not “= 0.4 = 0.4”', () => {
		expect(withValue('0.4', 0.4)).toBe('0.4');
		expect(withValue('(-0.4)', -0.4)).toBe('-0.4');
		expect(withValue('0.5 \\cdot 2', 1)).toBe('0.5 \\cdot 2 = 1');
	});

	it('has no given step of the 2-2-2 derivation that repeats its value', () => {
		for (const s of networkDerivation({ model, trace, labels: {} }, 'w1_new')) {
			const line = withValue(s.substituted, s.value);
			expect(line).not.toMatch(/^(\S+) = \1$/);
		}
	});
});

describe('no doubled parentheses around a negative argument', () => {
	it('writes σ(-4), not σ((-4)), in a graph’s definition and its local gradient', () => {
		const spec = { values: { x: -4 }, define: { s: 'sigmoid(x)', g: 'exp(x)', f: 's + g' }, output: 'f' };
		const result = checkModel(spec);
		if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
		const graph = result.build() as GraphModel;
		const steps = stepsFor(graph, traceModel(graph));
		const s = steps.step('s') as Step;
		expect(s.substituted).not.toMatch(/\(\s*\(-4\)/);
		expect(s.substituted).toContain('-4');
		expect(steps.step('g')?.substituted).not.toMatch(/\(\s*\(-4\)/);
	});

	it('writes tanh(-0.5), not tanh((-0.5)), in a network’s activation', () => {
		const tanhNet = { inputs: { x: -0.5 }, layers: [{ activation: 'tanh', neurons: { y: { inputs: { x: 1 } } } }] };
		const result = checkModel(tanhNet);
		if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
		const net = result.build() as NetworkModel;
		const out = stepsFor(net, traceModel(net)).step('out_y') as Step;
		expect(out.substituted).toBe('\\tanh(-0.5)');
	});
});
