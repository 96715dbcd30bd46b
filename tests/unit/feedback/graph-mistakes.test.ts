import { describe, expect, it } from 'vitest';
import { readAnswer } from '$lib/answers';
import { assess, diagnose } from '$lib/feedback';
import { stepsOf } from './models';

// f = (x + y)·z at x = −2, y = 5, z = −4: q = 3, f = −12.
const xyz = stepsOf('content/networks/graph-xyz.yaml');
// f = 2·(x·y + max(z, w)), c = x + f at x = 3, y = −4, z = 2, w = −1: dc/dx = 2y + 1 = −7.
const gates = stepsOf('content/networks/deck001-gates-graph.yaml');

const ids = (steps: typeof xyz, quantity: string, text: string) => diagnose(steps, quantity, readAnswer(text)).map((d) => d.id);

describe('mul gate inputs not swapped', () => {
	it('names ∂f/∂q = q (3) instead of the other input z (−4)', () => {
		expect(ids(xyz, 'df/dq', '3')).toEqual(['mul-not-swapped']);
		expect(ids(xyz, 'df/dz', '-4')).toEqual(['mul-not-swapped']);
	});

	it('follows the slip down the chain: ∂f/∂x = 1 · q = 3', () => {
		expect(ids(xyz, 'df/dx', '3')).toEqual(['mul-not-swapped']);
	});

	it('explains with the input that was used', () => {
		const [d] = diagnose(xyz, 'df/dq', readAnswer('3'));
		expect(d?.explanation).toBe(
			'It looks like you used $q = 3$ itself: a mul gate swaps its inputs, so $\\frac{\\partial f}{\\partial q}$ is the other input, $z$.'
		);
	});
});

describe('fan-out gradients overwritten instead of added', () => {
	it('names each use of x on its own: only through m (2y = −8), only through c (1)', () => {
		expect(gates.value('dc/dx')).toBe(-7);
		expect(ids(gates, 'dc/dx', '-8')).toEqual(['fan-out-one:m']);
		expect(ids(gates, 'dc/dx', '1')).toEqual(['fan-out-one:c']);
	});

	it('names both mul-not-swapped and the sign when they give the same number (7)', () => {
		expect(ids(gates, 'dc/dx', '7').sort()).toEqual(['mul-not-swapped', 'sign-flipped']);
	});

	it('accepts a graph gradient built from the learner’s own wrong local gradient', () => {
		const a = assess({ steps: xyz, quantity: 'df/dx', text: '5', earlier: { 'df/dq': 5 } });
		expect([a.verdict, a.carriedForward?.from]).toEqual(['correct', ['df/dq']]);
	});
});
