import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examplesOf } from '$lib/lab/data';
import { gradientNormsAtStart } from '$lib/lab/experiments/gradients';
import { classAccuracy } from '$lib/lab/experiments/accuracy';
import { Trainer } from '$lib/tape';
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

describe('lesson 140: what the two labs show, as the prose says (the tape’s batch Trainer, as the labs train)', () => {
	const FLAT = LESSON.replace(/\s+/g, ' ');
	const labRate = (id: string) => Number(new RegExp(`:::training\\{[^}]*rate="([^"]+)"[^}]*id="${id}"`).exec(LESSON)?.[1]);
	/** Trains `name` on the disc data in batch mode; per listed epoch: E_total, the largest layer gradient, the accuracy. */
	function run(name: string, rate: number, epochs: number[]) {
		const spec = networkSchema.parse(NETS[name]);
		const data = examplesOf(spec, { kind: 'generated', name: 'disc', seed: 1 });
		const trainer = new Trainer(spec, data, { mode: 'batch', rate });
		const inputs = data.map((e) => Object.values(e.inputs));
		const targets = data.map((e) => Object.values(e.targets));
		const at = new Map<number, { error: number; gradient: number; accuracy: number }>();
		for (let e = 1; e <= Math.max(...epochs); e++) {
			trainer.step();
			if (epochs.includes(e)) at.set(e, { error: trainer.datasetError(), gradient: Math.max(...trainer.gradientNormsByLayer()), accuracy: classAccuracy((x) => trainer.predict(x), inputs, targets) });
		}
		return at;
	}
	const percent = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')} %`;

	it('both labs train at the rate the prose names', () => {
		expect(labRate('lab-deep-sigmoid')).toBe(0.02);
		expect(labRate('lab-deep-relu')).toBe(0.02);
		expect(FLAT).toContain('same rate, $\\eta = 0.02$');
	});

	it('the sigmoid network stays at its plateau: gradients below 0.001, the same loss, “outside” for every point', () => {
		const at = run('deepSigmoid', 0.02, [20, 100, 1000, 2000]);
		for (const e of [20, 100, 1000, 2000]) expect(at.get(e)?.gradient).toBeLessThan(0.001);
		expect(FLAT).toContain("Within 20 epochs the sigmoid network's output learns only how many points lie outside the disc");
		expect(FLAT).toContain(`its loss stays at ${at.get(2000)?.error.toFixed(2)} for all 2,000 epochs`);
		expect(at.get(20)?.error.toFixed(2)).toBe(at.get(2000)?.error.toFixed(2));
		const outside = examplesOf(networkSchema.parse(NETS.deepSigmoid), { kind: 'generated', name: 'disc', seed: 1 }).filter((e) => e.targets[Object.keys(e.targets)[0] as string] === 0).length / 200;
		expect(at.get(2000)?.accuracy).toBe(outside);
		expect(FLAT).toContain(`which is right for ${percent(outside)} of them`);
	});

	// After about 500 epochs this run is chaotic: a browser's Math.exp may differ from Node's in
	// the last bit, and the spikes grow that apart (Chromium ended at E = 0.53 and 99.5 %, Node at
	// 0.18 and 100 %). So the prose states exact numbers up to 500 epochs and robust facts after.
	it('the ReLU network leaves the plateau and learns the disc', () => {
		const epochs = Array.from({ length: 2000 }, (_, i) => i + 1);
		const at = run('deepRelu', 0.02, epochs);
		expect(FLAT).toContain(`its loss is still ${at.get(100)?.error.toFixed(2)} after 100 epochs`);
		expect(FLAT).toContain(`its loss falls: ${at.get(500)?.error.toFixed(2)} after 500 epochs, and from 1,000 epochs on mostly below 5, with spikes`);
		const late = epochs.filter((e) => e >= 1000).map((e) => at.get(e)?.error as number);
		expect(late.filter((e) => e < 5).length).toBeGreaterThan(0.75 * late.length);
		expect(Math.max(...late)).toBeGreaterThan(5); // the spikes
		expect(at.get(2000)?.accuracy).toBeGreaterThanOrEqual(0.99);
		expect(FLAT).toContain('By epoch 2,000 it places at least 99 % of the points on the right side');
	});

	it('at η = 0.1 the ReLU network’s units die: every gradient exactly 0 within 10 updates', () => {
		const at = run('deepRelu', 0.1, [10, 100]);
		const spec = networkSchema.parse(NETS.deepRelu);
		const trainer = new Trainer(spec, examplesOf(spec, { kind: 'generated', name: 'disc', seed: 1 }), { mode: 'batch', rate: 0.1 });
		for (let e = 0; e < 10; e++) trainer.step();
		expect(trainer.gradientNormsByLayer().every((g) => g === 0)).toBe(true);
		expect(at.get(100)?.error).toBe(at.get(10)?.error);
		expect(FLAT).toContain('train it at $\\eta = 0.1$: within 10 updates every gradient is exactly 0');
	});
});
