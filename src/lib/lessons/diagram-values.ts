import { parseQuantity } from '$lib/nn/quantity';

/**
 * Which values a lesson's diagram may show. An asked value appears once the learner has found
 * (or revealed) it; a value nobody asks for is shown, unless it is a step on the way to an asked
 * value that is still open (δ_h1 would give ∂E/∂w1 away): those wait as well.
 */
export type ValueSource = {
	isAsked(network: string, quantity: string): boolean;
	isSettled(network: string, quantity: string): boolean;
	askedOf(network: string): string[];
	/** The quantities a step reads (a derivation Step's `needs`). */
	step(network: string, quantity: string): { needs: string[] } | undefined;
	valueOf(network: string, quantity: string): number | undefined;
};

/** Gradients, local derivatives, δ, velocities and updated parameters: the backward pass. */
export const isBackward = (quantity: string) => ['partial', 'delta', 'velocity', 'updated'].includes(parseQuantity(quantity).kind);

/**
 * Every quantity of `network` that must not be shown yet: open asked values and what they rest on,
 * and, while a gradient is open, every unasked one of `onDisplay` (the quantities the page would show).
 */
export function withheld(source: ValueSource, network: string, onDisplay: Iterable<string>): Set<string> {
	const hidden = new Set<string>();
	const visit = (quantity: string) => {
		// A value the learner found is shown; an unasked one on the way to an open value is not.
		if (hidden.has(quantity) || (source.isAsked(network, quantity) && source.isSettled(network, quantity))) return;
		hidden.add(quantity);
		for (const need of source.step(network, quantity)?.needs ?? []) visit(need);
	};
	const open = source.askedOf(network).filter((q) => !source.isSettled(network, q));
	for (const quantity of open) visit(quantity);
	// While a gradient is still to be found, the others wait too: δ_h1 beside ∂E/∂w2 would give
	// ∂E/∂w1 away, whichever way the lesson's own derivation names its factors.
	if (open.some(isBackward)) {
		for (const quantity of onDisplay) if (isBackward(quantity) && !source.isAsked(network, quantity)) hidden.add(quantity);
	}
	return hidden;
}

/**
 * The same source, with each step's `needs` looked up once: they depend on the network's structure
 * only, and building a step is the costly part of `withheld` (which runs after every answer).
 */
export function withCachedNeeds(source: ValueSource): ValueSource {
	const cache = new Map<string, { needs: string[] } | undefined>();
	const step = (network: string, quantity: string) => {
		const k = `${network}:${quantity}`;
		if (!cache.has(k)) {
			const found = source.step(network, quantity);
			cache.set(k, found && { needs: found.needs });
		}
		return cache.get(k);
	};
	return {
		isAsked: (network, quantity) => source.isAsked(network, quantity),
		isSettled: (network, quantity) => source.isSettled(network, quantity),
		askedOf: (network) => source.askedOf(network),
		valueOf: (network, quantity) => source.valueOf(network, quantity),
		step
	};
}

/** The value the diagram shows for a quantity: a finite number, or undefined while it waits. */
export function shownValue(source: ValueSource, network: string, hidden: Set<string>, quantity: string): number | undefined {
	if (hidden.has(quantity)) return undefined;
	const value = source.valueOf(network, quantity);
	return value !== undefined && Number.isFinite(value) ? value : undefined;
}
