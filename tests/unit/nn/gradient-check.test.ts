import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { modelsInFile } from '$lib/nn';
import { ContentErrors } from '$lib/source';
import { MAZUR, mazurReference, mazurYaml, type MazurParameters } from './mazur-reference';
import { far, traceData } from './trace-data';

const mazur = parse(readFileSync(new URL('../../../content/networks/mazur-2-2-2.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const NAMES = Object.keys(MAZUR.p) as (keyof MazurParameters)[];

/** E_total of the 2-2-2 network by hand (mazur-reference.ts), with one parameter moved. */
const errorWith = (name: keyof MazurParameters, x: number) => mazurReference({ ...MAZUR, p: { ...MAZUR.p, [name]: x } }).E_total as number;

describe('gradient check (deck 001, slide 54): E_total at P ± ε against dE/dP', () => {
	const epsilon = 1e-4;
	const t = traceData({ ...mazur, gradientCheck: { epsilon } });
	const reference = mazurReference();

	it('gives E_total_plus_P and E_total_minus_P for every parameter, as the hand computation has them', () => {
		const expected = Object.fromEntries(
			NAMES.flatMap((n) => [
				[`E_total_plus_${n}`, errorWith(n, MAZUR.p[n] + epsilon)],
				[`E_total_minus_${n}`, errorWith(n, MAZUR.p[n] - epsilon)]
			])
		);
		expect(far(t, expected)).toEqual([]);
	});

	it('gives numgrad_P = (E⁺ − E⁻)/2ε and numgrad_onesided_P = (E⁺ − E)/ε from those errors', () => {
		const expected = Object.fromEntries(
			NAMES.flatMap((n) => {
				const plus = errorWith(n, MAZUR.p[n] + epsilon);
				const minus = errorWith(n, MAZUR.p[n] - epsilon);
				return [
					[`numgrad_${n}`, (plus - minus) / (2 * epsilon)],
					[`numgrad_onesided_${n}`, (plus - (reference.E_total as number)) / epsilon]
				];
			})
		);
		// A difference of two errors 2ε apart loses about four of float64's digits.
		expect(far(t, expected, 1e-9)).toEqual([]);
	});

	it('agrees with backprop: the centred difference to order ε², the one-sided one to order ε', () => {
		for (const n of NAMES) {
			const g = reference[`dE/d${n}`] as number;
			expect(Math.abs((t[`numgrad_${n}`] as number) - g)).toBeLessThan(1e-8);
			expect(Math.abs((t[`numgrad_onesided_${n}`] as number) - g)).toBeLessThan(1e-4);
			expect(Math.abs((t[`numgrad_onesided_${n}`] as number) - g)).toBeGreaterThan(Math.abs((t[`numgrad_${n}`] as number) - g));
		}
	});

	it('checks the fixed biases too (they have a gradient, only the update keeps them)', () => {
		expect(t).toHaveProperty('numgrad_b1');
		expect(Math.abs((t.numgrad_b2 as number) - (reference['dE/db2'] as number))).toBeLessThan(1e-8);
	});

	it('leaves every other quantity as it is without the check', () => {
		const plain = traceData(mazur);
		expect(Object.keys(plain).filter((k) => t[k] !== plain[k])).toEqual([]);
		const added = Object.keys(t).filter((k) => !(k in plain));
		expect(added).toHaveLength(4 * NAMES.length);
		expect(added.every((k) => /^(E_total_plus_|E_total_minus_|numgrad_|numgrad_onesided_)/.test(k))).toBe(true);
	});

	it('uses ε = 1e-4 when no epsilon is given, and scales the differences with ε', () => {
		const byDefault = traceData({ ...mazur, gradientCheck: {} });
		expect(byDefault.E_total_plus_w5).toBe(t.E_total_plus_w5);
		const coarse = traceData({ ...mazur, gradientCheck: { epsilon: 0.1 } });
		expect(far(coarse, { E_total_plus_w5: errorWith('w5', 0.5), E_total_minus_w5: errorWith('w5', 0.3) })).toEqual([]);
		// The one-sided error grows like ε: a thousand times larger ε, roughly a thousand times further off.
		const off = (x: number) => Math.abs(x - (reference['dE/dw5'] as number));
		const ratio = off(coarse.numgrad_onesided_w5 as number) / off(t.numgrad_onesided_w5 as number);
		expect(ratio).toBeGreaterThan(500);
		expect(ratio).toBeLessThan(2000);
	});

	it('works for a softmax layer with cross-entropy, where δ = out − t', () => {
		const softmax = parse(readFileSync(new URL('../../../content/networks/softmax-cross-entropy.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
		const s = traceData({ ...softmax, gradientCheck: { epsilon: 1e-5 } });
		for (const p of Object.keys(softmax.parameters as object)) {
			expect(Math.abs((s[`numgrad_${p}`] as number) - (s[`dE/d${p}`] as number))).toBeLessThan(1e-8);
		}
	});

	it('reads epsilon: 1e-4 from YAML as a number', () => {
		const [model] = modelsInFile(`${mazurYaml()}\ngradientCheck: { epsilon: 1e-4 }`, 'check.yaml').values();
		const traced = model?.build();
		expect(traced?.kind === 'network' && traced.spec.gradientCheck?.epsilon).toBe(1e-4);
	});
});

describe('content/networks/deck001-gradient-check.yaml (deck 001, slides 54 and 59)', () => {
	const file = parse(readFileSync(new URL('../../../content/networks/deck001-gradient-check.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
	const t = traceData(file);
	const parameters = Object.keys(file.parameters as object);

	it('agrees with backprop for every parameter with the centred difference', () => {
		for (const p of parameters) expect(Math.abs((t[`numgrad_${p}`] as number) - (t[`dE/d${p}`] as number))).toBeLessThan(1e-9);
	});

	it('shows the slide’s undivided difference to be about ε times the gradient, not the gradient', () => {
		const undivided = (t.E_total_plus_w11_2 as number) - (t.E_total as number);
		expect(undivided / 1e-4).toBeCloseTo(t['dE/dw11_2'] as number, 4);
		expect(Math.abs(undivided)).toBeLessThan(1e-5);
		expect(t['dE/dw11_2']).toBeCloseTo(-0.06236582115, 10);
	});
});

describe('a broken gradient check', () => {
	/** The located errors of a network file, as "line: key: message". */
	const errors = (extra: string, text = mazurYaml()) => {
		try {
			for (const model of modelsInFile(`${text}\n${extra}`, 'check.yaml').values()) model.build();
			return [];
		} catch (e) {
			if (!(e instanceof ContentErrors)) throw e;
			return e.errors.map((x) => `${x.line}: ${x.key}: ${x.detail}`);
		}
	};
	const last = mazurYaml().split('\n').length + 1;

	it('reports an epsilon that is not above 0 at its line', () => {
		expect(errors('gradientCheck: { epsilon: 0 }')).toEqual([expect.stringMatching(new RegExp(`^${last}: gradientCheck.epsilon: must be above 0`))]);
	});

	it('reports an unknown key with a suggestion', () => {
		expect(errors('gradientCheck: { epsilo: 1e-4 }')).toEqual([expect.stringMatching(/gradientCheck.*epsilo.*did you mean “epsilon”/)]);
	});

	it('reports a gradient check without targets', () => {
		const noTargets = mazurYaml().split('\n').filter((l) => !l.startsWith('targets:')).join('\n');
		expect(errors('gradientCheck: { epsilon: 1e-4 }', noTargets)).toEqual([expect.stringMatching(/^\d+: gradientCheck: a gradient check compares finite differences of E_total with dE\/dP, so it needs targets/)]);
	});
});
