import { lift, type Value } from '$lib/autograd';
import type { Loss } from './schema';

/**
 * One output's share E_X of E_total = Σ_X E_X, for target t and output out of n outputs.
 * half-squared-error ½(t − out)²; squared-error (t − out)²; mean-squared-error (t − out)²/n, so
 * that E_total is the mean; cross-entropy −t·ln(out) (for softmax and one-hot targets, so that
 * δ = out − t); binary-cross-entropy −[t·ln(out) + (1 − t)·ln(1 − out)] (for sigmoid outputs).
 */
export function errorTerm(loss: Loss, target: Value, out: Value, n: number): Value {
	switch (loss) {
		case 'cross-entropy':
			return target.mul(out.log()).neg();
		case 'binary-cross-entropy':
			return target.mul(out.log()).add(lift(1).sub(target).mul(lift(1).sub(out).log())).neg();
		case 'half-squared-error':
			return target.sub(out).pow(2).mul(0.5);
		case 'mean-squared-error':
			return target.sub(out).pow(2).mul(1 / n);
		case 'squared-error':
			return target.sub(out).pow(2);
	}
}
