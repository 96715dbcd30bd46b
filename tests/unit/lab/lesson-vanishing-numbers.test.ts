import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examplesOf } from '$lib/lab/data';
import { gradientNormsAtStart } from '$lib/lab/experiments/gradients';
import { networkSchema, type NetworkSpec } from '$lib/nn/schema';
import { traceData } from '../nn/trace-data';

// The table of content/140-vanishing-gradients.md: ‖Σ_p ∂E_p/∂W‖₂ per layer at the starting
// weights over the disc data (seed 1), by the tape; checked here with the Value engine's summed
// batch gradient (dE_batch/dP of trainingTrace), a separate computation.
const LESSON = readFileSync('content/140-vanishing-gradients.md', 'utf8');
const NETS = parse(LESSON.split(/^---$/m)[1] as string).networks;

/** Per layer, the L2 norm of dE_batch/dw over the weights the layer's neurons read. */
function normsByValueEngine(raw: Record<string, unknown>, spec: NetworkSpec): number[] {
	const data = examplesOf(spec, { kind: 'generated', name: 'disc', seed: 1 });
	const t = traceData({ ...raw, data, training: { mode: 'batch', epochs: 1 } });
	return spec.layers.map((layer) => {
		const weights = Object.values(layer.neurons).flatMap((n) => Object.values(n.inputs));
		return Math.sqrt(weights.reduce<number>((s, w) => s + (t[`dE_batch/d${String(w)}`] as number) ** 2, 0));
	});
}

describe('lesson 140: the gradient size per layer typed in its table', () => {
	const columns = ['deepSigmoid', 'deepRelu'].map((name) => {
		const spec = networkSchema.parse(NETS[name]);
		const tape = gradientNormsAtStart(spec, examplesOf(spec, { kind: 'generated', name: 'disc', seed: 1 }));
		return { tape, engine: normsByValueEngine(NETS[name], spec) };
	});

	it('the tape and the Value engine agree within 1e-9 relative', () => {
		for (const { tape, engine } of columns) tape.forEach((x, l) => expect(Math.abs(x - (engine[l] as number))).toBeLessThanOrEqual(1e-9 * Math.abs(engine[l] as number)));
	});

	it('each row of the table is the engine’s value to 3 significant digits', () => {
		const [sig, relu] = columns.map((c) => c.engine);
		(sig as number[]).forEach((_, l) => {
			const name = l === (sig as number[]).length - 1 ? 'output' : `hidden ${l + 1}`;
			expect(LESSON).toContain(`| ${name} | ${(sig as number[])[l]?.toPrecision(3)} | ${(relu as number[])[l]?.toPrecision(3)} |`);
		});
	});

	it('says rightly "about 37,000 times smaller" and that ReLU’s first layer gets more than its output layer', () => {
		const [sig, relu] = columns.map((c) => c.engine as number[]) as [number[], number[]];
		expect(Math.round((sig.at(-1) as number) / (sig[0] as number) / 1000)).toBe(37);
		expect(LESSON).toContain('about 37,000 times smaller');
		expect(relu[0] as number).toBeGreaterThan(relu.at(-1) as number);
	});

	it('says rightly that each sigmoid layer of the chain divides the delta by at least 4', () => {
		const t = traceData(NETS.sigmoidChain);
		for (const [a, b] of [['h5', 'h4'], ['h4', 'h3'], ['h3', 'h2'], ['h2', 'h1']]) {
			expect(Math.abs((t[`delta_${a}`] as number) / (t[`delta_${b}`] as number))).toBeGreaterThanOrEqual(4);
		}
		expect(traceData(NETS.at0)['ds/dz']).toBe(0.25);
	});
});
