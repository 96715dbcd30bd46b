/**
 * The three training workloads of issue 11, each as a network spec for the tape and the Value
 * engine and as a hand-written Float64Array loop doing the same math (the yardstick).
 */
import type { Activation, Example, NetworkSpec } from '$lib/nn';
import { mulberry32, type Random } from '$lib/variants/random';

/** Standard normal numbers from a seeded uniform source (Box–Muller). */
export function normal(random: Random): () => number {
	return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const SIGMOID: Activation = { type: 'sigmoid', threshold: 0, temperature: 1 };
const LINEAR: Activation = { type: 'linear' };

/** A fully connected network: inputs x0…, layer l's neurons n{l}_{j}, weights w{l}_{i}_{j}, biases b{l}_{j}. */
export function denseSpec(sizes: number[], options: { activations: Activation[]; loss: NetworkSpec['loss']; biases: boolean; init: () => number; rate: number }): NetworkSpec {
	const inputs = Object.fromEntries(Array.from({ length: sizes[0] as number }, (_, i) => [`x${i}`, 0]));
	const parameters: Record<string, number> = {};
	let previous = Object.keys(inputs);
	const layers = sizes.slice(1).map((size, l) => {
		const neurons: NetworkSpec['layers'][number]['neurons'] = {};
		const names: string[] = [];
		for (let j = 0; j < size; j++) {
			const name = l === sizes.length - 2 ? `y${j}` : `n${l}_${j}`;
			const connections: Record<string, string> = {};
			previous.forEach((source, i) => {
				const w = `w${l}_${i}_${j}`;
				parameters[w] = options.init();
				connections[source] = w;
			});
			neurons[name] = { inputs: connections };
			if (options.biases) {
				const b = `b${l}_${j}`;
				parameters[b] = options.init();
				(neurons[name] as { bias?: string }).bias = b;
			}
			names.push(name);
		}
		previous = names;
		return { activation: options.activations[l] as Activation, neurons };
	});
	const targets = Object.fromEntries(previous.map((o) => [o, 0]));
	return { inputs, layers, parameters, targets, loss: options.loss, learningRate: options.rate, update: { biases: true } };
}

const sigma = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

// ---- 1. The 2-2-2 network (content/networks/mazur-2-2-2.yaml): one incremental step. ----
export const MAZUR_PARAMS = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55, 0.35, 0.6]; // w1…w8, b1, b2

/** One forward + backward + update of the 2-2-2 net (biases fixed, η = 0.5); returns E_total before the update. */
export function handStep222(p: Float64Array): number {
	const i1 = 0.05, i2 = 0.1, t1 = 0.01, t2 = 0.99, rate = 0.5;
	const h1 = sigma(p[0]! * i1 + p[1]! * i2 + p[8]!);
	const h2 = sigma(p[2]! * i1 + p[3]! * i2 + p[8]!);
	const o1 = sigma(p[4]! * h1 + p[5]! * h2 + p[9]!);
	const o2 = sigma(p[6]! * h1 + p[7]! * h2 + p[9]!);
	const d1 = (o1 - t1) * o1 * (1 - o1);
	const d2 = (o2 - t2) * o2 * (1 - o2);
	const dh1 = (d1 * p[4]! + d2 * p[6]!) * h1 * (1 - h1);
	const dh2 = (d1 * p[5]! + d2 * p[7]!) * h2 * (1 - h2);
	p[4] = p[4]! - rate * d1 * h1;
	p[5] = p[5]! - rate * d1 * h2;
	p[6] = p[6]! - rate * d2 * h1;
	p[7] = p[7]! - rate * d2 * h2;
	p[0] = p[0]! - rate * dh1 * i1;
	p[1] = p[1]! - rate * dh1 * i2;
	p[2] = p[2]! - rate * dh2 * i1;
	p[3] = p[3]! - rate * dh2 * i2;
	return 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
}

// ---- 2. 10,000-point 2-3-1 SGD epoch (deck 002's experiment: parabola vs random points). ----
export function parabolaData(n = 10_000, seed = 2): Example[] {
	const random = mulberry32(seed);
	return Array.from({ length: n }, (_, k) => {
		const x = 2 * random() - 1;
		const y = k % 2 === 0 ? x * x : random();
		return { inputs: { x0: x, x1: y }, targets: { y0: k % 2 === 0 ? 1 : 0 } };
	});
}

export function spec231(seed = 3): NetworkSpec {
	const random = mulberry32(seed);
	return denseSpec([2, 3, 1], { activations: [SIGMOID, SIGMOID], loss: 'half-squared-error', biases: true, init: () => random() - 0.5, rate: 0.5 });
}

/** Parameters of spec231 as [w(3×2: hidden j, input i) ; b(3) ; v(3) ; c] for the hand loop. */
export function pack231(spec: NetworkSpec): Float64Array {
	const p = spec.parameters;
	const out: number[] = [];
	for (let j = 0; j < 3; j++) for (let i = 0; i < 2; i++) out.push(p[`w0_${i}_${j}`]!);
	for (let j = 0; j < 3; j++) out.push(p[`b0_${j}`]!);
	for (let j = 0; j < 3; j++) out.push(p[`w1_${j}_0`]!);
	out.push(p['b1_0']!);
	return Float64Array.from(out);
}

/** One incremental epoch of the 2-3-1 sigmoid net, half squared error, η = 0.5, in data order. */
export function handEpoch231(p: Float64Array, xs: Float64Array, ts: Float64Array, h: Float64Array, rate = 0.5): void {
	const n = ts.length;
	for (let e = 0; e < n; e++) {
		const x0 = xs[2 * e]!, x1 = xs[2 * e + 1]!, t = ts[e]!;
		let net = p[12]!;
		for (let j = 0; j < 3; j++) {
			h[j] = sigma(p[2 * j]! * x0 + p[2 * j + 1]! * x1 + p[6 + j]!);
			net += p[9 + j]! * h[j]!;
		}
		const o = sigma(net);
		const d = (o - t) * o * (1 - o);
		for (let j = 0; j < 3; j++) {
			const hj = h[j]!;
			const dh = d * p[9 + j]! * hj * (1 - hj);
			p[9 + j] = p[9 + j]! - rate * d * hj;
			p[2 * j] = p[2 * j]! - rate * dh * x0;
			p[2 * j + 1] = p[2 * j + 1]! - rate * dh * x1;
			p[6 + j] = p[6 + j]! - rate * dh;
		}
		p[12] = p[12]! - rate * d;
	}
}

// ---- 3. Deck 001's NumPy loop: N, D_in, H, D_out = 64, 1000, 100, 10, one batch step. ----
export const BIG = { N: 64, D_in: 1000, H: 100, D_out: 10, rate: 1e-4 };

export function bigWorkload(seed = 1) {
	const randn = normal(mulberry32(seed));
	const { N, D_in, H, D_out, rate } = BIG;
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

/** Scratch arrays for handBigStep, allocated once. */
export const bigScratch = () => {
	const { N, D_in, H, D_out } = BIG;
	return { h: new Float64Array(N * H), gy: new Float64Array(N * D_out), gw1: new Float64Array(D_in * H), gw2: new Float64Array(H * D_out), gh: new Float64Array(H) };
};

/** The NumPy loop's body with Float64Arrays: forward, loss, gradients, update. Returns the loss. */
export function handBigStep(x: Float64Array, y: Float64Array, w1: Float64Array, w2: Float64Array, s: ReturnType<typeof bigScratch>): number {
	const { N, D_in, H, D_out, rate } = BIG;
	const { h, gy, gw1, gw2, gh } = s;
	gw1.fill(0);
	gw2.fill(0);
	let loss = 0;
	for (let e = 0; e < N; e++) {
		const xo = e * D_in, ho = e * H;
		for (let j = 0; j < H; j++) h[ho + j] = 0;
		for (let i = 0; i < D_in; i++) {
			const xi = x[xo + i]!, wo = i * H;
			for (let j = 0; j < H; j++) h[ho + j] = h[ho + j]! + xi * w1[wo + j]!;
		}
		for (let j = 0; j < H; j++) h[ho + j] = sigma(h[ho + j]!);
		for (let k = 0; k < D_out; k++) {
			let yp = 0;
			for (let j = 0; j < H; j++) yp += h[ho + j]! * w2[j * D_out + k]!;
			const diff = yp - y[e * D_out + k]!;
			loss += diff * diff;
			gy[e * D_out + k] = 2 * diff;
		}
		for (let j = 0; j < H; j++) {
			let sum = 0;
			const hj = h[ho + j]!;
			for (let k = 0; k < D_out; k++) {
				const g = gy[e * D_out + k]!;
				gw2[j * D_out + k] = gw2[j * D_out + k]! + hj * g;
				sum += g * w2[j * D_out + k]!;
			}
			gh[j] = sum * hj * (1 - hj);
		}
		for (let i = 0; i < D_in; i++) {
			const xi = x[xo + i]!, wo = i * H;
			for (let j = 0; j < H; j++) gw1[wo + j] = gw1[wo + j]! + xi * gh[j]!;
		}
	}
	for (let k = 0; k < w1.length; k++) w1[k] = w1[k]! - rate * gw1[k]!;
	for (let k = 0; k < w2.length; k++) w2[k] = w2[k]! - rate * gw2[k]!;
	return loss;
}
