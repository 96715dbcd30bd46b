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
		let path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
		// A shorthand such as `activation: sigmoidd` is checked as { type: sigmoidd }: report the
		// key the instructor wrote, not one that only exists after preprocessing.
		const parent = valueAt(data, path.slice(0, -1));
		if (path.length > 0 && valueAt(data, path) === undefined && parent !== null && typeof parent !== 'object' && parent !== undefined) {
			path = path.slice(0, -1);
		}
		const value = valueAt(data, path);
		if (issue.code === 'unrecognized_keys') {
			const [key] = issue.keys;
			const guess = key ? closest(key, vocabulary) : undefined;
			return {
				path: [...path, key ?? ''],
				message: `unknown key “${key}”${guess ? `: did you mean “${guess}”?` : ''}`
			};
		}
		// `w21: 0,7` in a { … } mapping reads as w21: 0 and a key 7: a decimal comma.
		if (issue.code === 'invalid_key' && /^\d+$/.test(String(path.at(-1)))) {
			const key = String(path.at(-1));
			return {
				path: path.slice(0, -1),
				message: `“${key}” is read as a name: is a number written with a decimal comma (0,${key})? Write numbers with a point, such as 0.${key}: in YAML a comma separates items`
			};
		}
		if (typeof value === 'string' && /^[-+]?\d+,\d+$/.test(value.trim())) {
			return { path, message: `“${value}” has a decimal comma: write numbers with a point, such as ${value.trim().replace(',', '.')}` };
		}
		if (value === undefined && issue.code === 'invalid_type') {
			return { path, message: `is missing: add ${String(path.at(-1) ?? 'it')}` };
		}
		const empty = value === null ? ', but it is empty' : '';
		if (issue.code === 'invalid_type' && (issue.expected === 'object' || issue.expected === 'record')) {
			return { path, message: `must be a mapping of keys to values (key: value)${empty}` };
		}
		if (issue.code === 'invalid_type' && issue.expected === 'array') {
			return { path, message: `must be a list (each item starting with “- ”)${empty}` };
		}
		if (issue.code === 'invalid_type' && issue.expected === 'boolean') {
			return { path, message: 'must be true or false' };
		}
		// One of a list of words (an activation, a loss): suggest the nearest one to a typo.
		const options = 'options' in issue ? issue.options : 'values' in issue ? issue.values : undefined;
		if (typeof value === 'string' && Array.isArray(options)) {
			const guess = closest(value, options.map(String));
			if (guess) return { path, message: `${issue.message} (did you mean “${guess}”?)` };
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
