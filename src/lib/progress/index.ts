// A learner's saved answers, per lesson and variant. Pure TypeScript: no engine, no DOM beyond KeyValueStore.
export { createProgressStore, type ProgressStore } from './store';
export { browserStorage, type KeyValueStore } from './storage';
export { readProgress, type ReadResult, type ReadStatus } from './read';
export { progressSchema } from './schema';
export { IMPORT_MESSAGES, type ImportResult } from './transfer';
export {
	BACKUP_PREFIX, ORIGINAL, PROGRESS_VERSION, STORAGE_KEY, VERDICTS, variantKey,
	type Entry, type LessonProgress, type Progress, type VariantKey, type Verdict
} from './types';
