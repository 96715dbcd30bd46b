import type { LabTrainer } from './trainer';

export type SliceLimits = {
	/** Milliseconds of work before the slice ends (the worker then posts what it has). */
	budget: number;
	/** The clock, in milliseconds (performance.now in the worker, a fake in tests). */
	now: () => number;
	/** Stop before the trainer's epoch count reaches this. */
	epochs: number;
	/** At most this many updates (a paced run); no limit when absent. */
	maxSteps?: number;
	/** Called after each update, with the trainer; false stops the slice (e.g. a NaN). */
	afterStep: (trainer: LabTrainer) => boolean;
};

export type SliceResult = { steps: number; reason: 'budget' | 'target' | 'stopped' | 'paced' };

/** At most this many updates between two readings of the clock. */
const MAX_CHUNK = 1024;

/**
 * Runs updates until the time budget is spent, the epochs target is reached, or `afterStep`
 * says stop. Between readings of the clock it runs about half the updates that the time left
 * allows at the speed seen so far, so a tiny network does not spend its time reading the clock
 * and a slow one (a step of many milliseconds) still stops close to the budget.
 */
export function runSlice(trainer: LabTrainer, limits: SliceLimits): SliceResult {
	const start = limits.now();
	let steps = 0;
	let chunk = 1;
	for (;;) {
		for (let i = 0; i < chunk; i++) {
			if (trainer.epochs >= limits.epochs) return { steps, reason: 'target' };
			if (limits.maxSteps !== undefined && steps >= limits.maxSteps) return { steps, reason: 'paced' };
			trainer.step();
			steps++;
			if (!limits.afterStep(trainer)) return { steps, reason: 'stopped' };
		}
		const elapsed = limits.now() - start;
		if (elapsed >= limits.budget) return { steps, reason: 'budget' };
		const perStep = elapsed / steps;
		const fits = perStep > 0 ? Math.floor((limits.budget - elapsed) / perStep / 2) : MAX_CHUNK;
		chunk = Math.min(MAX_CHUNK, Math.max(1, fits));
	}
}
