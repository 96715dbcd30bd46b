/**
 * What a learner has done, as saved in the browser. Plain JSON data, versioned as a whole.
 *
 * Progress
 * └─ lessons[slug]                       a lesson, by its catalogue slug (`backprop-step-by-step`)
 *    └─ [variant]                        'original' (the lesson's own numbers) or 'v17' (?variant=17)
 *       ├─ updatedAt                     ISO time of the last change; the newer one wins on import
 *       └─ entries["network:quantity"]   one asked quantity (`network:dE/dw5`)
 *          ├─ text                       what the learner last typed, as typed
 *          ├─ verdict                    the judge's verdict for that text
 *          ├─ revealed?                  the learner asked to see the answer
 *          ├─ hintsShown?                how many hints were opened
 *          └─ at?                        ISO time this entry was saved (an import keeps the newer entry)
 */
export type Progress = {
	version: typeof PROGRESS_VERSION;
	lessons: Record<string, Record<VariantKey, LessonProgress>>;
};

export type LessonProgress = {
	entries: Record<string, Entry>;
	updatedAt: string;
};

export type Entry = {
	text: string;
	verdict: Verdict;
	revealed?: boolean;
	hintsShown?: number;
	/** When this entry was saved; entries saved before it existed count as of their lesson's updatedAt. */
	at?: string;
};

/** The same four verdicts as `$lib/answers` (kept separate: progress does not import the judge). */
export const VERDICTS = ['correct', 'close', 'incorrect', 'unreadable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 'original' for the lesson's own numbers, `v${seed}` for a "new numbers" variant. */
export type VariantKey = string;
export const ORIGINAL = 'original';

/** The variant key of a `?variant=` seed (null: the lesson's own numbers). */
export const variantKey = (seed: number | null): VariantKey => (seed === null ? ORIGINAL : `v${seed}`);

export const PROGRESS_VERSION = 1;
export const STORAGE_KEY = 'backprop-tutor:progress';
/** Followed by an ISO time: the raw text of saved data that could not be read in full. */
export const BACKUP_PREFIX = 'backprop-tutor:progress:corrupt:';
/** The local progress as it was before the last import, so that one click can undo the import. */
export const IMPORT_BACKUP_KEY = 'backprop-tutor:progress:before-import';
/** Written and removed at once, to learn whether storage takes a write at all. */
export const PROBE_KEY = 'backprop-tutor:probe';

/** Limits well above anything the page writes (it refuses answers over 200 characters). */
export const LIMITS = { text: 1000, key: 200, hints: 1000, fileChars: 5_000_000 } as const;

/** The time of data whose age is unknown (migrated or damaged): anything dated wins over it. */
export const UNKNOWN_TIME = new Date(0).toISOString();

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });
