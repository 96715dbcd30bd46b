import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceModel, buildModel, type ModelSpec } from '$lib/nn';
import { brokenComparison } from '$lib/lessons/claims';
import { variantNetworks } from '$lib/lessons/variant';
import { fixture, FIXTURES, parse } from './helpers';

// The four kinds of lesson of issue 10, written as docs/authoring.md shows them.
const DIR = 'four-kinds';
const FILES = readdirSync(`${FIXTURES}/${DIR}`).filter((f) => f.endsWith('.md')).sort();
const HANG = 300_000;

const lessonOf = (name: string) => {
	const { text, file } = fixture(`${DIR}/${name}`);
	return parse(text, file);
};
const traceOf = (name: string, network = 'network') => traceModel(buildModel(lessonOf(name).networks[network] as ModelSpec));
const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('the four kinds of lesson of the authoring guide', () => {
	it('are the four lessons', () => {
		expect(FILES).toEqual(['10-staged-computation.md', '20-tanh-sigmoid-bce.md', '30-softmax-classifier.md', '40-dead-relu.md']);
	});

	it.each(FILES)('%s loads with its claims and source', (name) => {
		const lesson = lessonOf(name);
		expect(lesson.blocks.length).toBeGreaterThan(0);
		expect((lesson.claims ?? []).length).toBeGreaterThan(0);
	});

	it('the staged computation has cs231n’s numbers (x = 3, y = −4), by hand', () => {
		const t = traceOf('10-staged-computation.md');
		const den = sig(3) + 1;
		expect(t.f as number).toBeCloseTo((3 + sig(-4)) / den, 14);
		expect(t['dinvden/dden'] as number).toBeCloseTo(-1 / den ** 2, 14);
		const h = 1e-6;
		const f = (x: number) => (x + sig(-4)) / (sig(x) + (x - 4) ** 2);
		expect(t['df/dx'] as number).toBeCloseTo((f(3 + h) - f(3 - h)) / (2 * h), 8);
	});

	it('the dead ReLU passes no gradient to w1; the leaky one passes slope × the rest', () => {
		expect(traceOf('40-dead-relu.md', 'dead')['dE/dw1']).toBe(0);
		// net = −0.58, out = −0.058, y = 0.9·out; dE/dw1 = (y − 1)·0.9·0.1·0.8.
		const y = 0.9 * -0.058;
		expect(traceOf('40-dead-relu.md', 'leaky')['dE/dw1'] as number).toBeCloseTo((y - 1) * 0.9 * 0.1 * 0.8, 14);
	});

	it('every variant drawn keeps the claims of each lesson true', () => {
		for (const name of FILES) {
			const lesson = lessonOf(name);
			for (const seed of [1, 2, 3, 17]) {
				const drawn = variantNetworks(lesson.networks, [], seed, lesson.claims).networks;
				for (const claim of lesson.claims ?? []) {
					const trace = traceModel(buildModel(drawn[claim.network] as ModelSpec));
					expect(brokenComparison(claim.holds, (q) => trace[q] as number), `${name} seed ${seed}: ${claim.text}`).toBeUndefined();
				}
			}
		}
	});

	it('pass npm run check:content', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', `${FIXTURES}/${DIR}`], { encoding: 'utf8', timeout: HANG });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('check:content: 4 lessons, 0 network files: 0 errors');
	}, HANG);
});
