import { answerCount, losesData, readProgress, readWhatIsReadable } from './read';
import { salvageEntry } from './salvage';
import { keySchema, variantKeySchema } from './schema';
import { guard, type KeyValueStore } from './storage';
import { describeImport, exportText, mergeProgress, readExport, type ImportResult } from './transfer';
import {
	BACKUP_PREFIX, emptyProgress, IMPORT_BACKUP_KEY, ORIGINAL, PROBE_KEY, STORAGE_KEY, UNKNOWN_TIME,
	type Entry, type LessonProgress, type Progress, type VariantKey
} from './types';

/** Saved text that could not be read in full, kept as it was. */
export type DamagedCopy = {
	/** The storage key that holds it. */
	key: string;
	/** When it was found damaged and copied aside (undefined while it is still in place). */
	foundAt?: string;
	/** The text exactly as it was saved, for the learner to download. */
	text: string;
	/** How many answers in it can still be read (and restored). */
	answers: number;
	/**
	 * Still under the progress key: storage had no room for a copy, so nothing is saved until it
	 * is dealt with (restore what is readable, or delete it, after downloading it).
	 */
	inPlace: boolean;
};

/** What the page should tell the learner about their saved progress. */
export type ProgressHealth = {
	/** ok: saving works; full: the last save hit the storage quota; blocked: storage refused; none: no storage. */
	storage: 'ok' | 'full' | 'blocked' | 'none';
	damaged: DamagedCopy[];
	/** The progress from before the last import, which undoImport() brings back. */
	importBackup?: { at: string; answers: number };
};

export type ActionResult = { ok: boolean; message: string };

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
	/** Clears progress, damaged copies and the import backup; false when storage refused. */
	resetAll(): boolean;
	exportJson(): string;
	/** Merges a file answer by answer, after keeping a copy of the progress here (see undoImport). */
	importJson(text: string): ImportResult;
	/** Brings back the progress from before the last import. */
	undoImport(): ActionResult;
	/** Damaged copies, storage trouble and the import backup: what the learner should be told. */
	health(): ProgressHealth;
	/** Merges what is readable in a damaged copy into the progress (the newer answer wins). */
	restoreDamaged(key: string): ActionResult;
	/** Deletes a damaged copy (one in place keeps its readable answers in the new saved progress). */
	discardDamaged(key: string): ActionResult;
	/** Called when health() may have changed: a save failed, damage was found, an action ran. */
	subscribe(listener: () => void): () => void;
	/** Entries done (verdict correct, or answer revealed), at most `totalAsked`. */
	completion(slug: string, totalAsked: number, variant?: VariantKey): { done: number; total: number };
};

export const STORE_MESSAGES = {
	full: 'This browser’s storage for the site is full, so the change could not be saved: it lasts until you close the page. Export your progress to a file to keep it.',
	blocked: 'This browser does not let the page save, so the change lasts until you close the page.',
	noBackup: 'There is no copy from before an import.',
	undone: 'Your progress is back as it was before the import.',
	noCopy: 'That damaged copy is gone already.',
	deleted: 'The damaged copy was deleted.'
} as const;

/**
 * A learner's progress in `store` (localStorage in the browser) under one key. Nothing here
 * throws: storage that fails switches the store to memory (`available` becomes false, and
 * health() says why), and saved text that cannot be read in full is first copied to a backup key
 * so that nothing is lost when the cleaned-up version is written over it; if there is no room for
 * the copy, the text stays in place and health() reports it.
 */
export function createProgressStore(store: KeyValueStore | null, now: () => Date = () => new Date()): ProgressStore {
	const io = guard(store);
	let memory = emptyProgress();
	let available = store !== null;
	/** The damaged text is still under STORAGE_KEY (no room to copy it aside). */
	let damagedInPlace = false;
	/** The progress from before the last import, when storage could not keep it. */
	let importBackupInMemory: string | undefined;
	const listeners = new Set<() => void>();
	const notify = () => listeners.forEach((l) => l());

	const stamp = () => {
		try {
			return now().toISOString();
		} catch {
			return UNKNOWN_TIME; // an invalid Date
		}
	};
	const toMemory = (progress: Progress) => {
		if (available) queueNotify();
		available = false;
		memory = progress;
		return progress;
	};
	// Listeners learn of a failure found while reading after the call that found it returns.
	const queueNotify = () => queueMicrotask(notify);

	function read(): Progress {
		if (!available) return memory;
		const raw = io.get(STORAGE_KEY);
		if (!raw.ok) return toMemory(memory);
		const { progress, status } = readProgress(raw.value);
		if (losesData(status)) {
			// Never write over data we could not read in full unless a copy of it is safe.
			if (!backUp(raw.value as string)) {
				damagedInPlace = true;
				return toMemory(progress);
			}
			queueNotify();
			if (!io.set(STORAGE_KEY, JSON.stringify(progress))) return toMemory(progress);
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

	/** Writes progress; false (and the store in memory, listeners told) when storage refuses. */
	function write(progress: Progress): boolean {
		memory = progress;
		if (!available) return false;
		if (io.set(STORAGE_KEY, JSON.stringify(progress))) return true;
		available = false;
		notify();
		return false;
	}

	/** After space was freed: try storage again with what is in memory. */
	function retry(): boolean {
		if (available || !store || damagedInPlace || io.failure !== 'full') return available;
		available = true;
		if (!io.set(STORAGE_KEY, JSON.stringify(memory))) available = false;
		return available;
	}

	/**
	 * Whether storage takes a write at all (site data blocked for writing, a quota already used up),
	 * found once, when health is first asked: so the home page can tell the learner before any of
	 * their answers goes unsaved, not only after the first save fails.
	 */
	let probed = false;
	function probe(): void {
		if (probed || !available || !store) return;
		probed = true;
		if (io.set(PROBE_KEY, '1')) io.remove(PROBE_KEY);
		else available = false;
	}

	const failureMessage = () => (io.failure === 'full' ? STORE_MESSAGES.full : STORE_MESSAGES.blocked);

	const lessonOf = (progress: Progress, slug: string) =>
		Object.hasOwn(progress.lessons, slug) ? progress.lessons[slug] : undefined;

	function lessonProgress(slug: string, variant: VariantKey): LessonProgress | undefined {
		const variants = lessonOf(read(), slug);
		return variants && Object.hasOwn(variants, variant) ? structuredClone(variants[variant]) : undefined;
	}

	// Counting the readable answers of a large damaged text takes a moment: once per text.
	const counted = new Map<string, { text: string; answers: number }>();
	function damagedCopy(key: string, inPlace: boolean): DamagedCopy[] {
		const raw = io.get(key);
		if (!raw.ok || raw.value === null) return [];
		let known = counted.get(key);
		if (known?.text !== raw.value) counted.set(key, (known = { text: raw.value, answers: answerCount(readWhatIsReadable(raw.value)) }));
		const foundAt = inPlace ? undefined : key.slice(BACKUP_PREFIX.length);
		return [{ key, text: raw.value, answers: known.answers, inPlace, ...(foundAt ? { foundAt } : {}) }];
	}

	function importBackupText(): string | undefined {
		const saved = io.get(IMPORT_BACKUP_KEY);
		return saved.ok && saved.value !== null ? saved.value : importBackupInMemory;
	}

	/** Deletes the damaged text kept in place, then saves what is in memory (its readable part and any new answers). */
	function replaceInPlace(): boolean {
		if (!io.remove(STORAGE_KEY)) return false;
		damagedInPlace = false;
		counted.delete(STORAGE_KEY);
		return retry();
	}

	return {
		get available() {
			return available;
		},
		load: () => structuredClone(read()),
		saveEntry(slug, variant, key, entry) {
			const clean = salvageEntry({ ...entry, at: stamp() });
			const valid = keySchema.safeParse(slug).success && variantKeySchema.safeParse(variant).success;
			if (!clean || !valid || !keySchema.safeParse(key).success) return false;
			const progress = read();
			const variants = lessonOf(progress, slug) ?? {};
			const before = Object.hasOwn(variants, variant) ? variants[variant]?.entries : undefined;
			variants[variant] = { entries: { ...before, [key]: clean }, updatedAt: clean.at ?? stamp() };
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
			importBackupInMemory = undefined;
			counted.clear();
			let cleared = store !== null;
			for (const key of [STORAGE_KEY, IMPORT_BACKUP_KEY, ...io.keys(BACKUP_PREFIX)]) cleared = io.remove(key) && cleared;
			if (cleared) {
				damagedInPlace = false;
				available = true;
			} else if (store) available = false;
			notify();
			return cleared;
		},
		exportJson: () => exportText(read(), stamp()),
		importJson(text) {
			const file = readExport(text);
			if (!file.ok) return file;
			const local = read();
			const { progress, changes } = mergeProgress(local, file.progress);
			const all = { ...changes, damaged: file.damaged };
			let message = describeImport(all);
			if (all.added + all.replaced > 0) {
				const backup = exportText(local, stamp());
				importBackupInMemory = io.set(IMPORT_BACKUP_KEY, backup) ? undefined : backup;
				if (!write(progress)) message += ` ${failureMessage()}`;
				else message += ' Your answers from before the import are kept: “Undo the import” brings them back.';
				notify();
			}
			return { ok: true, changes: all, message };
		},
		undoImport() {
			const text = importBackupText();
			const backup = text === undefined ? undefined : readExport(text);
			if (!backup?.ok) return { ok: false, message: STORE_MESSAGES.noBackup };
			read();
			const saved = write(backup.progress);
			importBackupInMemory = undefined;
			if (saved) io.remove(IMPORT_BACKUP_KEY);
			notify();
			return { ok: true, message: saved ? STORE_MESSAGES.undone : `${STORE_MESSAGES.undone} ${failureMessage()}` };
		},
		health() {
			read();
			probe(); // after reading: what is saved is in memory before the store may switch to it
			const damaged = [
				...(damagedInPlace ? damagedCopy(STORAGE_KEY, true) : []),
				...io.keys(BACKUP_PREFIX).flatMap((key) => damagedCopy(key, false))
			];
			const storage = store === null ? 'none' : available ? 'ok' : (io.failure ?? 'blocked');
			const text = importBackupText();
			const backup = text === undefined ? undefined : readExport(text);
			const at = backup?.ok && text ? (JSON.parse(text) as { exportedAt?: unknown }).exportedAt : undefined;
			return {
				storage,
				damaged,
				...(backup?.ok ? { importBackup: { at: typeof at === 'string' ? at : UNKNOWN_TIME, answers: answerCount(backup.progress) } } : {})
			};
		},
		restoreDamaged(key) {
			if (key === STORAGE_KEY && damagedInPlace) {
				const ok = replaceInPlace();
				notify();
				return { ok, message: ok ? `Restored ${answerCount(memory)} readable answers; the damaged text was deleted.` : failureMessage() };
			}
			const copy = key.startsWith(BACKUP_PREFIX) ? damagedCopy(key, false)[0] : undefined;
			if (!copy) return { ok: false, message: STORE_MESSAGES.noCopy };
			const { progress, changes } = mergeProgress(read(), readWhatIsReadable(copy.text));
			const restored = changes.added + changes.replaced;
			const saved = restored === 0 || write(progress);
			notify();
			const what = restored === 0 ? 'Nothing to restore: every readable answer in the copy is already here or older.' : `Restored ${restored} answer${restored === 1 ? '' : 's'} from the damaged copy.`;
			return { ok: saved, message: saved ? `${what} The copy is kept until you delete it.` : `${what} ${failureMessage()}` };
		},
		discardDamaged(key) {
			let ok: boolean;
			if (key === STORAGE_KEY) ok = damagedInPlace && replaceInPlace();
			else ok = key.startsWith(BACKUP_PREFIX) && io.remove(key);
			counted.delete(key);
			if (ok) retry();
			notify();
			return { ok, message: ok ? STORE_MESSAGES.deleted : STORE_MESSAGES.noCopy };
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		completion(slug, totalAsked, variant = ORIGINAL) {
			const total = Number.isFinite(totalAsked) ? Math.max(0, Math.floor(totalAsked)) : 0;
			const entries = Object.values(lessonProgress(slug, variant)?.entries ?? {});
			const done = entries.filter((e) => e.verdict === 'correct' || e.revealed === true).length;
			return { done: Math.min(done, total), total };
		}
	};
}
