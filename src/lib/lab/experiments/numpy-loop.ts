import type { Activation, Example, NetworkSpec } from '$lib/nn/schema';
import { mulberry32, type Random } from '$lib/variants/random';

/**
 * Deck 001's NumPy training loop at its full size (content/160-numpy-training-loop.md):
 *
 *     N, D_in, H, D_out = 64, 1000, 100, 10
 *     x, y = randn(N, D_in), randn(N, D_out)
 *     w1, w2 = randn(D_in, H), randn(H, D_out)
 *     h = sigmoid(x.dot(w1)); y_pred = h.dot(w2); loss = np.square(y_pred - y).sum()
 *     w1 -= 1e-4 * grad_w1; w2 -= 1e-4 * grad_w2
 *
 * as a network spec and 64 examples for the tape and the lab, and as the Float64Arrays a
 * hand-written loop works on (tests/bench/tape-workloads.ts `handBigStep`). One source for the
 * lesson's numbers test, the benchmark and the lab's `numpy-loop` model (../models.ts).
 */
export const NUMPY_LOOP = { N: 64, D_in: 1000, H: 100, D_out: 10, rate: 1e-4 } as const;

/** Standard normal numbers from a seeded uniform source (Box–Muller): `randn`. */
export function normal(random: Random): () => number {
	return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const SIGMOID: Activation = { type: 'sigmoid', threshold: 0, temperature: 1 };
const LINEAR: Activation = { type: 'linear' };

/**
 * The loop's numbers, all from one seeded normal stream (mulberry32(seed), Box–Muller): first
 * x (N × D_in, row by row), then y (N × D_out), w1 (D_in × H) and w2 (H × D_out). The network:
 * inputs x0…x999, a sigmoid hidden layer h0…h99 without biases (weights w1_{i}_{j} from x_i to
 * h_j), a linear output layer y0…y9 (w2_{j}_{k}), squared error summed, η = 1e-4.
 */
export function numpyLoop(seed = 1) {
	const randn = normal(mulberry32(seed));
	const { N, D_in, H, D_out, rate } = NUMPY_LOOP;
	const x = Float64Array.from({ length: N * D_in }, randn);
	const y = Float64Array.from({ length: N * D_out }, randn);
	// Generated in the loop's layout: w1[i*H + j], w2[j*D_out + k].
	const w1 = Float64Array.from({ length: D_in * H }, randn);
	const w2 = Float64Array.from({ length: H * D_out }, randn);
	const parameters: Record<string, number> = {};
	const hidden: NetworkSpec['layers'][number]['neurons'] = {};
	const output: NetworkSpec['layers'][number]['neurons'] = {};
	for (let j = 0; j < H; j++) {
		const inputs: Record<string, string> = {};
		for (let i = 0; i < D_in; i++) (inputs[`x${i}`] = `w1_${i}_${j}`), (parameters[`w1_${i}_${j}`] = w1[i * H + j]!);
		hidden[`h${j}`] = { inputs };
	}
	for (let k = 0; k < D_out; k++) {
		const inputs: Record<string, string> = {};
		for (let j = 0; j < H; j++) (inputs[`h${j}`] = `w2_${j}_${k}`), (parameters[`w2_${j}_${k}`] = w2[j * D_out + k]!);
		output[`y${k}`] = { inputs };
	}
	const spec: NetworkSpec = {
		inputs: Object.fromEntries(Array.from({ length: D_in }, (_, i) => [`x${i}`, x[i]!])),
		layers: [{ activation: SIGMOID, neurons: hidden }, { activation: LINEAR, neurons: output }],
		parameters,
		targets: Object.fromEntries(Array.from({ length: D_out }, (_, k) => [`y${k}`, y[k]!])),
		loss: 'squared-error',
		learningRate: rate,
		update: { biases: true }
	};
	const data: Example[] = Array.from({ length: N }, (_, e) => ({
		inputs: Object.fromEntries(Array.from({ length: D_in }, (_, i) => [`x${i}`, x[e * D_in + i]!])),
		targets: Object.fromEntries(Array.from({ length: D_out }, (_, k) => [`y${k}`, y[e * D_out + k]!]))
	}));
	return { x, y, w1, w2, spec, data };
}
