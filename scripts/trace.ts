/**
 * npm run trace -- FILE [--json] [--network NAME]
 * Prints every quantity of the network or graph in FILE (a network file or a lesson): an aligned
 * table for people, or with --json one flat JSON object {name: number} in full float64.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { modelsInFile, traceModel, type Trace } from '../src/lib/nn';

function main(argv: string[]): number {
	let args;
	try {
		args = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, network: { type: 'string' } } });
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const { json, network: only } = args.values;
	const [file] = args.positionals;
	if (!file || args.positionals.length > 1) {
		console.error(USAGE);
		return 2;
	}
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		console.error(`cannot read ${file}`);
		return 2;
	}
	let models;
	try {
		models = modelsInFile(text, relative(process.cwd(), file));
	} catch (e) {
		console.error((e as Error).message);
		return 1;
	}
	if (only !== undefined && !models.has(only)) {
		console.error(`${file} has no network named “${only}”; it has ${[...models.keys()].join(', ')}`);
		return 1;
	}
	const selected = [...models].filter(([name]) => only === undefined || name === only);
	if (selected.length === 0) {
		console.error(`${file} has no network or graph`);
		return 1;
	}
	const prefix = selected.length > 1;
	const trace: Trace = {};
	for (const [name, model] of selected) {
		for (const [q, v] of Object.entries(traceModel(model.build()))) trace[prefix ? `${name}.${q}` : q] = v;
	}
	console.log(json ? JSON.stringify(trace, null, 2) : table(trace));
	return 0;
}

const USAGE = 'usage: npm run trace -- FILE [--json] [--network NAME]';

function table(trace: Trace): string {
	const width = Math.max(...Object.keys(trace).map((k) => k.length));
	return Object.entries(trace)
		.map(([k, v]) => `${k.padEnd(width)}  ${v < 0 ? '' : ' '}${v.toPrecision(10)}`)
		.join('\n');
}

process.exitCode = main(process.argv.slice(2));
