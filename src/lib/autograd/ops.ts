/**
 * The operations a Value node can record. Each one defines its forward value and its local
 * derivatives (∂out/∂input_i) right beside each other, as data: the UI shows them to learners.
 */

export type StepOptions = {
	/** Heaviside threshold θ: the output is 1 above it, 0 below it. */
	threshold: number;
	/** What the threshold itself gives: the decks differ (≥ θ fires in one, > θ in another). */
	atThreshold: 0 | 1;
};

export type SigmoidOptions = {
	/** Threshold θ and temperature T: σ((x − θ) / T). The plain logistic has θ = 0, T = 1. */
	threshold: number;
	temperature: number;
};

export type LeakyReluOptions = {
	/** The slope below 0: leaky_relu(x) = x for x > 0, slope·x otherwise (0.01 is usual). */
	slope: number;
};

export type OpParams = {
	leaf: Record<string, never>;
	add: Record<string, never>;
	sub: Record<string, never>;
	mul: Record<string, never>;
	div: Record<string, never>;
	neg: Record<string, never>;
	pow: { exponent: number };
	exp: Record<string, never>;
	log: Record<string, never>;
	max: Record<string, never>;
	sigmoid: SigmoidOptions;
	tanh: Record<string, never>;
	relu: Record<string, never>;
	leaky_relu: LeakyReluOptions;
	step: StepOptions;
	identity: Record<string, never>;
};

export type Op = keyof OpParams;

/** Forward value and local derivatives of one node, given its inputs' values. */
export type Evaluation = { data: number; local: number[] };

type OpDef<K extends Op> = {
	/** Number of inputs; 'n' for any number ≥ 1 (add, max). */
	arity: number | 'n';
	evaluate(x: readonly number[], params: OpParams[K]): Evaluation;
};

const logistic = (z: number) =>
	// Two branches so that neither exp() overflows for large |z|.
	z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

const at = (x: readonly number[], i: number) => x[i] as number;

export const OPS: { [K in Op]: OpDef<K> } = {
	leaf: { arity: 0, evaluate: () => ({ data: NaN, local: [] }) },
	add: {
		arity: 'n',
		evaluate: (x) => ({ data: x.reduce((s, v) => s + v, 0), local: x.map(() => 1) })
	},
	sub: { arity: 2, evaluate: (x) => ({ data: at(x, 0) - at(x, 1), local: [1, -1] }) },
	mul: { arity: 2, evaluate: (x) => ({ data: at(x, 0) * at(x, 1), local: [at(x, 1), at(x, 0)] }) },
	div: {
		arity: 2,
		evaluate: (x) => {
			const [a, b] = [at(x, 0), at(x, 1)];
			return { data: a / b, local: [1 / b, -a / (b * b)] };
		}
	},
	neg: { arity: 1, evaluate: (x) => ({ data: -at(x, 0), local: [-1] }) },
	pow: {
		arity: 1,
		evaluate: (x, { exponent }) => ({
			data: at(x, 0) ** exponent,
			// x^0 is the constant 1: slope 0 everywhere (0 · 0^−1 would give NaN at x = 0).
			local: [exponent === 0 ? 0 : exponent * at(x, 0) ** (exponent - 1)]
		})
	},
	exp: {
		arity: 1,
		evaluate: (x) => {
			const e = Math.exp(at(x, 0));
			return { data: e, local: [e] };
		}
	},
	log: { arity: 1, evaluate: (x) => ({ data: Math.log(at(x, 0)), local: [1 / at(x, 0)] }) },
	max: {
		arity: 'n',
		// The gradient is routed to the first input holding the maximum: a deterministic tie rule.
		evaluate: (x) => {
			let best = 0;
			for (let i = 1; i < x.length; i++) if (at(x, i) > at(x, best)) best = i;
			return { data: at(x, best), local: x.map((_, i) => (i === best ? 1 : 0)) };
		}
	},
	sigmoid: {
		arity: 1,
		evaluate: (x, { threshold, temperature }) => {
			const s = logistic((at(x, 0) - threshold) / temperature);
			return { data: s, local: [(s * (1 - s)) / temperature] };
		}
	},
	tanh: {
		arity: 1,
		evaluate: (x) => {
			const t = Math.tanh(at(x, 0));
			return { data: t, local: [1 - t * t] };
		}
	},
	relu: {
		arity: 1,
		// relu'(0) is taken as 0, as PyTorch does.
		evaluate: (x) => ({ data: Math.max(0, at(x, 0)), local: [at(x, 0) > 0 ? 1 : 0] })
	},
	leaky_relu: {
		arity: 1,
		// As relu: the slope at exactly 0 is the one from the left (PyTorch's convention).
		evaluate: (x, { slope }) => {
			const v = at(x, 0);
			return v > 0 ? { data: v, local: [1] } : { data: slope * v, local: [slope] };
		}
	},
	step: {
		arity: 1,
		evaluate: (x, { threshold, atThreshold }) => {
			const v = at(x, 0);
			const data = v > threshold ? 1 : v < threshold ? 0 : atThreshold;
			return { data, local: [0] };
		}
	},
	identity: { arity: 1, evaluate: (x) => ({ data: at(x, 0), local: [1] }) }
};
