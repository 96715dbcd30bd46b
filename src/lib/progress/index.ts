// A learner's saved answers, per lesson and variant. Pure TypeScript: no engine, no DOM beyond KeyValueStore.
export { createProgressStore, STORE_MESSAGES, type ActionResult, type DamagedCopy, type ProgressHealth, type ProgressStore } from './store';
export { browserStorage, type KeyValueStore } from './storage';
export { answerCount, readProgress, readWhatIsReadable, type ReadResult, type ReadStatus } from './read';
export { progressSchema } from './schema';
export { describeImport, IMPORT_MESSAGES, type ImportChanges, type ImportResult } from './transfer';
export {
	BACKUP_PREFIX, IMPORT_BACKUP_KEY, ORIGINAL, PROGRESS_VERSION, STORAGE_KEY, VERDICTS, variantKey,
	type Entry, type LessonProgress, type Progress, type VariantKey, type Verdict
} from './types';
