// Catches the usual slips before parsing, so the message can name the slip
// instead of repeating a parser error.
import { isConstant, isFunction } from './math';
import { HOW_TO, quote } from './quote';

const ALLOWED = /[^0-9.+\-*/^() a-zπ_]/;
const WORD = /[a-zπ_][a-z0-9_]*/g;

/** A message for the learner, or null when `s` (normalised) may go to the parser. */
export function checkText(s: string, typed: string): string | null {
	return (
		badCharacter(s) ??
		twoDecimalPoints(s, typed) ??
		spaceInNumber(s) ??
		twoSigns(s) ??
		unbalanced(s) ??
		unknownWord(s) ??
		dangling(s)
	);
}

function badCharacter(s: string): string | null {
	const c = ALLOWED.exec(s)?.[0];
	if (c === undefined) return null;
	if (c === '%') return 'Write a percentage as a decimal: 50% is 0.5.';
	if (c === '=') return 'Type only the value, not an equation (no “=”).';
	return `${quote(c)} can't be used in an answer. Use digits, a decimal point, + - * / ^ and parentheses.`;
}

function twoDecimalPoints(s: string, typed: string): string | null {
	const n = s.match(/[\d.]+/g)?.find((t) => t.indexOf('.') !== t.lastIndexOf('.'));
	if (n === undefined) return null;
	const comma = typed.includes(',') ? ' (a comma counts as a decimal point; there are no thousands separators)' : '';
	return `${quote(n)} has two decimal points${comma}. A number has at most one.`;
}

function spaceInNumber(s: string): string | null {
	const m = /[\d.]+ [\d.]+/.exec(s);
	return m ? `${quote(m[0])} has a space inside a number. Remove it, or put * between two numbers.` : null;
}

function twoSigns(s: string): string | null {
	const m = /[+-] ?[+-]/.exec(s);
	return m
		? `${quote(s)} has two signs in a row (${quote(m[0])}). Keep one, or use parentheses as in 1-(-0.2).`
		: null;
}

function unbalanced(s: string): string | null {
	let depth = 0;
	for (const c of s) {
		if (c === '(') depth++;
		if (c === ')' && --depth < 0) return `${quote(s)} has a “)” without a matching “(”.`;
	}
	return depth > 0 ? `${quote(s)} has a “(” that is never closed.` : null;
}

function unknownWord(s: string): string | null {
	for (const m of s.matchAll(WORD)) {
		const word = m[0];
		const at = m.index;
		const afterNumber = /[\d.]/.test(s[at - 1] ?? '');
		if (afterNumber && /^e\d+$/.test(word)) continue; // 1e3
		if (afterNumber && word === 'e') {
			if (/^[+-]\d/.test(s.slice(at + 1))) continue; // 1e-3
			const num = /[\d.]*$/.exec(s.slice(0, at))?.[0] ?? '';
			return `${quote(num + 'e')} is unclear. For scientific notation write it like ${num}e-3; for a multiple of Euler's number write ${num}*e.`;
		}
		if (isConstant(word) || isFunction(word)) continue;
		if (word === s) return `${quote(s)} is not a number. ${HOW_TO}`;
		return `${quote(word)} in ${quote(s)} is not a number or a function this box knows. Use e, pi, exp, ln, log or sqrt.`;
	}
	return null;
}

function dangling(s: string): string | null {
	const end = /[+\-*/^]$/.exec(s)?.[0];
	if (end !== undefined) return `${quote(s)} is unfinished: something is missing after ${quote(end)}.`;
	const start = /^[*/^]/.exec(s)?.[0];
	return start !== undefined ? `${quote(s)} starts with ${quote(start)}: something is missing before it.` : null;
}
