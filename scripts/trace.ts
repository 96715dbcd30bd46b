/**
 * npm run trace -- FILE [--json] [--network NAME] [--variant N]
 * Prints every quantity of the network or graph in FILE (a network file or a lesson): an aligned
 * table for people, or with --json one flat JSON object {name: number} in full float64.
 * --variant N gives the numbers of "new numbers" variant N, as the lesson page shows them.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { askedKeys } from '../src/lib/lessons/asked';
import { lessonSteps } from '../src/lib/lessons/steps';
import { variantNetworks } from '../src/lib/lessons/variant';
import { buildModel, modelsInFile, traceModel, type ModelSpec, type Trace } from '../src/lib/nn';
import { parseLesson } from '../src/lib/server/lessons';
import { parseVariantParam } from '../src/lib/variants';

function main(argv: string[]): number {
	let args;
	try {
		args = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, network: { type: 'string' }, variant: { type: 'string' } } });
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	const { json, network: only } = args.values;
	const seed = args.values.variant === undefined ? null : parseVariantParam(args.values.variant);
	if (args.values.variant !== undefined && seed === null) {
		console.error(`--variant takes a whole number from 1 to 999999, not “${args.values.variant}”`);
		return 2;
	}
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
	let models: Map<string, ModelSpec>;
	try {
		const name = relative(process.cwd(), file);
		models = new Map([...modelsInFile(text, name)].map(([n, m]) => [n, m.spec]));
		if (seed !== null) models = new Map(Object.entries(variantOf(Object.fromEntries(models), text, name, seed)));
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
		for (const [q, v] of Object.entries(traceModel(buildModel(model)))) trace[prefix ? `${name}.${q}` : q] = v;
	}
	// JSON has no NaN or ±Infinity (JSON.stringify would write null): say so instead of writing it.
	const infinite = Object.keys(trace).filter((q) => !Number.isFinite(trace[q]));
	if (json && infinite.length > 0) {
		const listed = infinite.slice(0, 5).map((q) => `${q} = ${trace[q]}`).join(', ');
		console.error(`${file}: not finite: ${listed}${infinite.length > 5 ? `, and ${infinite.length - 5} more` : ''}. JSON cannot hold these values, so nothing was written; run without --json to see every value`);
		return 1;
	}
	console.log(json ? JSON.stringify(trace, null, 2) : table(trace));
	return 0;
}

const USAGE = 'usage: npm run trace -- FILE [--json] [--network NAME] [--variant N]';

/** A lesson's variant avoids what the lesson asks colliding with a named mistake, and keeps its claims true, as the page does. */
function variantOf(networks: Record<string, ModelSpec>, text: string, file: string, seed: number) {
	if (!/\.(md|markdown)$/i.test(file)) return variantNetworks(networks, [], seed).networks;
	const lesson = parseLesson(text, file);
	if (!lesson.variants) throw new Error(`${file} has variants: false: students only ever see its own numbers`);
	const asked = askedKeys(lesson.blocks, lessonSteps(lesson.networks, lesson.labels).steps);
	return variantNetworks(lesson.networks, asked, seed, lesson.claims).networks;
}

function table(trace: Trace): string {
	const width = Math.max(...Object.keys(trace).map((k) => k.length));
	return Object.entries(trace)
		.map(([k, v]) => `${k.padEnd(width)}  ${v < 0 ? '' : ' '}${v.toPrecision(10)}`)
		.join('\n');
}

process.exitCode = main(process.argv.slice(2));
