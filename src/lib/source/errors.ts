/** A key path into a YAML document, e.g. ['layers', 0, 'neurons', 'h1', 'bias']. */
export type KeyPath = readonly (string | number)[];

/** A problem found in a document, located by key path; turned into a ContentError by its reader. */
export type Problem = { path: KeyPath; message: string };

/** A mistake in an instructor's file: names the file, the line and what to change. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly detail: string,
		readonly key?: string
	) {
		super(`${file}:${line}: ${key ? `${key}: ` : ''}${detail}`);
		this.name = 'ContentError';
	}
}

/** Several content errors at once, so an instructor can fix them all in one go. */
export class ContentErrors extends Error {
	constructor(readonly errors: ContentError[]) {
		super(errors.map((e) => e.message).join('\n'));
		this.name = 'ContentErrors';
	}
}

export function formatPath(path: KeyPath): string {
	return path.reduce<string>(
		(s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${key}` : key),
		''
	);
}
