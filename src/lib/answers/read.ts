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
		return fail('That could not be read. Type a decimal such as 1.234.');
	}
}

function read(text: string): Reading {
	const trimmed = typeof text === 'string' ? text.trim() : '';
	if (trimmed === '') return fail('Type a value first.');
	if (trimmed.length > MAX_LENGTH)
		return fail(`That is too long (${trimmed.length} characters). Keep an answer under ${MAX_LENGTH}.`);

	const hex = HEX.exec(trimmed)?.[0];
	if (hex !== undefined) return fail(`${quote(hex.trim())} looks like a hexadecimal number. Type a decimal.`);
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
	// (0.5935) and -(0.2) are numbers in parentheses: judged as the numbers they are.
	const wrapped = unwrap(compact);
	const inner = wrapped === null ? null : readLiteral(wrapped);
	if (inner && Number.isFinite(inner.value) && !(inner.value === 0 && inner.digits.significant > 0))
		return { ok: true, value: inner.value, digits: inner.digits, normalized: compact };
	const result = evaluateExpression(s);
	if (!result.ok) return fail(result.message);
	return {
		ok: true,
		value: result.value,
		digits: { exact: true, uncertainty: result.uncertainty, scale: result.scale },
		normalized: compact
	};
}

/** 0x10, 0xff: a hexadecimal literal (no space between 0 and x), which this box does not read. */
const HEX = /(?:^|[^\d.])0[xX][0-9a-fA-F]+/;

/** `((0.5))` → `0.5`, `-(0.5)` → `-0.5`, `-(-0.5)` → `0.5`; null when `s` is not a wrapped number. */
function unwrap(s: string): string | null {
	let negative = false;
	let changed = false;
	for (;;) {
		const m = /^([+-]?)\((.*)\)$/.exec(s);
		if (!m || !balanced(m[2] as string)) break;
		if (m[1] === '-') negative = !negative;
		s = m[2] as string;
		changed = true;
	}
	if (!changed) return null;
	if (s.startsWith('-')) [negative, s] = [!negative, s.slice(1)];
	else if (s.startsWith('+')) s = s.slice(1);
	return (negative ? '-' : '') + s;
}

function balanced(s: string): boolean {
	let depth = 0;
	for (const c of s) if ((depth += c === '(' ? 1 : c === ')' ? -1 : 0) < 0) return false;
	return depth === 0;
}

const fail = (message: string): Reading => ({ ok: false, message });
