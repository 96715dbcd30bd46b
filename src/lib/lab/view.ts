import type { Bounds } from './protocol';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number for the lab's text and axes: `digits` significant digits, trailing zeros dropped,
 * very small or large ones as 3.511 × 10⁻⁵. Never "NaN": what is not finite is "not a number".
 */
export function formatNumber(x: number, digits = 4): string {
	if (!Number.isFinite(x)) return 'not a number';
	if (x === 0) return '0';
	const magnitude = Math.floor(Math.log10(Math.abs(x)));
	if (magnitude < -3 || magnitude > 5) {
		const [mantissa, exponent] = x.toExponential(digits - 1).split('e') as [string, string];
		const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
		return `${trim(mantissa)} × 10${power}`;
	}
	return trim(x.toFixed(Math.max(0, digits - 1 - magnitude)));
}

/** An axis label: a power of ten as 10⁻⁵ (short enough for a log axis), else two digits. */
export function formatTick(x: number): string {
	const power = Math.log10(Math.abs(x));
	if (x > 0 && Number.isInteger(Math.round(power * 1e9) / 1e9) && (power <= -3 || power >= 5)) {
		return `10${String(Math.round(power)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
	}
	return formatNumber(x, 2);
}

const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export type LabStatus = { running: boolean; done: boolean; updates: number; epochs: number; target: number; loss?: number; accuracy?: number; error?: string };

/** A share as a percentage to one decimal: 0.934 → "93.4 %" (a no-break space before the sign). */
export function formatPercent(share: number): string {
	if (!Number.isFinite(share)) return 'not a number';
	return `${(share * 100).toFixed(1)}\u00a0%`;
}

/** One sentence on where the run is, for the page and for screen readers. */
export function statusText(s: LabStatus): string {
	if (s.error) return `Stopped: ${s.error}`;
	const where = `${plural(s.epochs, 'epoch')} of ${s.target.toLocaleString('en')}, ${plural(s.updates, 'update')}`;
	const loss = s.loss === undefined ? '' : `; error over the data set E_total = ${formatNumber(s.loss)}`;
	const accuracy = s.accuracy === undefined ? '' : `; accuracy ${formatPercent(s.accuracy)}`;
	const state = s.done ? 'Finished' : s.running ? 'Training' : s.updates === 0 ? 'Ready' : 'Paused';
	return `${state}: ${where}${loss}${accuracy}.`;
}

/**
 * Whether the live region should speak now: at once when the run changes state (paused,
 * finished, stopped), otherwise at most every `interval` ms, so a screen reader is not flooded.
 */
export function shouldAnnounce(previous: { at: number; state: string } | undefined, now: number, state: string, interval = 5000): boolean {
	if (!previous) return true;
	if (previous.state !== state) return true;
	return now - previous.at >= interval;
}

/** The range of a heat map's values, for its text alternative. */
export function rangeOf(values: number[]): { min: number; max: number } | undefined {
	let min = Infinity;
	let max = -Infinity;
	for (const v of values) {
		if (!Number.isFinite(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return min <= max ? { min, max } : undefined;
}

export const boundsText = (b: Bounds, x: string, y: string) =>
	`${x} from ${formatNumber(b.x0, 3)} to ${formatNumber(b.x1, 3)} (across), ${y} from ${formatNumber(b.y0, 3)} to ${formatNumber(b.y1, 3)} (up)`;
