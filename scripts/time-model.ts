/**
 * npx tsx scripts/time-model.ts [NAME] [--seed S] [--steps N] [--json]
 * Builds a generated lab model (src/lib/lab/models.ts; default numpy-loop) the way the lab's
 * worker does (generate its spec and examples, then the tape's Trainer with the model's mode and
 * rate) and makes N updates (default 5), timing each part, as the worker spends it: an update,
 * then E_total over the data set (the loss curve's point). Prints E_total at the start and after
 * each update (`losses[k]`: after k updates, what the lab's status line shows after k steps),
 * the times in seconds and the peak memory. The e2e test of the full-size lab takes its
 * expected numbers from here.
 */
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { MODELS, generateModel } from '../src/lib/lab/models';
import { Trainer } from '../src/lib/tape';

const USAGE = `usage: npx tsx scripts/time-model.ts [NAME] [--seed S] [--steps N] [--json]  (models: ${Object.keys(MODELS).join(', ')})`;
const { values: o, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' }, steps: { type: 'string' }, json: { type: 'boolean' } } });
const name = positionals[0] ?? 'numpy-loop';
const generator = MODELS[name];
const seed = Number(o.seed ?? 1);
const steps = Number(o.steps ?? 5);
if (!generator || positionals.length > 1 || !Number.isInteger(seed) || !(Number.isInteger(steps) && steps >= 0)) {
	console.error(USAGE);
	process.exit(2);
}

const seconds = (from: number) => (performance.now() - from) / 1000;
let t = performance.now();
const { spec, examples } = generateModel(name, seed);
const generateSeconds = seconds(t);
t = performance.now();
const trainer = new Trainer(spec, examples, { mode: generator.mode, rate: generator.rate });
const buildSeconds = seconds(t);
t = performance.now();
const losses = [trainer.datasetError()];
const lossSeconds = [seconds(t)];
const stepSeconds: number[] = [];
for (let k = 0; k < steps; k++) {
	t = performance.now();
	trainer.step();
	stepSeconds.push(seconds(t));
	t = performance.now();
	losses.push(trainer.datasetError());
	lossSeconds.push(seconds(t));
}
const result = {
	model: name, seed, mode: generator.mode, rate: generator.rate,
	parameters: trainer.tape.parameters.length, examples: examples.length, runs: trainer.tape.runs,
	generateSeconds, buildSeconds, stepSeconds, lossSeconds, losses,
	maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
	load: `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`
};
if (o.json) console.log(JSON.stringify(result));
else {
	const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
	console.log(`${name} (seed ${seed}): ${result.parameters.toLocaleString('en')} parameters, ${result.examples} examples, ${generator.mode}, η = ${generator.rate}; the tape runs ${result.runs} code (${result.load})`);
	console.log(`generate ${ms(generateSeconds)}, build the tape ${ms(buildSeconds)}, peak RSS ${result.maxRssMB} MB`);
	stepSeconds.forEach((s, k) => console.log(`update ${k + 1}: ${ms(s)}, then E_total ${ms(lossSeconds[k + 1] as number)}: ${(losses[k + 1] as number).toFixed(6)}`));
	console.log(`E_total at the start ${(losses[0] as number).toFixed(6)} (${ms(lossSeconds[0] as number)})`);
}
