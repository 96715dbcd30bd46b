/**
 * npm run train -- FILE [--network NAME] --steps N [--batch] [--rate η] [--momentum λ] [--shuffle] [--seed S] [--json]
 * Trains a network of FILE (a network file or a lesson) on the compiled tape (src/lib/tape) for
 * N updates and prints the result: with --json one JSON object with steps, E_total (recomputed
 * over the data set after the last update; the file's single example when it has no data set),
 * seconds (the training loop alone, measured inside the process) and the parameters.
 * An update is one example (incremental) or one pass over the whole data set (--batch).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { modelsInFile, type Example, type ModelSpec, type NetworkSpec } from '../src/lib/nn';
import { Trainer } from '../src/lib/tape';

/** Where the command writes: the console, or a test's buffers. */
export type Output = { log(s: string): void; error(s: string): void };

const USAGE = 'usage: npm run train -- FILE [--network NAME] --steps N [--batch] [--rate η] [--momentum λ] [--shuffle] [--seed S] [--json]';

class Refusal extends Error {}

/** Runs the command; returns the exit status (2: bad arguments or file, 1: content error or divergence). */
export function trainCommand(argv: string[], out: Output = console): number {
	try {
		return train(argv, out);
	} catch (e) {
		out.error((e as Error).message);
		return e instanceof Refusal ? 2 : 1;
	}
}

function train(argv: string[], out: Output): number {
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				network: { type: 'string' }, steps: { type: 'string' }, batch: { type: 'boolean' }, rate: { type: 'string' },
				momentum: { type: 'string' }, shuffle: { type: 'boolean' }, seed: { type: 'string' }, json: { type: 'boolean' }
			}
		});
	} catch (e) {
		throw new Refusal(`${(e as Error).message}\n${USAGE}`);
	}
	const { values: o, positionals } = args;
	const [file] = positionals;
	if (!file || positionals.length > 1) throw new Refusal(USAGE);
	const steps = wholeNumber(o.steps, '--steps', 1);
	if (steps === undefined) throw new Refusal(`give the number of updates with --steps N (e.g. --steps 10000)\n${USAGE}`);
	const seed = wholeNumber(o.seed, '--seed', 0);

	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new Refusal(`cannot read ${file}`);
	}
	const models = new Map([...modelsInFile(text, relative(process.cwd(), file))].map(([n, m]) => [n, m.spec]));
	const [name, model] = choose(models, o.network, file);
	const { kind: _, ...spec } = model as { kind: 'network' } & NetworkSpec;

	const data: Example[] = spec.data ?? (spec.targets ? [{ inputs: spec.inputs, targets: spec.targets }] : []);
	if (data.length === 0) throw new Refusal(`${file}${name === 'network' ? '' : ` (${name})`} has no targets and no data set, so there is no error to train on: add targets: { … } or data: [ … ]`);
	const rate = o.rate === undefined ? spec.learningRate : positive(o.rate, '--rate');
	if (rate === undefined) throw new Refusal(`no learning rate: give one with --rate 0.5, or add learningRate: 0.5 to the network in ${file}`);
	const momentum = o.momentum === undefined ? spec.momentum : fraction(o.momentum, '--momentum');
	const mode = o.batch ? 'batch' : (spec.training?.mode ?? 'incremental');

	const trainer = new Trainer(spec, data, { mode, rate, ...(momentum === undefined ? {} : { momentum }), shuffle: o.shuffle ?? false, seed: seed ?? 1 });
	const start = trainer.datasetError();
	const t0 = performance.now();
	for (let k = 0; k < steps; k++) trainer.step();
	const seconds = (performance.now() - t0) / 1000;
	const E_total = trainer.datasetError();

	const result = {
		file, network: name, mode, rate, ...(momentum === undefined ? {} : { momentum }), ...(o.shuffle ? { shuffle: true, seed: seed ?? 1 } : {}),
		examples: data.length, steps, epochs: trainer.epochs, E_total_start: start, E_total, seconds,
		parameters: trainer.parameterValues()
	};
	const infinite = [['E_total', E_total], ...Object.entries(result.parameters)].filter(([, v]) => !Number.isFinite(v as number));
	if (infinite.length > 0) {
		const listed = infinite.slice(0, 5).map(([k, v]) => `${k} = ${v}`).join(', ');
		out.error(`training diverged: ${listed}${infinite.length > 5 ? `, and ${infinite.length - 5} more` : ''}. Try a smaller --rate than ${rate}`);
		return 1;
	}
	if (o.json) out.log(JSON.stringify(result, null, 2));
	else {
		out.log(`${file}${name === 'network' ? '' : ` (${name})`}: ${steps} ${mode} update${steps === 1 ? '' : 's'} (${trainer.epochs} epoch${trainer.epochs === 1 ? '' : 's'} of ${data.length} example${data.length === 1 ? '' : 's'}), η = ${rate}${momentum === undefined ? '' : `, λ = ${momentum}`}`);
		out.log(`E_total ${start.toPrecision(10)} → ${E_total.toPrecision(10)} in ${seconds.toFixed(3)} s`);
		const width = Math.max(...Object.keys(result.parameters).map((k) => k.length));
		for (const [p, v] of Object.entries(result.parameters)) out.log(`  ${p.padEnd(width)}  ${v < 0 ? '' : ' '}${v.toPrecision(10)}`);
	}
	return 0;
}

/** The network to train: --network NAME, or the file's only network. */
function choose(models: Map<string, ModelSpec>, only: string | undefined, file: string): [string, ModelSpec] {
	const names = [...models.keys()];
	if (only !== undefined) {
		const m = models.get(only);
		if (!m) throw new Refusal(`${file} has no network named “${only}”; it has ${names.join(', ') || 'none'}`);
		return [only, refuseOthers(`${file} (${only})`, m)];
	}
	const networks = [...models].filter(([, m]) => m.kind === 'network');
	if (networks.length === 1) return networks[0] as [string, ModelSpec];
	if (networks.length > 1) throw new Refusal(`${file} has ${networks.length} networks: choose one with --network NAME (${networks.map(([n]) => n).join(', ')})`);
	const [first] = [...models];
	if (!first) throw new Refusal(`${file} has no network`);
	return [first[0], refuseOthers(first[0] === 'network' ? file : `${file} (${first[0]})`, first[1])];
}

function refuseOthers(label: string, m: ModelSpec): ModelSpec {
	if (m.kind === 'graph') throw new Refusal(`${label} is a graph of expressions (values/define), not a network with layers: there are no weights to train`);
	if (m.kind === 'architecture') throw new Refusal(`${label} gives only layer sizes (architecture), no weights to train: write it as a network with inputs, layers and parameters`);
	return m;
}

function wholeNumber(s: string | undefined, flag: string, min: number): number | undefined {
	if (s === undefined) return undefined;
	const n = Number(s);
	if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(n) || n < min) throw new Refusal(`${flag} takes a whole number${min > 0 ? ` from ${min}` : ''}, not “${s}”`);
	return n;
}

function positive(s: string, flag: string): number {
	const n = Number(s);
	if (s.trim() === '' || !Number.isFinite(n) || n <= 0) throw new Refusal(`${flag} takes a number above 0 (e.g. 0.5), not “${s}”`);
	return n;
}

function fraction(s: string, flag: string): number {
	const n = Number(s);
	if (s.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) throw new Refusal(`${flag} takes a number from 0 up to (not including) 1, e.g. 0.9, not “${s}”`);
	return n;
}

// Run as a command (npm run train), not when a test imports trainCommand.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = trainCommand(process.argv.slice(2));
