import { losesData, readProgress } from './read';
import { salvageEntry } from './salvage';
import { keySchema, variantKeySchema } from './schema';
import { guard, type KeyValueStore } from './storage';
import { exportText, mergeProgress, readExport, type ImportResult } from './transfer';
import {
	BACKUP_PREFIX, emptyProgress, ORIGINAL, STORAGE_KEY, UNKNOWN_TIME,
	type Entry, type LessonProgress, type Progress, type VariantKey
} from './types';

export type ProgressStore = {
	/** False once storage failed (blocked, full, unreadable): work is then kept in memory for this session. */
	readonly available: boolean;
	/** Everything saved, read afresh (another tab may have saved since). */
	load(): Progress;
	/** Saves one answer; false (and nothing saved) when the slug, variant, key or entry is invalid. */
	saveEntry(slug: string, variant: VariantKey, key: string, entry: Entry): boolean;
	lessonProgress(slug: string, variant: VariantKey): LessonProgress | undefined;
	/** Forgets one variant of a lesson, or all its variants when `variant` is left out. */
	resetLesson(slug: string, variant?: VariantKey): void;
	resetAll(): void;
	exportJson(): string;
	importJson(text: string): ImportResult;
	/** Entries done (verdict correct, or answer revealed), at most `totalAsked`. */
	completion(slug: string, totalAsked: number, variant?: VariantKey): { done: number; total: number };
};

/**
 * A learner's progress in `store` (localStorage in the browser) under one key. Nothing here
 * throws: storage that fails switches the store to memory for the rest of the session
 * (`available` becomes false), and saved text that cannot be read in full is first copied to a
 * backup key so that nothing is lost when the cleaned-up version is written over it.
 */
export function createProgressStore(store: KeyValueStore | null, now: () => Date = () => new Date()): ProgressStore {
	const io = guard(store);
	let memory = emptyProgress();
	let available = store !== null;

	const stamp = () => {
		try {
			return now().toISOString();
		} catch {
			return UNKNOWN_TIME; // an invalid Date
		}
	};
	const toMemory = (progress: Progress) => {
		available = false;
		memory = progress;
		return progress;
	};

	function read(): Progress {
		if (!available) return memory;
		const raw = io.get(STORAGE_KEY);
		if (!raw.ok) return toMemory(memory);
		const { progress, status } = readProgress(raw.value);
		// Never write over data we could not read in full unless a copy of it is safe.
		if (losesData(status) && !(backUp(raw.value as string) && io.set(STORAGE_KEY, JSON.stringify(progress)))) {
			return toMemory(progress);
		}
		memory = progress;
		return progress;
	}

	function backUp(raw: string): boolean {
		const base = BACKUP_PREFIX + stamp();
		for (let i = 1; i <= 20; i++) {
			const key = i === 1 ? base : `${base}-${i}`;
			const existing = io.get(key);
			if (existing.ok && existing.value === null) return io.set(key, raw);
		}
		return false;
	}

	function write(progress: Progress): void {
		memory = progress;
		if (available && !io.set(STORAGE_KEY, JSON.stringify(progress))) available = false;
	}

	const lessonOf = (progress: Progress, slug: string) =>
		Object.hasOwn(progress.lessons, slug) ? progress.lessons[slug] : undefined;

	function lessonProgress(slug: string, variant: VariantKey): LessonProgress | undefined {
		const variants = lessonOf(read(), slug);
		return variants && Object.hasOwn(variants, variant) ? structuredClone(variants[variant]) : undefined;
	}

	return {
		get available() {
			return available;
		},
		load: () => structuredClone(read()),
		saveEntry(slug, variant, key, entry) {
			const clean = salvageEntry(entry);
			const valid = keySchema.safeParse(slug).success && variantKeySchema.safeParse(variant).success;
			if (!clean || !valid || !keySchema.safeParse(key).success) return false;
			const progress = read();
			const variants = lessonOf(progress, slug) ?? {};
			const before = Object.hasOwn(variants, variant) ? variants[variant]?.entries : undefined;
			variants[variant] = { entries: { ...before, [key]: clean }, updatedAt: stamp() };
			progress.lessons[slug] = variants;
			write(progress);
			return true;
		},
		lessonProgress,
		resetLesson(slug, variant) {
			const progress = read();
			const variants = lessonOf(progress, slug);
			if (!variants) return;
			if (variant === undefined) delete progress.lessons[slug];
			else {
				delete variants[variant];
				if (Object.keys(variants).length === 0) delete progress.lessons[slug];
			}
			write(progress);
		},
		resetAll() {
			memory = emptyProgress();
			if (available && !io.remove(STORAGE_KEY)) available = false;
		},
		exportJson: () => exportText(read(), stamp()),
		importJson(text) {
			const file = readExport(text);
			if (!file.ok) return file;
			const { progress, merged } = mergeProgress(read(), file.progress);
			write(progress);
			return { ok: true, merged };
		},
		completion(slug, totalAsked, variant = ORIGINAL) {
			const total = Number.isFinite(totalAsked) ? Math.max(0, Math.floor(totalAsked)) : 0;
			const entries = Object.values(lessonProgress(slug, variant)?.entries ?? {});
			const done = entries.filter((e) => e.verdict === 'correct' || e.revealed === true).length;
			return { done: Math.min(done, total), total };
		}
	};
}
