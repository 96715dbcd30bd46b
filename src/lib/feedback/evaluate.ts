// Recomputes quantities through the steps' own formulas, so a changed value (a mistake, or a
// learner's earlier number) reaches everything computed from it.
import type { Get, Step, Steps } from '$lib/derivation';
import type { Compute, Mistake } from './types';

interface Evaluation {
	/** A different rule for a step, or undefined to keep its own. */
	alter?: (step: Step) => Compute | undefined;
	/** Values taken as they are instead of being computed. */
	pinned?: Readonly<Record<string, number>>;
	/** Called each time a pinned value is read. */
	onPinned?: (name: string) => void;
	/** How a computed value (not the asked one, not a pinned or given one) is carried on: rounded as the page shows it, say. */
	carry?: (name: string, value: number) => number;
}

// steps.step builds a fresh step (with its TeX) on every call; feedback asks for the same ones often.
const stepCache = new WeakMap<Steps, Map<string, Step | undefined>>();

/** The step of `name`, or undefined; steps.step throws for some names it cannot plan (dnet_h1/di1). */
export function stepOf(steps: Steps, name: string): Step | undefined {
	let cache = stepCache.get(steps);
	if (!cache) stepCache.set(steps, (cache = new Map()));
	if (!cache.has(name)) {
		let step: Step | undefined;
		try {
			step = steps.isGiven(name) ? undefined : steps.step(name);
		} catch {
			step = undefined;
		}
		cache.set(name, step);
	}
	return cache.get(name);
}

/**
 * A memoised getter: each quantity is its step's compute (or replacement) over this getter. With
 * `carry`, each computed value a formula reads is first carried (rounded as the page shows it, say);
 * the value the getter returns is never rounded.
 */
export function evaluator(steps: Steps, how: Evaluation = {}): Get {
	const memo = new Map<string, number>();
	const busy = new Set<string>();
	const isPinned = (name: string) => how.pinned !== undefined && Object.hasOwn(how.pinned, name);
	const get: Get = (name) => {
		if (isPinned(name)) {
			how.onPinned?.(name);
			return how.pinned?.[name] as number;
		}
		const known = memo.get(name);
		if (known !== undefined) return known;
		const step = stepOf(steps, name);
		let value: number;
		// A cycle can only come from a faulty rule: fall back to the engine's value rather than loop.
		if (!step || busy.has(name)) value = steps.value(name);
		else {
			busy.add(name);
			try {
				value = (how.alter?.(step) ?? step.compute)(read);
			} finally {
				busy.delete(name);
			}
		}
		memo.set(name, value);
		return value;
	};
	const carry = how.carry;
	const read: Get = carry ? (name) => (isPinned(name) || !stepOf(steps, name) ? get(name) : carry(name, get(name))) : get;
	return get;
}

/** Every quantity's value with `mistake` made wherever it applies (none: the correct values). */
export function valuesUnder(steps: Steps, mistake?: Mistake): Get {
	return evaluator(steps, mistake ? { alter: (step) => mistake.alter(step, steps) } : {});
}

/** The steps `quantity` is computed from, itself first, nearest first, each once. */
export function chainOf(steps: Steps, quantity: string): Step[] {
	const chain: Step[] = [];
	const seen = new Set<string>();
	const queue = [quantity];
	for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
		if (seen.has(name)) continue;
		seen.add(name);
		const step = stepOf(steps, name);
		if (!step) continue;
		chain.push(step);
		queue.push(...step.needs);
	}
	return chain;
}

const readCache = new WeakMap<Step, string[]>();

/** Every name a step's formula reads, given ones (weights, inputs, targets) included. */
export function readsOf(step: Step, steps: Steps): string[] {
	let reads = readCache.get(step);
	if (!reads) {
		const seen: string[] = [];
		try {
			step.compute((name) => (seen.push(name), steps.value(name)));
		} catch {
			// A name without a value: the reads up to it are still the right ones.
		}
		reads = [...new Set(seen)];
		readCache.set(step, reads);
	}
	return reads;
}

/** The step's formula with some of the names it reads replaced by fixed numbers (a probe). */
export function probe(step: Step, steps: Steps, values: Record<string, number>): number {
	try {
		return step.compute((name) => (Object.hasOwn(values, name) ? (values[name] as number) : steps.value(name)));
	} catch {
		return NaN;
	}
}
