/**
 * The well-known 2-2-2 example trained for thousands of updates, computed independently: plain
 * float64 with the formulas derived on paper (δ_o = (o − t)·o(1 − o), δ_h = Σ δ_o·w·h(1 − h)),
 * no engine, no tape. Biases fixed (update: { biases: false }), η = 0.5.
 */
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const X = [0.05, 0.1];
const T = [0.01, 0.99];
const START = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55]; // w1 … w8
const B1 = 0.35;
const B2 = 0.6;

function forward(w: number[]) {
	const [i1, i2] = X as [number, number];
	const h1 = sigma(w[0]! * i1 + w[1]! * i2 + B1);
	const h2 = sigma(w[2]! * i1 + w[3]! * i2 + B1);
	const o1 = sigma(w[4]! * h1 + w[5]! * h2 + B2);
	const o2 = sigma(w[6]! * h1 + w[7]! * h2 + B2);
	return { h1, h2, o1, o2, E: 0.5 * (T[0]! - o1) ** 2 + 0.5 * (T[1]! - o2) ** 2 };
}

/** E_total after each number of updates in `at`, by hand. */
export function handTrained(at: number[]): Map<number, number> {
	const w = [...START];
	const out = new Map<number, number>();
	const last = Math.max(...at);
	for (let k = 0; k <= last; k++) {
		const { h1, h2, o1, o2, E } = forward(w);
		if (at.includes(k)) out.set(k, E);
		const d1 = (o1 - T[0]!) * o1 * (1 - o1);
		const d2 = (o2 - T[1]!) * o2 * (1 - o2);
		const dh1 = (d1 * w[4]! + d2 * w[6]!) * h1 * (1 - h1);
		const dh2 = (d1 * w[5]! + d2 * w[7]!) * h2 * (1 - h2);
		const g = [dh1 * X[0]!, dh1 * X[1]!, dh2 * X[0]!, dh2 * X[1]!, d1 * h1, d1 * h2, d2 * h1, d2 * h2];
		for (let j = 0; j < 8; j++) w[j] = w[j]! - 0.5 * g[j]!;
	}
	return out;
}


/** A stretch of training at one learning rate η and momentum λ. */
export type Phase = { updates: number; rate: number; momentum: number };

/**
 * The 2-2-2 network by hand with deck 004's momentum rule v ← λv − (1 − λ)g, w ← w + ηv (λ = 0
 * is gradient descent), phase after phase with the velocity carried from one to the next, as a
 * learner changing η or λ in the lab expects. Returns w1 … w8 and E_total after each phase.
 */
export function mazurPhasesByHand(phases: Phase[]): { weights: number[]; E: number }[] {
	const w = [...START];
	const v = START.map(() => 0);
	const after: { weights: number[]; E: number }[] = [];
	for (const { updates, rate, momentum } of phases) {
		for (let k = 0; k < updates; k++) {
			const { h1, h2, o1, o2 } = forward(w);
			const d1 = (o1 - T[0]!) * o1 * (1 - o1);
			const d2 = (o2 - T[1]!) * o2 * (1 - o2);
			const dh1 = (d1 * w[4]! + d2 * w[6]!) * h1 * (1 - h1);
			const dh2 = (d1 * w[5]! + d2 * w[7]!) * h2 * (1 - h2);
			const g = [dh1 * X[0]!, dh1 * X[1]!, dh2 * X[0]!, dh2 * X[1]!, d1 * h1, d1 * h2, d2 * h1, d2 * h2];
			for (let j = 0; j < 8; j++) {
				v[j] = momentum * v[j]! - (1 - momentum) * g[j]!;
				w[j] = w[j]! + rate * v[j]!;
			}
		}
		after.push({ weights: [...w], E: forward(w).E });
	}
	return after;
}
