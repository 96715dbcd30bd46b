import { describe, expect, it } from 'vitest';
import { answerName, regionName } from '$lib/lessons/accessible-name';

describe('accessible names of answer boxes', () => {
	it('say the step, the derivation and the quantity in words', () => {
		expect(answerName({ index: 3, count: 5, block: { kind: 'derivation', target: 'w5_new' }, quantity: 'dE/dout_o1' })).toBe(
			'Step 3 of 5, derivation of w5: ∂E_total/∂out_o1'
		);
	});

	it('name an exercise step and a table row', () => {
		expect(answerName({ index: 1, count: 2, block: { kind: 'exercise' }, quantity: 'net_h1' })).toBe('Step 1 of 2, exercise: net_h1');
		expect(answerName({ index: 1, count: 1, block: { kind: 'table', row: 2 }, quantity: 'out_o1' })).toBe('Row 2, table: out_o1');
	});

	it('name a derivation whose target is a gradient by that gradient', () => {
		expect(answerName({ index: 1, count: 4, block: { kind: 'derivation', target: 'dE/dw1' }, quantity: 'delta_h1' })).toBe(
			'Step 1 of 4, derivation of ∂E_total/∂w1: δ_h1'
		);
	});

	it('give blocks distinct region names', () => {
		const names = [
			regionName({ kind: 'exercise', number: 1, ask: ['net_h1', 'out_h1'] }),
			regionName({ kind: 'exercise', number: 2, ask: ['net_h2', 'out_h2'] }),
			regionName({ kind: 'derivation', target: 'w5_new' }),
			regionName({ kind: 'derivation', target: 'w1_new' })
		];
		expect(names).toEqual(['Exercise 1: net_h1 and out_h1', 'Exercise 2: net_h2 and out_h2', 'Derivation of w5', 'Derivation of w1']);
		expect(new Set(names).size).toBe(names.length);
	});
});
