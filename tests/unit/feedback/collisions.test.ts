import { describe, expect, it } from 'vitest';
import { mistakeCollisions } from '$lib/feedback';
import { asked, deck002, DECK_002, stepsOf } from './models';

describe('mistake collisions (degenerate variants)', () => {
	it('lists the two deck 002 mistakes whose w1_new rounds or cuts off to the right 4 digits', () => {
		// w1_new = 0.149781: updated weights give 0.149818 (0.1498), one path 0.149666 (0.1497, cut off).
		expect(mistakeCollisions(deck002, asked).sort()).toEqual(['w1_new: one-path:o1', 'w1_new: updated-weights']);
	});

	it('finds none when the learner must type 6 significant digits', () => {
		expect(mistakeCollisions(deck002, asked, 6)).toEqual([]);
	});

	it('flags a variant whose bias is 0, where forgetting it changes nothing', () => {
		const variant = stepsOf(DECK_002, (text) => text.replace('b1: 0.35', 'b1: 0'));
		expect(mistakeCollisions(variant, ['net_h1', 'out_h1'])).toEqual(['net_h1: bias-forgotten', 'out_h1: bias-forgotten']);
	});

	it('does not count a sign flip of a value that is 0 (a max gate’s losing input)', () => {
		const gates = stepsOf('content/networks/deck001-gates-graph.yaml');
		expect(gates.value('dc/dw')).toBe(0);
		expect(mistakeCollisions(gates, ['dc/dw'])).toEqual([]);
	});

	it('ignores quantities the model does not have', () => {
		expect(mistakeCollisions(deck002, ['dE/dw99', 'nonsense'])).toEqual([]);
	});
});
