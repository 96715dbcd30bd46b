import { describe, expect, it } from 'vitest';
import { buildModel, traceModel, type ModelSpec } from '$lib/nn';
import { brokenComparison, parseHolds } from '$lib/lessons/claims';
import { variantNetworks } from '$lib/lessons/variant';
import { errorsOf, parse } from './helpers';

// f = x·y with x = 3, y = -2: df/dx = y = -2 < 0 and df/dy = x = 3 > 0.
const GRAPH = '{ values: { x: 3, y: -2 }, define: { f: x * y }, output: f }';
const lesson = (body: string) => `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: ${GRAPH}\n---\n\n${body}\n`;

describe('claims in prose', () => {
	it('keeps the claim’s words in the prose and records it', () => {
		const parsed = parse(lesson('Here :claim[raising $y$ raises $f$]{holds="df/dy > 0"}, and x too.'));
		expect(parsed.blocks[0]).toMatchObject({ kind: 'prose', html: expect.stringMatching(/^<p>Here raising <span class="katex">.*raises .*, and x too\.<\/p>$/s) });
		expect(parsed.claims).toEqual([{ line: 8, text: 'raising $y$ raises $f$', network: 'network', holds: [{ left: { quantity: 'df/dy' }, op: '>', right: { number: 0 } }], source: 'df/dy > 0' }]);
	});

	it('a claim false for the lesson’s numbers is an error at its line, with the numbers', () => {
		const errors = errorsOf(lesson('First line.\n\nThen :claim[raising $x$ raises $f$]{holds="df/dx > 0"}.'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[10, 'content/01-test.md:10: the claim “raising $x$ raises $f$” (df/dx > 0) is false for the lesson’s numbers: df/dx = -2 > 0 is false. Change the words, the claim or the numbers']
		]);
	});

	it('reports an unreadable comparison, an unknown quantity and a missing holds', () => {
		const errors = errorsOf(lesson(':claim[a]{holds="df/dx>0"}\n\n:claim[b]{holds="df/dz > 0"}\n\n:claim[c]'));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[8, expect.stringContaining('cannot read “df/dx>0”')],
			[10, expect.stringContaining('unknown quantity “df/dz”')],
			[12, expect.stringContaining('says nothing to check')]
		]);
	});

	it('compares two quantities, with several comparisons joined by “and”', () => {
		const holds = parseHolds('df/dy > df/dx and f < 0');
		expect(holds).toHaveLength(2);
		if (typeof holds === 'string') throw new Error(holds);
		const values: Record<string, number> = { 'df/dy': 3, 'df/dx': -2, f: -6 };
		expect(brokenComparison(holds, (q) => values[q] as number)).toBeUndefined();
		expect(brokenComparison(holds, (q) => ({ ...values, f: 1 })[q] as number)).toBe('f = 1 < 0 is false');
		expect(parse(lesson(':claim[y’s slope is the larger]{holds="df/dy > df/dx and f < 0"}')).claims).toHaveLength(1);
	});

	it('refuses every variant draw that would make a claim false', () => {
		// A 1-1 sigmoid neuron: out_o > 0.5 exactly when w·x + b > 0, which many draws break.
		const spec: ModelSpec = parse(`---\ntitle: T\norder: 1\nsummary: S.\nnetwork: { inputs: { x: 0.4 }, layers: [{ activation: sigmoid, neurons: { o: { inputs: { x: w }, bias: b } } }], parameters: { w: 0.3, b: -0.05 }, targets: { o: 1 } }\n---\n\n:claim[the neuron says yes]{holds="out_o > 0.5"}\n`).networks.network as ModelSpec;
		const claim = { line: 7, text: 'the neuron says yes', network: 'network', holds: [{ left: { quantity: 'out_o' }, op: '>' as const, right: { number: 0.5 } }], source: 'out_o > 0.5' };
		const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
		const outOf = (s: ModelSpec) => traceModel(buildModel(s)).out_o as number;
		// Without the claim, some draws give out_o ≤ 0.5 (b is drawn negative, w·x may not outweigh it).
		expect(seeds.some((seed) => outOf(variantNetworks({ network: spec }, [], seed).networks.network as ModelSpec) <= 0.5)).toBe(true);
		for (const seed of seeds) {
			const drawn = variantNetworks({ network: spec }, [], seed, [claim]);
			expect(outOf(drawn.networks.network as ModelSpec), `seed ${seed}`).toBeGreaterThan(0.5);
		}
	});
});

describe('npm run trace -- LESSON --variant N', () => {
	it('keeps the lesson’s claims, as the page does', async () => {
		const { spawnSync } = await import('node:child_process');
		const { mkdtempSync, writeFileSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const dir = mkdtempSync(`${tmpdir()}/claims-`);
		const file = `${dir}/01-claim.md`;
		writeFileSync(file, `---\ntitle: T\norder: 1\nsummary: S.\nnetwork: { inputs: { x: 0.4 }, layers: [{ activation: sigmoid, neurons: { o: { inputs: { x: w }, bias: b } } }], parameters: { w: 0.3, b: -0.05 }, targets: { o: 1 } }\n---\n\n:claim[the neuron says yes]{holds="out_o > 0.5"}\n`);
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/trace.ts', file, '--json', '--variant', String(seed)], { encoding: 'utf8', timeout: 300_000 });
			expect(run.stderr).toBe('');
			expect(JSON.parse(run.stdout).out_o, `seed ${seed}`).toBeGreaterThan(0.5);
		}
	}, 600_000);
});
