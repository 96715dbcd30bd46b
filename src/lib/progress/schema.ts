import { z } from 'zod';
import { LIMITS, PROGRESS_VERSION, VERDICTS, type Entry, type LessonProgress, type Progress } from './types';

/**
 * The exact shape of current progress. Data that fails it is not thrown away: see salvage.ts,
 * which reads it field by field with the same field schemas.
 */

/** Any own key but `__proto__`, which would replace an object's prototype when assigned. */
export const keySchema = z
	.string()
	.min(1)
	.max(LIMITS.key)
	.refine((k) => k !== '__proto__');
export const variantKeySchema = z.string().regex(/^(original|v[1-9][0-9]{0,5})$/);
export const textSchema = z.string().max(LIMITS.text);
export const verdictSchema = z.enum(VERDICTS);
export const hintsSchema = z.number().int().min(0).max(LIMITS.hints);
export const timeSchema = z.iso.datetime();

export const entrySchema = z.strictObject({
	text: textSchema,
	verdict: verdictSchema,
	revealed: z.boolean().optional(),
	hintsShown: hintsSchema.optional(),
	at: timeSchema.optional()
}) satisfies z.ZodType<Entry>;

export const lessonProgressSchema = z.strictObject({
	entries: z.record(keySchema, entrySchema),
	updatedAt: timeSchema
}) satisfies z.ZodType<LessonProgress>;

export const progressSchema = z.strictObject({
	version: z.literal(PROGRESS_VERSION),
	lessons: z.record(keySchema, z.record(variantKeySchema, lessonProgressSchema))
}) satisfies z.ZodType<Progress>;
