import { describe, expect, it } from 'vitest';
import { accuracy, classAccuracy, classReading } from '$lib/lab/experiments/accuracy';
import { formatPercent, statusText } from '$lib/lab/view';

describe('accuracy of a classifying network', () => {
	it('reads targets as class labels only when every one is 0 or 1 (several outputs: exactly one 1)', () => {
		expect(classReading([[1], [0], [0]])).toBe('threshold');
		expect(classReading([[0, 1, 0], [1, 0, 0]])).toBe('argmax');
		expect(classReading([[0.01, 0.99]])).toBeUndefined(); // the 2-2-2 example's targets
		expect(classReading([[1], [0.5]])).toBeUndefined();
		expect(classReading([[1, 1], [0, 1]])).toBeUndefined(); // two labels at once: no single class
		expect(classReading([[0, 0]])).toBeUndefined();
		expect(classReading([])).toBeUndefined();
	});

	it('one output: above 0.5 is class 1, as accuracy() reads it', () => {
		const inputs = [[0.9], [0.6], [0.5], [0.2], [0.7]];
		const targets = [[1], [0], [0], [0], [1]];
		// The output is the input itself: 0.9 → 1 right, 0.6 → 1 wrong, 0.5 → 0 right, 0.2 → 0 right, 0.7 → 1 right.
		expect(classAccuracy((x) => [x[0] as number], inputs, targets)).toBe(4 / 5);
		expect(classAccuracy((x) => [x[0] as number], inputs, targets)).toBe(accuracy((x) => x[0] as number, inputs, [1, 0, 0, 0, 1]));
	});

	it('several outputs: the largest output names the class (the first of equal ones)', () => {
		// Example k's outputs are outputs[k].
		const outputs = [
			[0.1, 0.7, 0.2],
			[0.5, 0.5, 0],
			[0.3, 0.3, 0.4],
			[0.9, 0.05, 0.05]
		];
		const inputs = [[0], [1], [2], [3]];
		const predict = (x: number[]) => outputs[x[0] as number] as number[];
		const targets = [
			[0, 1, 0], // right
			[0, 1, 0], // a tie goes to the first output: wrong
			[0, 0, 1], // right
			[0, 1, 0] // wrong
		];
		expect(classAccuracy(predict, inputs, targets)).toBe(0.5);
	});

	it('refuses targets that are not labels', () => {
		expect(() => classAccuracy(() => [0.5], [[1]], [[0.3]])).toThrow(/class labels/);
	});
});

describe('the lab’s status line', () => {
	it('shows the accuracy beside the error, in plain words, to one decimal', () => {
		expect(formatPercent(0.934)).toBe('93.4\u00a0%');
		expect(formatPercent(1)).toBe('100.0\u00a0%');
		expect(statusText({ running: true, done: false, updates: 52_000, epochs: 260, target: 2000, loss: 3.25, accuracy: 0.935 })).toBe(
			'Training: 260 epochs of 2,000, 52,000 updates; error over the data set E_total = 3.25; accuracy 93.5\u00a0%.'
		);
		// Without an accuracy (targets that are not class labels) the line is as before.
		expect(statusText({ running: false, done: true, updates: 3, epochs: 3, target: 3, loss: 0.25 })).toBe('Finished: 3 epochs of 3, 3 updates; error over the data set E_total = 0.25.');
	});
});
