import type { z } from 'zod';
import type { KeyPath, Problem } from './errors';
import { closest } from './suggest';

/** Turns a schema's complaints into plain problems an instructor can act on. */
/** `vocabulary` lists the keys the schema knows, for “did you mean” suggestions. */
export function schemaProblems(
	error: z.ZodError,
	data: unknown,
	vocabulary: readonly string[] = []
): Problem[] {
	return error.issues.map((issue) => {
		const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
		if (issue.code === 'unrecognized_keys') {
			const [key] = issue.keys;
			const guess = key ? closest(key, vocabulary) : undefined;
			return {
				path: [...path, key ?? ''],
				message: `unknown key “${key}”${guess ? `: did you mean “${guess}”?` : ''}`
			};
		}
		if (valueAt(data, path) === undefined && issue.code === 'invalid_type') {
			return { path, message: `is missing: add ${String(path.at(-1) ?? 'it')}` };
		}
		if (issue.code === 'invalid_type' && issue.expected === 'object') {
			return { path, message: 'must be a mapping of keys to values (key: value)' };
		}
		if (issue.code === 'invalid_type' && issue.expected === 'array') {
			return { path, message: 'must be a list (each item starting with “- ”)' };
		}
		return { path, message: issue.message };
	});
}

function valueAt(data: unknown, path: KeyPath): unknown {
	let node = data;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string | number, unknown>)[key];
	}
	return node;
}
