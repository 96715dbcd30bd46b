// Reads what a learner typed into a number and the precision they expressed. Never throws.
import { checkText } from './check';
import { evaluateExpression } from './evaluate';
import { readLiteral } from './literal';
import { normalize } from './normalize';
import { quote } from './quote';
import type { Reading } from './types';

export type { Digits, Reading } from './types';

/** Longer input is refused: answers are short, and it bounds the parser's work. */
export const MAX_LENGTH = 200;

export function readAnswer(text: string): Reading {
	try {
		return read(text);
	} catch {
		// A bug of ours must not reach the learner as a crash.
		return fail('That could not be read. Type a decimal such as 0.5932.');
	}
}

function read(text: string): Reading {
	const trimmed = typeof text === 'string' ? text.trim() : '';
	if (trimmed === '') return fail('Type a value first.');
	if (trimmed.length > MAX_LENGTH)
		return fail(`That is too long (${trimmed.length} characters). Keep an answer under ${MAX_LENGTH}.`);

	const s = normalize(trimmed);
	if (s === '') return fail('Type a value first.');
	const problem = checkText(s, trimmed);
	if (problem !== null) return fail(problem);

	const compact = s.replace(/ /g, '');
	const literal = readLiteral(compact);
	if (literal) {
		if (!Number.isFinite(literal.value)) return fail(`${quote(compact)} is too large to work with.`);
		if (literal.value === 0 && literal.digits.significant > 0)
			return fail(`${quote(compact)} is too close to zero to work with.`);
		return { ok: true, ...literal };
	}
	const result = evaluateExpression(s);
	if (!result.ok) return fail(result.message);
	return { ok: true, value: result.value, digits: { exact: true }, normalized: compact };
}

const fail = (message: string): Reading => ({ ok: false, message });
