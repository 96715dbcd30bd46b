import { describe, expect, it } from 'vitest';
import { answerName, regionName, regionNames } from '$lib/lessons/accessible-name';
import type { Block } from '$lib/lessons/types';

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

	it('follow the lesson’s labels, in words', () => {
		const labels = { E_total: 'L', w5: '\\theta' };
		expect(answerName({ index: 3, count: 5, block: { kind: 'derivation', target: 'w5_new' }, quantity: 'dE/dw5' }, labels)).toBe(
			'Step 3 of 5, derivation of θ: ∂L/∂θ'
		);
		expect(regionName({ kind: 'exercise', number: 4, ask: ['E_o1', 'E_total'] }, labels)).toBe('Exercise 4: L_o1 and L');
	});

	it('number exercises and tables, and tell apart two blocks that would share a name', () => {
		const common = { network: 'network', promptHtml: '', hints: [] };
		const blocks: Block[] = [
			{ kind: 'prose', html: '' },
			{ kind: 'exercise', id: 'a', ask: ['net_h1'], ...common },
			{ kind: 'derivation', id: 'b', target: 'w5_new', ...common },
			{ kind: 'table', id: 'c', inputs: ['i1'], rows: [[0]], ask: ['out_o1'], ...common },
			{ kind: 'derivation', id: 'd', target: 'w5_new', ...common, network: 'other' },
			{ kind: 'exercise', id: 'e', ask: ['net_h1'], ...common }
		];
		const names = regionNames(blocks);
		expect([...names.values()]).toEqual([
			'Exercise 1: net_h1',
			'Derivation of w5',
			'Table 1: out_o1',
			'Derivation of w5 (second)',
			'Exercise 2: net_h1'
		]);
	});
});
