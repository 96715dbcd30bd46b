/**
 * npx tsx scripts/bench-tape.ts [--engine-big] [--rounds N]
 * Issue 11's three training workloads, each timed beside a hand-written Float64Array loop in the
 * same process (and the Value engine), printing the ratios and each workload's peak memory
 * (every workload runs in a child process of its own, so that its max RSS is its own).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { recomputeAll, type Value } from '../src/lib/autograd';
import { buildNetwork, type Example, type NetworkSpec } from '../src/lib/nn';
import { compileTape, Trainer } from '../src/lib/tape';
import {
	bigScratch, bigWorkload, handBigStep, handEpoch231, handStep222, MAZUR_PARAMS, pack231, parabolaData, spec231
} from '../tests/bench/tape-workloads';
import { readFileSync } from 'node:fs';
import { modelsInFile } from '../src/lib/nn';

type Row = { workload: string; hand: Timing; tape: Timing; engine?: Timing; maxRssMB: number; check: string };

const { values } = parseArgs({ options: { workload: { type: 'string' }, 'engine-big': { type: 'boolean' }, rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 5);

type Timing = { min: number; median: number };

/**
 * Milliseconds per call of each function: calls batched so that a timed round lasts ≥ 30 ms, and
 * the functions' rounds interleaved, so that on a busy machine each meets the same load. The
 * minimum is the steady time (a round nobody preempted); the median shows the load.
 */
function timeTogether(fns: Record<string, () => void>): Record<string, Timing> {
	const reps: Record<string, number> = {};
	for (const [name, fn] of Object.entries(fns)) {
		let r = 1;
		for (;;) {
			const t0 = performance.now();
			for (let i = 0; i < r; i++) fn();
			const dt = performance.now() - t0;
			if (dt >= 30) break;
			r *= dt < 3 ? 10 : 2;
		}
		reps[name] = r;
	}
	const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((n) => [n, []]));
	for (let round = 0; round < rounds; round++) {
		for (const [name, fn] of Object.entries(fns)) {
			const r = reps[name] as number;
			const t0 = performance.now();
			for (let i = 0; i < r; i++) fn();
			samples[name]?.push((performance.now() - t0) / r);
		}
	}
	return Object.fromEntries(
		Object.entries(samples).map(([n, xs]) => {
			xs.sort((a, b) => a - b);
			return [n, { min: xs[0] as number, median: xs[Math.floor(xs.length / 2)] as number }];
		})
	);
}

/** The Value engine doing what trainingTrace does for one example: set, recompute, backward, update. */
function engineStepper(spec: NetworkSpec, data: Example[], rate: number) {
	const model = buildNetwork(spec);
	const loss = model.loss as Value;
	const node = (n: string) => model.nodes.get(n) as Value;
	const set = (e: Example) => {
		for (const [i, x] of Object.entries(e.inputs)) node(i).data = x;
		for (const [o, t] of Object.entries(e.targets)) (model.targets.get(o) as Value).data = t;
		recomputeAll(loss);
		loss.backward();
	};
	return {
		incremental(e: Example) {
			set(e);
			for (const p of model.trainable) node(p).data -= rate * node(p).grad;
		},
		batch(examples: Example[]) {
			const sum = new Map(model.trainable.map((p) => [p, 0]));
			for (const e of examples) {
				set(e);
				for (const p of model.trainable) sum.set(p, (sum.get(p) as number) + node(p).grad);
			}
			for (const p of model.trainable) node(p).data -= rate * (sum.get(p) as number);
		}
	};
}

function run222(): Row {
	const file = 'content/networks/mazur-2-2-2.yaml';
	const { kind: _, ...spec } = modelsInFile(readFileSync(file, 'utf8'), file).get('network')!.spec as { kind: 'network' } & NetworkSpec;
	const data = [{ inputs: spec.inputs, targets: spec.targets as Record<string, number> }];
	const p = Float64Array.from(MAZUR_PARAMS);
	const trainer = new Trainer(spec, data, { mode: 'incremental', rate: 0.5 });
	const engine = engineStepper(spec, data, 0.5);
	const t = timeTogether({ hand: () => handStep222(p), tape: () => trainer.step(), engine: () => engine.incremental(data[0] as Example) });
	// Same math: after the same number of steps from the start, the same E_total.
	const q = Float64Array.from(MAZUR_PARAMS);
	trainer.reset();
	for (let i = 0; i < 1000; i++) (handStep222(q), trainer.step());
	const check = `E after 1000: hand ${handStep222(q).toExponential(9)}, tape ${trainer.datasetError().toExponential(9)}`;
	return { workload: '2-2-2 step (forward + backward + update)', hand: t.hand!, tape: t.tape!, engine: t.engine!, maxRssMB: 0, check };
}

function run231(): Row {
	const spec = spec231();
	const data = parabolaData();
	const xs = Float64Array.from(data.flatMap((e) => [e.inputs.x0 as number, e.inputs.x1 as number]));
	const ts = Float64Array.from(data.map((e) => e.targets.y0 as number));
	const p = pack231(spec);
	const h = new Float64Array(3);
	const trainer = new Trainer(spec, data, { mode: 'incremental', rate: 0.5 });
	const engine = engineStepper(spec, data, 0.5);
	const t = timeTogether({
		hand: () => handEpoch231(p, xs, ts, h),
		tape: () => trainer.runEpoch(),
		engine: () => {
			for (const e of data) engine.incremental(e);
		}
	});
	const q = pack231(spec);
	trainer.reset();
	for (let i = 0; i < 3; i++) (handEpoch231(q, xs, ts, h), trainer.runEpoch());
	const mine = trainer.parameterValues();
	const check = `after 3 epochs: w0_0_0 hand ${q[0]!.toExponential(9)}, tape ${mine.w0_0_0!.toExponential(9)}`;
	return { workload: '2-3-1 SGD epoch, 10,000 points', hand: t.hand!, tape: t.tape!, engine: t.engine!, maxRssMB: 0, check };
}

function runBig(): Row {
	const w = bigWorkload();
	const s = bigScratch();
	const t0 = performance.now();
	const trainer = new Trainer(w.spec, w.data, { mode: 'batch', rate: 1e-4 });
	const compileMs = performance.now() - t0;
	const t = timeTogether({ hand: () => handBigStep(w.x, w.y, w.w1, w.w2, s), tape: () => trainer.step() });
	let eng: Timing | undefined;
	if (values['engine-big']) {
		// Tens of seconds and gigabytes: one step, timed once.
		const engine = engineStepper(w.spec, w.data, 1e-4);
		const t1 = performance.now();
		engine.batch(w.data);
		const ms = performance.now() - t1;
		eng = { min: ms, median: ms };
	}
	const fresh = bigWorkload();
	trainer.reset();
	handBigStep(fresh.x, fresh.y, fresh.w1, fresh.w2, s);
	trainer.step();
	const check = `1 step: loss hand ${handBigStep(fresh.x, fresh.y, fresh.w1, fresh.w2, s).toExponential(9)}, tape ${trainer.datasetError().toExponential(9)}; compile ${(compileMs / 1000).toFixed(1)} s`;
	return { workload: '64×1000→100→10 batch step', hand: t.hand!, tape: t.tape!, ...(eng === undefined ? {} : { engine: eng }), maxRssMB: 0, check };
}

const WORKLOADS: Record<string, () => Row> = { '222': run222, '231': run231, big: runBig };

if (values.workload) {
	const row = (WORKLOADS[values.workload] as () => Row)();
	row.maxRssMB = process.resourceUsage().maxRSS / 1024;
	console.log(JSON.stringify(row));
} else {
	const fmt = (ms: number) => (ms < 0.01 ? `${(ms * 1000).toFixed(3)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(1)} s`);
	const both = (t: Timing) => `${fmt(t.min)} (${fmt(t.median)})`;
	const ratio = (a: Timing, b: Timing) => `×${(a.min / b.min).toFixed(2)} (×${(a.median / b.median).toFixed(2)})`;
	console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores; ${rounds} interleaved rounds: min (median)`);
	console.log('| workload | hand-written loop | tape | tape ÷ loop | Value engine | engine ÷ loop | peak RSS |');
	console.log('|---|---|---|---|---|---|---|');
	for (const name of Object.keys(WORKLOADS)) {
		const args = [process.argv[1] as string, '--workload', name, '--rounds', String(rounds), ...(values['engine-big'] ? ['--engine-big'] : [])];
		const child = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
		if (child.status !== 0) {
			console.log(`| ${name} | failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')} |`);
			continue;
		}
		const r = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Row;
		const engine = r.engine === undefined ? 'not run (--engine-big)' : both(r.engine);
		console.log(`| ${r.workload} | ${both(r.hand)} | ${both(r.tape)} | ${ratio(r.tape, r.hand)} | ${engine} | ${r.engine ? ratio(r.engine, r.hand) : ''} | ${r.maxRssMB.toFixed(0)} MB |`);
		console.log(`|   check: ${r.check} |`);
	}
	console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}
