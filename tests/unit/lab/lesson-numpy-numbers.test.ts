import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Trainer } from '$lib/tape';
import { far, traceData } from '../nn/trace-data';
import { BIG, bigScratch, bigWorkload, handBigStep } from '../../bench/tape-workloads';

// content/160-numpy-training-loop.md types the loss of deck 001's loop at full size (seed 1) for
// t = 0, 1, 2: here from the hand-written Float64Array loop (the NumPy body written out) and from
// the tape's batch Trainer, which must agree.
const LESSON = readFileSync('content/160-numpy-training-loop.md', 'utf8');
/** The lesson with its line breaks as spaces, for sentences. */
const FLAT = LESSON.replace(/\s+/g, ' ');
const format = (x: number) => x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('lesson 160: deck 001’s loop at full size', () => {
	const { x, y, w1, w2, spec, data } = bigWorkload(1);
	const byHand: number[] = [];
	const s = bigScratch();
	const [h1, h2] = [Float64Array.from(w1), Float64Array.from(w2)];
	for (let t = 0; t < 3; t++) byHand.push(handBigStep(x, y, h1, h2, s)); // each returns the loss before its update

	const trainer = new Trainer(spec, data, { mode: 'batch', rate: BIG.rate });
	const byTape: number[] = [trainer.datasetError()];
	const norms: number[][] = [];
	for (let t = 1; t < 3; t++) {
		trainer.step();
		norms.push(trainer.gradientNormsByLayer());
		byTape.push(trainer.datasetError());
	}

	it('the tape gives the hand-written loop’s loss within 1e-9 relative', () => {
		byHand.forEach((l, t) => expect(Math.abs((byTape[t] as number) - l)).toBeLessThanOrEqual(1e-9 * l));
	});

	it('the table states the loss at t = 0, 1, 2 to two decimals', () => {
		byHand.forEach((l, t) => expect(LESSON).toContain(`| ${t} | ${format(l)} |`));
	});

	it('most hidden units start saturated (h(1 − h) < 0.01), as the prose says', () => {
		let saturated = 0;
		for (let e = 0; e < BIG.N; e++) {
			for (let j = 0; j < BIG.H; j++) {
				let z = 0;
				for (let i = 0; i < BIG.D_in; i++) z += (x[e * BIG.D_in + i] as number) * (w1[i * BIG.H + j] as number);
				const h = 1 / (1 + Math.exp(-z));
				if (h * (1 - h) < 0.01) saturated++;
			}
		}
		expect(FLAT).toContain(`at the start ${Math.round((100 * saturated) / (BIG.N * BIG.H))} % of the hidden values`);
	});

	it('states rightly how much smaller w1’s gradient is per weight in the first update', () => {
		const [n1, n2] = norms[0] as [number, number];
		const rms1 = n1 / Math.sqrt(BIG.D_in * BIG.H);
		const rms2 = n2 / Math.sqrt(BIG.H * BIG.D_out);
		expect(FLAT).toContain(`about ${(rms2 / rms1).toFixed(1)} times smaller for \`w1\``);
	});
}, 600_000);

describe('lesson 160: the small loop, by the NumPy body written out', () => {
	const small = parse(LESSON.split(/^---$/m)[1] as string).networks.small;
	const [D, H, O] = [5, 3, 2];
	const w1 = Array.from({ length: D }, (_, i) => Array.from({ length: H }, (_, j) => small.parameters[`w1_${i + 1}_${j + 1}`] as number));
	const w2 = Array.from({ length: H }, (_, j) => Array.from({ length: O }, (_, k) => small.parameters[`w2_${j + 1}_${k + 1}`] as number));
	const xs = small.data.map((e: { inputs: Record<string, number> }) => Array.from({ length: D }, (_, i) => e.inputs[`x${i + 1}`] as number));
	const ys = small.data.map((e: { targets: Record<string, number> }) => Array.from({ length: O }, (_, k) => e.targets[`y${k + 1}`] as number));
	const rate = small.learningRate as number;
	const losses: number[] = [];
	let gradW2_00 = 0;
	let w2_00_after1 = 0;
	for (let t = 0; t <= 2000; t++) {
		const gw1 = w1.map((r) => r.map(() => 0));
		const gw2 = w2.map((r) => r.map(() => 0));
		let loss = 0;
		xs.forEach((x: number[], p: number) => {
			const h = Array.from({ length: H }, (_, j) => 1 / (1 + Math.exp(-x.reduce((s, xi, i) => s + xi * (w1[i]?.[j] as number), 0))));
			const yp = Array.from({ length: O }, (_, k) => h.reduce((s, hj, j) => s + hj * (w2[j]?.[k] as number), 0));
			const gy = yp.map((v, k) => 2 * (v - (ys[p][k] as number)));
			loss += yp.reduce((s, v, k) => s + (v - (ys[p][k] as number)) ** 2, 0);
			h.forEach((hj, j) => gy.forEach((g, k) => {
				const row = gw2[j] as number[];
				row[k] = (row[k] as number) + hj * g;
			}));
			const gh = h.map((hj, j) => gy.reduce((s, g, k) => s + g * (w2[j]?.[k] as number), 0) * hj * (1 - hj));
			x.forEach((xi, i) => gh.forEach((g, j) => {
				const row = gw1[i] as number[];
				row[j] = (row[j] as number) + xi * g;
			}));
		});
		losses.push(loss); // what print(t, loss) prints: before update t
		if (t === 2000) break;
		if (t === 0) gradW2_00 = gw2[0]?.[0] as number;
		w1.forEach((r, i) => r.forEach((_, j) => ((r[j] as number) -= rate * (gw1[i]?.[j] as number))));
		w2.forEach((r, j) => r.forEach((_, k) => ((r[k] as number) -= rate * (gw2[j]?.[k] as number))));
		if (t === 0) w2_00_after1 = w2[0]?.[0] as number;
	}
	it('the traced quantities are the loop’s numbers within 1e-9 relative', () => {
		const expected = {
			E_total_epoch_1: losses[0] as number,
			'dE_batch/dw2_1_1': gradW2_00,
			w2_1_1_after_1: w2_00_after1,
			E_total_after_1: losses[1] as number,
			E_total_epoch_2000: losses[1999] as number,
			E_total_after_2000: losses[2000] as number
		};
		expect(far(traceData(small), expected, 1e-9)).toEqual([]);
	});
});
