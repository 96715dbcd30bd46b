import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mazurReference, relativeError } from './mazur-reference';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = 'node_modules/tsx/dist/cli.mjs';

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `npm run trace -- …args` without npm, from the project root. */
function run(args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [TSX, 'scripts/trace.ts', ...args], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

// Each run starts tsx (seconds on a small machine), so every command line runs once, all at once.
const COMMANDS = [
	['content/networks/mazur-2-2-2.yaml', '--json'],
	['content/networks/mazur-2-2-2.yaml'],
	['content/networks/graph-xyz.yaml', '--json'],
	['content/networks/softmax-cross-entropy.yaml', '--json'],
	['tests/fixtures/networks/lesson-network.md', '--json'],
	['tests/fixtures/networks/lesson-networks.md', '--json'],
	['tests/fixtures/networks/lesson-networks.md', '--network', 'graph', '--json'],
	['tests/fixtures/networks/broken-parameter.yaml', '--json'],
	['tests/fixtures/networks/broken-lesson.md'],
	['tests/fixtures/networks/lesson-networks.md', '--network', 'nope'],
	[]
];
const runs = new Map<string, Run>();
beforeAll(async () => {
	const done = await Promise.all(COMMANDS.map(run));
	COMMANDS.forEach((args, i) => runs.set(JSON.stringify(args), done[i] as Run));
}, 600_000); // only stops a hang: eleven tsx starts take minutes on a loaded machine

function trace(...args: string[]): Run {
	const result = runs.get(JSON.stringify(args));
	if (!result) throw new Error(`add ${JSON.stringify(args)} to COMMANDS`);
	return result;
}

function json(...args: string[]): Record<string, number> {
	const run = trace(...args, '--json');
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	return JSON.parse(run.stdout) as Record<string, number>;
}

describe('npm run trace -- FILE --json', () => {
	it('prints every quantity of the 2-2-2 network equal to a hand computation within 1e-12', () => {
		const printed = json('content/networks/mazur-2-2-2.yaml');
		const reference = mazurReference();
		expect(Object.keys(printed).sort()).toEqual(Object.keys(reference).sort());
		const far = Object.keys(reference).filter((k) => !(relativeError(printed[k] as number, reference[k] as number) <= 1e-12));
		expect(far).toEqual([]);
	});

	it('prints one flat object of numbers in full float64 precision', () => {
		const run = trace('content/networks/mazur-2-2-2.yaml', '--json');
		const printed = JSON.parse(run.stdout) as Record<string, unknown>;
		expect(Object.values(printed).every((v) => typeof v === 'number')).toBe(true);
		// Full precision: the shortest decimal that reads back as the same double, not a rounding.
		expect(run.stdout).toContain(`"out_o1": ${String(printed.out_o1)}`);
		expect(String(printed.out_o1).length).toBeGreaterThan(15);
	});

	it('prints the graph of deck 001: q = 3, f = −12 and its gradients exactly', () => {
		expect(json('content/networks/graph-xyz.yaml')).toEqual({
			x: -2, y: 5, z: -4, q: 3, f: -12, 'df/dx': -4, 'df/dy': -4, 'df/dz': 3, 'df/dq': -4, 'dq/dx': 1, 'dq/dy': 1
		});
	});

	it('prints a softmax layer with cross-entropy: outputs summing to 1, delta = out − t, every dout_X/dnet_Y', () => {
		const printed = json('content/networks/softmax-cross-entropy.yaml');
		const outs = ['o1', 'o2', 'o3'];
		const target: Record<string, number> = { o1: 0, o2: 1, o3: 0 };
		expect(outs.reduce((s, o) => s + (printed[`out_${o}`] as number), 0)).toBeCloseTo(1, 15);
		for (const o of outs) {
			expect(Math.abs((printed[`delta_${o}`] as number) - ((printed[`out_${o}`] as number) - (target[o] as number))), o).toBeLessThanOrEqual(1e-15);
			for (const p of outs) {
				const [x, y] = [printed[`out_${o}`] as number, printed[`out_${p}`] as number];
				expect(relativeError(printed[`dout_${o}/dnet_${p}`] as number, o === p ? x * (1 - x) : -x * y), `${o} ${p}`).toBeLessThanOrEqual(1e-15);
			}
		}
		expect(printed.count_parameters).toBe(14);
	});

	it('reads the network in a lesson’s front matter', () => {
		const printed = json('tests/fixtures/networks/lesson-network.md');
		const s = 1 / (1 + Math.exp(-1));
		expect(printed.z).toBe(1);
		expect(relativeError(printed.f as number, s)).toBeLessThanOrEqual(1e-15);
		expect(relativeError(printed['df/dw0'] as number, -s * (1 - s))).toBeLessThanOrEqual(1e-12);
	});

	it('prefixes quantities with the network’s name when a lesson has several', () => {
		const printed = json('tests/fixtures/networks/lesson-networks.md');
		expect(printed['graph.f']).toBe(-12);
		expect(printed['neuron.out_o1']).toBe(Math.tanh(0.5 * 1 + 0.25 * -2 + 0.1));
	});

	it('prints one network of a lesson, unprefixed, with --network NAME', () => {
		const printed = json('tests/fixtures/networks/lesson-networks.md', '--network', 'graph');
		expect(printed).toEqual({ x: -2, y: 5, z: -4, q: 3, f: -12, 'df/dx': -4, 'df/dy': -4, 'df/dz': 3, 'df/dq': -4, 'dq/dx': 1, 'dq/dy': 1 });
	});
});

describe('npm run trace -- FILE (table)', () => {
	it('prints one line per quantity, every value starting at the same column', () => {
		const run = trace('content/networks/mazur-2-2-2.yaml');
		expect(run.status).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(Object.keys(mazurReference()).length);
		const rows = lines.map((line) => {
			const m = /^(\S+) +(-?)(\d\S*)$/.exec(line);
			expect(m, line).not.toBeNull();
			const [, name, sign, digits] = m as RegExpExecArray;
			return { name, negative: sign === '-', column: line.length - (digits as string).length };
		});
		expect(rows.some((r) => r.negative)).toBe(true); // the sign must not push digits out of line
		expect(new Set(rows.map((r) => r.column)).size).toBe(1);
		expect(rows.map((r) => r.name)).toContain('E_total_after_update');
	});

	it('shows each value to 10 significant digits of the full-precision value', () => {
		const table = trace('content/networks/mazur-2-2-2.yaml').stdout;
		const full = json('content/networks/mazur-2-2-2.yaml');
		for (const line of table.trimEnd().split('\n')) {
			const [name, value] = line.trim().split(/ +/) as [string, string];
			expect(value, name).toBe((full[name] as number).toPrecision(10));
		}
		expect(table).toMatch(/^out_o1 +0\.7513650696$/m);
	});
});

describe('npm run trace with a broken file', () => {
	it('exits non-zero and names the file and line of the mistake on stderr', () => {
		const run = trace('tests/fixtures/networks/broken-parameter.yaml', '--json');
		expect(run.status).not.toBe(0);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('tests/fixtures/networks/broken-parameter.yaml:6: layers[0].neurons.o1.inputs.i2: the parameter “w3” has no value');
	});

	it('counts lines in the whole lesson file for a mistake in its front matter', () => {
		const run = trace('tests/fixtures/networks/broken-lesson.md');
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('tests/fixtures/networks/broken-lesson.md:7: network.define.f: unknown name “z”');
	});

	it('exits non-zero when --network names no network of the lesson', () => {
		const run = trace('tests/fixtures/networks/lesson-networks.md', '--network', 'nope');
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('graph, neuron');
	});

	it('exits non-zero with the usage when no file is given', () => {
		const run = trace();
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('usage: npm run trace -- FILE');
	});
});
