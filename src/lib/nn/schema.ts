import { z } from 'zod';

/** Names are identifiers so that they read well in quantity names such as `dE/dw5`. */
export const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const name = z.string().regex(NAME, {
	error: 'a name starts with a letter and has only letters, digits and _'
});
const num = z.number({ error: 'must be a number (not text or a list)' }).refine(Number.isFinite, {
	error: 'must be a finite number'
});
/** A weight or bias is a parameter's name, or a fixed number that is never trained. */
const weight = z.union([name, num], { error: 'must be a parameter name (like w1) or a number' });

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'step', 'identity', 'linear'] as const;

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
			z.strictObject({ type: z.enum(['tanh', 'relu', 'identity', 'linear']) })
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

export const LOSSES = ['half-squared-error', 'squared-error', 'mean-squared-error'] as const;

export const networkSchema = z.strictObject({
	inputs: z.record(name, num),
	layers: z.array(layer).min(1, { error: 'a network needs at least one layer' }),
	parameters: z.record(name, num).default({}),
	targets: z.record(name, num).optional(),
	loss: z.enum(LOSSES, { error: `must be one of ${LOSSES.join(', ')}` }).default('half-squared-error'),
	learningRate: num.refine((x) => x > 0, { error: 'must be above 0' }).optional(),
	update: z.strictObject({ biases: z.boolean().default(true) }).default({ biases: true })
});

export const graphSchema = z.strictObject({
	values: z.record(name, num),
	define: z.record(name, z.union([z.string(), num], { error: 'must be an expression such as x + y' })),
	output: name
});

export type NetworkSpec = z.output<typeof networkSchema>;
export type GraphSpec = z.output<typeof graphSchema>;
export type Activation = NetworkSpec['layers'][number]['activation'];
export type Loss = (typeof LOSSES)[number];
export type ModelSpec = ({ kind: 'network' } & NetworkSpec) | ({ kind: 'graph' } & GraphSpec);
