import { describe, expect, it } from 'vitest';
import { runSlice, type LabTrainer } from '$lib/lab';

/** A trainer whose every update takes `cost` ms of a fake clock; `perEpoch` updates make an epoch. */
function fake(cost: number, perEpoch = 1) {
	const clock = { t: 0, reads: 0 };
	const trainer: { updates: number; readonly epochs: number; step(): void } = {
		updates: 0,
		get epochs() {
			return Math.floor(this.updates / perEpoch);
		},
		step() {
			this.updates++;
			clock.t += cost;
		}
	};
	const now = () => {
		clock.reads++;
		return clock.t;
	};
	return { trainer: trainer as unknown as LabTrainer & { updates: number }, clock, now };
}

describe('runSlice', () => {
	it('stops once the time budget is spent, without overshooting it by more than a chunk it could predict', () => {
		const { trainer, now, clock } = fake(0.01);
		const result = runSlice(trainer, { budget: 12, now, epochs: Infinity, afterStep: () => true });
		expect(result.reason).toBe('budget');
		expect(clock.t).toBeGreaterThanOrEqual(12);
		expect(clock.t).toBeLessThan(12 + 0.01 * 1024 + 1e-9);
		// Fast updates: the clock is read far less often than once per update.
		expect(clock.reads).toBeLessThan(result.steps / 20);
	});

	it('runs a single slow update and stops (a step longer than the budget)', () => {
		const { trainer, now } = fake(40);
		expect(runSlice(trainer, { budget: 12, now, epochs: Infinity, afterStep: () => true })).toEqual({ steps: 1, reason: 'budget' });
	});

	it('stops at the epochs target, even with time left', () => {
		const { trainer, now } = fake(0.001, 4);
		const result = runSlice(trainer, { budget: 12, now, epochs: 3, afterStep: () => true });
		expect(result).toEqual({ steps: 12, reason: 'target' });
		expect(trainer.epochs).toBe(3);
	});

	it('stops when afterStep says so (a number that is not finite)', () => {
		const { trainer, now } = fake(0.001);
		const result = runSlice(trainer, { budget: 12, now, epochs: Infinity, afterStep: (t) => t.updates < 5 });
		expect(result).toEqual({ steps: 5, reason: 'stopped' });
	});
});
