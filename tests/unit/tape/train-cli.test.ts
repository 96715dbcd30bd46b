import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { close } from './close';
import { handTrained } from './mazur-by-hand';
import { trainCommand } from '../../../scripts/train';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = 'node_modules/tsx/dist/cli.mjs';

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `npm run train -- …args` without npm, from the project root. */
function run(args: string[]): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [TSX, 'scripts/train.ts', ...args], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

const MAZUR = 'content/networks/mazur-2-2-2.yaml';

/** The command in this process (the start-up of tsx takes seconds on a small machine). */
function inProcess(args: string[]): Run {
	let stdout = '';
	let stderr = '';
	const status = trainCommand(args, { log: (s) => (stdout += `${s}\n`), error: (s) => (stderr += `${s}\n`) });
	return { status, stdout, stderr };
}

let spawned: Run;
beforeAll(async () => {
	spawned = await run([MAZUR, '--steps', '10000', '--json']);
}, 300_000);

describe('npm run train', () => {
	it('prints E_total after 10,000 and 9,999 updates of the 2-2-2 example, equal to float64 by hand to 1e-9', () => {
		const hand = handTrained([9999, 10000]);
		for (const [r, k] of [[spawned, 10000], [inProcess([MAZUR, '--steps', '9999', '--json']), 9999]] as const) {
			expect(r.status, r.stderr).toBe(0);
			const out = JSON.parse(r.stdout) as { steps: number; E_total: number; seconds: number; epochs: number; parameters: Record<string, number> };
			expect(out.steps).toBe(k);
			expect(out.epochs).toBe(k);
			expect(close(out.E_total, hand.get(k)!, 1e-9), `${out.E_total} vs ${hand.get(k)}`).toBe(true);
			expect(out.seconds).toBeGreaterThan(0);
			expect(out.parameters.b1).toBe(0.35);
		}
	});

	it('trains a lesson’s network in batch mode and prints a readable summary', () => {
		const r = inProcess(['tests/fixtures/networks/lesson-networks.md', '--steps', '3', '--batch']);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/\(neuron\): 3 batch updates/);
		expect(r.stdout).toMatch(/E_total 0\.08013285726 → /);
	});

	it('says how to give a missing learning rate, and refuses what it cannot train', () => {
		const refused = (args: string[], message: RegExp) => {
			const r = inProcess(args);
			expect(r.status).toBe(2);
			expect(r.stderr).toMatch(message);
			expect(r.stdout).toBe('');
		};
		refused(['content/networks/deck003-cross-entropy.yaml', '--steps', '5'], /no learning rate: give one with --rate 0\.5, or add learningRate: 0\.5/);
		refused(['content/networks/graph-xyz.yaml', '--steps', '5'], /is a graph of expressions/);
		refused(['content/networks/deck001-numpy-training-loop.yaml', '--steps', '5'], /only layer sizes/);
		refused(['content/networks/deck000-task-linear.yaml', '--steps', '5'], /has no targets and no data set/);
		refused(['content/networks/nope.yaml', '--steps', '5'], /cannot read content\/networks\/nope\.yaml/);
		refused([MAZUR, '--json'], /--steps N/);
		refused([MAZUR, '--steps', '1.5'], /--steps takes a whole number from 1, not “1\.5”/);
		refused([MAZUR, '--steps', '1', '--rate=-1'], /--rate takes a number above 0/);
		refused([MAZUR, '--steps', '1', '--momentum', '1'], /--momentum takes a number from 0 up to/);
		refused([MAZUR, '--steps', '1', '--bogus'], /Unknown option '--bogus'/);
		refused(['tests/fixtures/networks/lesson-networks.md', '--network', 'nope', '--steps', '1'], /no network named “nope”; it has graph, neuron/);
	});

	it('says when training diverged instead of printing NaN', () => {
		const r = inProcess(['content/networks/deck000-delta-rule-batch.yaml', '--steps', '50', '--rate', '1e300', '--json']);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/training diverged: .*Try a smaller --rate/);
		expect(r.stdout).toBe('');
	});
});
