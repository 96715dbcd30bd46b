import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { recomputeAll, type Value } from '$lib/autograd';
import { buildNetwork, modelsInFile, type Example, type NetworkSpec } from '$lib/nn';
import { Trainer } from '$lib/tape';
import { bigScratch, bigWorkload, handBigStep, handEpoch231, handStep222, MAZUR_PARAMS, pack231, parabolaData, spec231 } from './tape-workloads';

// Issue 11's training workloads: the compiled tape beside a hand-written Float64Array loop doing
// the same math, and the Value engine (vitest prints each group's ratios). Goals: the first two
// within 3× of the loop, the third within 20× and 500 MB. `npx tsx scripts/bench-tape.ts` prints
// the same as a table with peak memory, interleaving the runs (steadier on a busy machine).

/** The Value engine as trainingTrace uses it: set an example, recompute, backward, update. */
function engineStep(spec: NetworkSpec, rate: number) {
	const model = buildNetwork(spec);
	const loss = model.loss as Value;
	const node = (n: string) => model.nodes.get(n) as Value;
	return (e: Example) => {
		for (const [i, x] of Object.entries(e.inputs)) node(i).data = x;
		for (const [o, t] of Object.entries(e.targets)) (model.targets.get(o) as Value).data = t;
		recomputeAll(loss);
		loss.backward();
		for (const p of model.trainable) node(p).data -= rate * node(p).grad;
	};
}

describe('2-2-2 step (forward + backward + update)', () => {
	const file = 'content/networks/mazur-2-2-2.yaml';
	const { kind: _, ...spec } = modelsInFile(readFileSync(file, 'utf8'), file).get('network')!.spec as { kind: 'network' } & NetworkSpec;
	const data = [{ inputs: spec.inputs, targets: spec.targets! }];
	const p = Float64Array.from(MAZUR_PARAMS);
	const trainer = new Trainer(spec, data, { mode: 'incremental', rate: 0.5 });
	const engine = engineStep(spec, 0.5);
	bench('hand-written Float64Array loop (×1000 steps)', () => {
		for (let k = 0; k < 1000; k++) handStep222(p);
	});
	bench('tape (×1000 steps)', () => {
		for (let k = 0; k < 1000; k++) trainer.step();
	});
	bench('Value engine (×1000 steps)', () => {
		for (let k = 0; k < 1000; k++) engine(data[0]!);
	});
});

describe('2-3-1 SGD, one epoch of 10,000 points', () => {
	const spec = spec231();
	const data = parabolaData();
	const xs = Float64Array.from(data.flatMap((e) => [e.inputs.x0!, e.inputs.x1!]));
	const ts = Float64Array.from(data.map((e) => e.targets.y0!));
	const p = pack231(spec);
	const h = new Float64Array(3);
	const trainer = new Trainer(spec, data, { mode: 'incremental', rate: 0.5 });
	const engine = engineStep(spec, 0.5);
	bench('hand-written Float64Array loop', () => handEpoch231(p, xs, ts, h));
	bench('tape', () => trainer.runEpoch());
	bench('Value engine', () => data.forEach(engine), { iterations: 3, time: 0 });
});

describe('64×1000→100→10 batch step (deck 001’s NumPy loop; the Value engine takes ~40 s and GBs: not run)', () => {
	const w = bigWorkload();
	const s = bigScratch();
	const trainer = new Trainer(w.spec, w.data, { mode: 'batch', rate: 1e-4 });
	bench('hand-written Float64Array loop', () => void handBigStep(w.x, w.y, w.w1, w.w2, s), { iterations: 5, time: 0 });
	bench('tape', () => trainer.step(), { iterations: 5, time: 0 });
});
