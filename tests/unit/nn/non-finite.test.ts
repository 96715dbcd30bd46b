import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradCheck, Value } from '$lib/autograd';
import { buildModel, modelsInFile, traceModel, type ModelSpec } from '$lib/nn';
import { ContentErrors } from '$lib/source';
import { drawVariant } from '$lib/variants';

const SATURATED = readFileSync('tests/fixtures/networks/saturated-bce.yaml', 'utf8');

/** The located errors of a file's networks, as `file:line: …` strings. */
function errorsOf(text: string, file: string): string[] {
	try {
		modelsInFile(text, file);
		return [];
	} catch (e) {
		if (!(e instanceof ContentErrors)) throw e;
		return e.errors.map((x) => x.message);
	}
}

describe('numbers that are not finite are content errors', () => {
	it('rejects a sigmoid of net 37 under binary cross-entropy, naming E_total, the cause and the neuron’s line', () => {
		expect(errorsOf(SATURATED, 'net.yaml')).toEqual([
			expect.stringMatching(/^net\.yaml:6: layers\[0\]\.neurons\.y: E_total is not finite \(NaN\): out_y rounds to exactly 1 \(net_y = 37\), so ln\(1 − out_y\) is -Infinity/)
		]);
	});

	it('reports the same network in a lesson’s front matter at the lesson’s line', () => {
		const lesson = ['---', 'title: Saturated', 'network:', ...SATURATED.split('\n').map((l) => `  ${l}`), '---', 'Text.'].join('\n');
		expect(errorsOf(lesson, 'content/99-x.md')).toEqual([expect.stringMatching(/^content\/99-x\.md:9: network\.layers\[0\]\.neurons\.y: E_total is not finite/)]);
	});

	it('rejects a graph that takes the log of 0, at its definition', () => {
		const text = ['values: { x: 0, y: 2 }', 'define:', '  q: log(x)', '  f: q * y', 'output: f'].join('\n');
		expect(errorsOf(text, 'g.yaml')).toEqual([expect.stringMatching(/^g\.yaml:3: define\.q: q is not finite \(-Infinity\): q is the log of 0, which is -Infinity/)]);
	});

	it('rejects a division by zero in a graph', () => {
		const text = ['values: { x: 1, y: 0 }', 'define:', '  f: x / y', 'output: f'].join('\n');
		expect(errorsOf(text, 'g.yaml')[0]).toMatch(/f is not finite \(Infinity\): f divides by y = 0/);
	});

	it('accepts every network of the repository’s content', () => {
		for (const file of ['content/networks/mazur-2-2-2.yaml', 'content/networks/graph-xyz.yaml', 'content/networks/softmax-cross-entropy.yaml']) {
			expect(errorsOf(readFileSync(file, 'utf8'), file)).toEqual([]);
		}
	});
});

describe('x^0', () => {
	it('has gradient 0 at x = 0 (not NaN), and everywhere else', () => {
		for (const x of [0, 2, -3]) {
			const v = new Value(x);
			const y = v.pow(0);
			y.backward();
			expect(y.data).toBe(1);
			expect(v.grad).toBe(0);
		}
	});
});

describe('random graphs, gradient-checked', () => {
	// Sums, products and powers of a few leaves: backward() agrees with finite differences.
	const leaf = fc.double({ min: -2, max: 2, noNaN: true });
	const plan = fc.array(fc.tuple(fc.constantFrom('add', 'sub', 'mul', 'pow2', 'pow0', 'tanh', 'sigmoid', 'exp'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 });
	it('agree with central differences and are finite', () => {
		fc.assert(
			fc.property(fc.array(leaf, { minLength: 1, maxLength: 4 }), plan, (xs, steps) => {
				const nodes: Value[] = xs.map((x) => new Value(x));
				const leaves = [...nodes];
				for (const [op, i, j] of steps) {
					const a = nodes[i % nodes.length] as Value;
					const b = nodes[j % nodes.length] as Value;
					const next = op === 'add' ? a.add(b) : op === 'sub' ? a.sub(b) : op === 'mul' ? a.mul(b) : op === 'pow2' ? a.pow(2) : op === 'pow0' ? a.pow(0) : op === 'tanh' ? a.tanh() : op === 'sigmoid' ? a.sigmoid() : a.tanh().exp();
					nodes.push(next);
				}
				const root = nodes.at(-1) as Value;
				fc.pre(Number.isFinite(root.data) && Math.abs(root.data) < 1e6);
				for (const row of gradCheck(root, leaves)) {
					expect(Number.isFinite(row.analytic)).toBe(true);
					expect(row.error).toBeLessThan(1e-4);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('variant draws', () => {
	it('never produce a value that is not finite, even where the lesson’s own numbers do', () => {
		// Built directly (the lesson check would refuse it): every draw stays saturated.
		const spec = modelsInFile(SATURATED.replace('binary-cross-entropy', 'half-squared-error'), 'n.yaml').get('network')?.spec as ModelSpec;
		const bce = { ...spec, loss: 'binary-cross-entropy' } as ModelSpec;
		for (let seed = 1; seed <= 20; seed++) {
			const variant = drawVariant(bce, seed, { maxAttempts: 10 });
			if (variant.outcome === 'drawn') {
				expect(Object.values(traceModel(buildModel(variant.spec))).every(Number.isFinite)).toBe(true);
			}
		}
	});
});
