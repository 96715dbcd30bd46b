// Recognises a plain decimal (maybe in scientific notation) and the precision it was typed with.
import type { Digits } from './types';

const PLAIN = /^([+-]?)(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?$/;
const TIMES_TEN = /^([+-]?)(\d+\.?\d*|\.\d+)\*10\^(?:\(([+-]?\d+)\)|([+-]?\d+))$/; // 1.2*10^-3

export interface Literal {
	value: number;
	digits: Extract<Digits, { exact: false }>;
	normalized: string;
}

/** `compact` is the normalised text without spaces; null when it is not a single number. */
export function readLiteral(compact: string): Literal | null {
	const m = PLAIN.exec(compact) ?? TIMES_TEN.exec(compact);
	if (!m) return null;
	const sign = m[1] === '-' ? '-' : '';
	const mantissa = m[2] ?? '';
	const exponentText = m[3] ?? m[4];
	const exponent = exponentText === undefined ? 0 : parseInt(exponentText, 10);
	const [whole = '', fraction = ''] = mantissa.split('.');
	const significant = (whole + fraction).replace(/^0+/, '').length;
	const trailingZeros = !mantissa.includes('.') && significant > 0 ? (/0*$/.exec(whole)?.[0].length ?? 0) : 0;
	const normalized = sign + mantissa + (exponentText === undefined ? '' : `e${exponent}`);
	return {
		value: Number(normalized),
		digits: { exact: false, decimals: fraction.length - exponent, significant, trailingZeros },
		normalized
	};
}
