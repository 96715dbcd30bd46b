import type { GraphSpec, ModelSpec, NetworkSpec } from '$lib/nn';
import { integer, type Random } from './random';

/**
 * A new number in the place of `x`, as a lecturer would pick one: the same sign (a negative
 * weight in XOR stays negative, log and division keep their domain), the same kind, a similar size.
 * - 0 stays 0: a zero is structure (no connection, no offset), not a number to practise with.
 * - whole numbers stay small whole numbers: 1…5, or ½× to 1½× the original when larger (x = −2 → −1…−5);
 * - decimals below 1 in size get two decimals in [0.05, 0.95] (w1 = 0.15 → 0.37);
 * - larger decimals get one decimal, ½× to 1½× the original (b = 2.5 → 1.3…3.8).
 */
export function drawLike(x: number, random: Random): number {
	if (x === 0 || !Number.isFinite(x)) return x;
	const sign = Math.sign(x);
	const size = Math.abs(x);
	if (Number.isInteger(x)) {
		return sign * (size <= 5 ? integer(random, 1, 5) : integer(random, Math.round(size / 2), Math.round(1.5 * size)));
	}
	if (size < 1) return (sign * integer(random, 5, 95)) / 100;
	return (sign * integer(random, Math.round(5 * size), Math.round(15 * size))) / 10;
}

type NetworkModelSpec = Extract<ModelSpec, { kind: 'network' }>;

/** New numbers for a spec of the same structure, or null when nothing in it may change. */
export function drawSpec(spec: ModelSpec, random: Random): ModelSpec | null {
	if (spec.kind === 'graph') {
		const values = drawAll(spec.values, random);
		return values ? { ...structuredClone(spec), values } : null;
	}
	// An architecture has sizes only; a step network computes logic (see drawWeights).
	if (spec.kind === 'architecture' || spec.layers.some((l) => l.activation.type === 'step')) return null;
	return drawWeights(spec, random);
}

/**
 * A sigmoid, tanh, ReLU, softmax or linear network: new parameters and inputs. Kept as they are:
 * - inputs that are all 0 or 1: a pattern (a row of a truth table, matching the targets);
 * - inputs of a network with a data set: the traced example is one of its examples;
 * - the targets (the lesson's story: "o1 should say 0.01"), the data set, fixed numeric weights,
 *   velocities, the learning rate, momentum, loss and activations.
 * A parameter shared by two neurons stays shared (it is drawn once).
 *
 * Networks with step neurons are not varied at all: their weights and thresholds were chosen to
 * make a gate, and a changed weight breaks it. Another row of the truth table would keep the
 * gate, but an input held at 1 as a bias (x0 = 1) cannot be told from a row's input.
 */
function drawWeights(spec: NetworkModelSpec, random: Random): ModelSpec | null {
	const keepInputs = spec.data !== undefined || isPattern(spec.inputs);
	const inputs = keepInputs ? null : drawAll(spec.inputs, random);
	const parameters = drawAll(spec.parameters, random);
	if (!inputs && !parameters) return null;
	return { ...structuredClone(spec), inputs: inputs ?? { ...spec.inputs }, parameters: parameters ?? { ...spec.parameters } };
}

const isPattern = (values: Record<string, number>) => Object.values(values).every((x) => x === 0 || x === 1);

/** Each value redrawn in key order (stable, so a seed gives the same numbers); null if none can change. */
function drawAll(values: Record<string, number>, random: Random): Record<string, number> | null {
	const entries = Object.entries(values);
	if (entries.every(([, x]) => x === 0)) return null;
	return Object.fromEntries(entries.map(([name, x]) => [name, drawLike(x, random)]));
}
