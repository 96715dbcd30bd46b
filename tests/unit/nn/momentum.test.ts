import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAZUR, mazurReference, type MazurParameters } from './mazur-reference';
import { far, traceData } from './trace-data';

const mazur = parse(readFileSync(new URL('../../../content/networks/mazur-2-2-2.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const WEIGHTS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;

describe('momentum (deck 004): v ← λ·v − (1 − λ)·∂E/∂w, then w ← w + η·v', () => {
	const lambda = 0.9;
	const velocities = { w1: 0.1, w5: -0.05 };
	const t = traceData({ ...mazur, momentum: lambda, velocities });
	const reference = mazurReference();
	const v0 = (w: string) => velocities[w as keyof typeof velocities] ?? 0;
	const v = Object.fromEntries(WEIGHTS.map((w) => [w, lambda * v0(w) - (1 - lambda) * (reference[`dE/d${w}`] as number)]));
	const next = Object.fromEntries(WEIGHTS.map((w) => [w, MAZUR.p[w] + MAZUR.rate * (v[w] as number)]));

	it('gives v_P for each trained parameter, starting from the given velocities or 0', () => {
		expect(far(t, Object.fromEntries(WEIGHTS.map((w) => [`v_${w}`, v[w] as number])))).toEqual([]);
	});

	it('gives P_new = P + η·v_P', () => {
		expect(far(t, Object.fromEntries(WEIGHTS.map((w) => [`${w}_new`, next[w] as number])))).toEqual([]);
	});

	it('keeps the fixed biases, which get no velocity', () => {
		expect([t.b1_new, t.b2_new]).toEqual([0.35, 0.6]);
		expect(t).not.toHaveProperty('v_b1');
	});

	it('gives E_total after the momentum update, agreeing with the hand computation', () => {
		const after = mazurReference({ ...MAZUR, p: { ...MAZUR.p, ...next } as MazurParameters }).E_total as number;
		expect(far(t, { E_total_after_update: after })).toEqual([]);
	});

	it('leaves every other quantity as plain gradient descent has it', () => {
		const plain = traceData(mazur);
		const same = Object.keys(plain).filter((k) => !k.endsWith('_new') && k !== 'E_total_after_update');
		expect(same.filter((k) => t[k] !== plain[k])).toEqual([]);
	});

	it('is plain gradient descent with λ = 0 and no velocities, to the last bit', () => {
		const zero = traceData({ ...mazur, momentum: 0 });
		const plain = traceData(mazur);
		for (const w of WEIGHTS) expect(zero[`${w}_new`]).toBe(plain[`${w}_new`]);
	});

	it('gives the velocities without a learning rate, and no update', () => {
		const { learningRate: _, ...rest } = mazur;
		const noRate = traceData({ ...rest, momentum: lambda });
		expect(far(noRate, { v_w5: -(1 - lambda) * (reference['dE/dw5'] as number) })).toEqual([]);
		expect(noRate).not.toHaveProperty('w5_new');
	});
});
