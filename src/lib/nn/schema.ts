import { z } from 'zod';

/** Names are identifiers so that they read well in quantity names such as `dE/dw5`. */
export const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const name = z.string().regex(NAME, {
	error: 'a name starts with a letter and has only letters, digits and _'
});
// YAML reads 1e309 as Infinity, which z.number() refuses: say why rather than "not a number".
const num = z.number({ error: (issue) => (typeof issue.input === 'number' && !Number.isNaN(issue.input) ? 'is too large: a number must lie between −1.8e308 and 1.8e308 (float64)' : 'must be a number (not text or a list)') }).refine(Number.isFinite, {
	error: 'must be a finite number'
});
/** A weight or bias is a parameter's name, or a fixed number that is never trained. */
const weight = z.union([name, num], { error: 'must be a parameter name (like w1) or a number' });

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'step', 'identity', 'linear', 'softmax'] as const;

const activation = z.preprocess(
	(a) => (typeof a === 'string' ? { type: a } : a),
	z.discriminatedUnion(
		'type',
		[
			z.strictObject({
				type: z.literal('sigmoid'),
				threshold: num.default(0),
				temperature: num.refine((t) => t > 0, { error: 'must be above 0' }).default(1)
			}),
			z.strictObject({
				type: z.literal('step'),
				threshold: num.default(0),
				/** What the threshold itself gives; the decks differ (≥ fires in one, > in another). */
				atThreshold: z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' }).default(1)
			}),
			z.strictObject({
				type: z.literal('leaky-relu'),
				/** The slope below 0; 0 would be a plain ReLU, 1 a linear neuron. */
				slope: num.refine((s) => s > 0 && s < 1, { error: 'must be above 0 and below 1 (0.01 is usual)' }).default(0.01)
			}),
			// softmax is one function of the whole layer (each out reads every net): last layer only.
			z.strictObject({ type: z.enum(['tanh', 'relu', 'identity', 'linear', 'softmax']) })
		],
		{ error: `must be one of ${ACTIVATIONS.join(', ')}` }
	)
);

const neuron = z.strictObject({
	inputs: z.record(name, weight),
	bias: weight.optional()
});

const layer = z.strictObject({
	activation,
	neurons: z.record(name, neuron)
});

export const LOSSES = ['half-squared-error', 'squared-error', 'mean-squared-error', 'cross-entropy', 'binary-cross-entropy'] as const;

export const TRAINING_MODES = ['incremental', 'batch'] as const;

/** One example of a data set: a value for every input, a target for every output. */
const example = z.strictObject({ inputs: z.record(name, num), targets: z.record(name, num) });

/** Deck 001's gradient check: E_total with one parameter moved by ±ε, against backprop's dE/dP. */
const gradientCheck = z.strictObject({
	epsilon: num.refine((x) => x > 0, { error: 'must be above 0 (the slides use 1e-4)' }).default(1e-4)
});

const training = z.strictObject({
	mode: z.enum(TRAINING_MODES, { error: `must be one of ${TRAINING_MODES.join(', ')}` }).default('incremental'),
	epochs: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(1),
	/** Batch mode: examples per update (mini-batches in order; the last may be smaller). Default: all. */
	batchSize: z.int({ error: 'must be a whole number of examples' }).min(1, { error: 'must be at least 1' }).optional(),
	/** Batch mode: the mean of the batch's gradients instead of their sum (deck 000 sums). */
	average: z.boolean({ error: 'must be true or false' }).default(false),
	/** Update numbers k to report (P_after_k, E_total_after_k, E_total_epoch_k): for long runs. */
	report: z.array(z.int({ error: 'must be a whole number (an update number)' }).min(1, { error: 'must be at least 1 (updates count from 1)' })).min(1, { error: 'list at least one update number, e.g. report: [1, 100]' }).max(100, { error: 'at most 100 update numbers' }).optional()
});

export const networkSchema = z.strictObject({
	inputs: z.record(name, num),
	layers: z.array(layer).min(1, { error: 'a network needs at least one layer' }),
	parameters: z.record(name, num).default({}),
	targets: z.record(name, num).optional(),
	loss: z.enum(LOSSES, { error: `must be one of ${LOSSES.join(', ')}` }).default('half-squared-error'),
	learningRate: num.refine((x) => x > 0, { error: 'must be above 0' }).optional(),
	update: z.strictObject({ biases: z.boolean().default(true) }).default({ biases: true }),
	/** λ of the momentum rule (see update.ts); without it an update is plain gradient descent. */
	momentum: num.refine((x) => x >= 0 && x < 1, { error: 'must be at least 0 and below 1' }).optional(),
	/** L2 weight decay λ₂ (see update.ts): every update adds λ₂·w to a weight's gradient; biases are left out. */
	weightDecay: num.refine((x) => x >= 0, { error: 'must be at least 0' }).optional(),
	/** Velocities before the first momentum update; 0 for a parameter not named. */
	velocities: z.record(name, num).optional(),
	/** Examples for the training quantities; inputs and targets above stay the traced example. */
	data: z.array(example).min(1, { error: 'a data set needs at least one example' }).optional(),
	training: training.optional(),
	/** Finite differences for every parameter (see gradient-check.ts); needs targets. */
	gradientCheck: gradientCheck.optional()
});

/** A positive whole number of neurons. */
const size = z.int({ error: 'must be a whole number of neurons' }).min(1, { error: 'must be at least 1' });

/** Sizes of the input layer, the hidden layers and the output layer; fully connected. */
export const architectureSchema = z.strictObject({
	architecture: z.strictObject({
		// `25` is read as { size: 25 }, so that `{ size: 100, repeat: 10 }` is checked key by key.
		layers: z
			.array(z.preprocess((l) => (typeof l === 'object' && l !== null ? l : { size: l }), z.strictObject({ size, repeat: z.int({ error: 'must be a whole number of layers' }).min(1, { error: 'must be at least 1' }).default(1) })))
			.min(1, { error: 'list the sizes of the input, hidden and output layers, as in [3, 25, 12]' }),
		biases: z.boolean().default(true)
	})
});

export const graphSchema = z.strictObject({
	values: z.record(name, num),
	define: z.record(name, z.union([z.string(), num], { error: 'must be an expression such as x + y' })),
	output: name
});

export type NetworkSpec = z.output<typeof networkSchema>;
export type GraphSpec = z.output<typeof graphSchema>;
export type ArchitectureSpec = z.output<typeof architectureSchema>;
export type Example = z.output<typeof example>;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export type Activation = NetworkSpec['layers'][number]['activation'];
export type Loss = (typeof LOSSES)[number];
export type ModelSpec =
	| ({ kind: 'network' } & NetworkSpec)
	| ({ kind: 'graph' } & GraphSpec)
	| ({ kind: 'architecture' } & ArchitectureSpec);
