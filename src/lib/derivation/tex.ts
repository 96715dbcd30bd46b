/**
 * Every piece of TeX the app writes for a quantity lives here, so that notation is consistent
 * across steps, formulas and labels. A lesson may override any quantity's label.
 */

export type Labels = Readonly<Record<string, string>>;

/** `w5` → `w_{5}`, `x` → `x`, `h1` → `h_{1}`, `total` → `\text{total}`. */
export function symbol(id: string): string {
	const m = /^([A-Za-z]+)_?(\d+)$/.exec(id);
	if (m) return `${letters(m[1] as string)}_{${m[2]}}`;
	const parts = id.split('_');
	if (parts.length === 2 && parts[0] && parts[1]) return `${letters(parts[0])}_{\\text{${parts[1]}}}`;
	return letters(id);
}

const letters = (s: string) => (s.length === 1 ? s : `\\text{${s}}`);

/** Subscript for a neuron inside net/out: Mazur's notation writes net_{h1}; a word (and, xor) upright. */
const sub = (neuron: string) => {
	const escaped = neuron.replace(/_/g, '\\_');
	return /[A-Za-z]{2}/.test(neuron) ? `{\\mathrm{${escaped}}}` : `{${escaped}}`;
};

const partial = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

/** The TeX label of a quantity name from the trace (see $lib/nn trace names). */
export function quantityTex(name: string, labels: Labels = {}): string {
	const own = labels[name];
	if (own !== undefined) return own;
	const ratio = /^d(.+)\/d(.+)$/.exec(name);
	if (ratio) {
		const [, top, bottom] = ratio as unknown as [string, string, string];
		return partial(top === 'E' ? quantityTex('E_total', labels) : quantityTex(top, labels), quantityTex(bottom, labels));
	}
	let m: RegExpExecArray | null;
	if ((m = /^(net|out)_(.+)$/.exec(name))) return `\\mathrm{${m[1]}}_${sub(m[2] as string)}`;
	if (name === 'E_total') return 'E_{\\text{total}}';
	if (name === 'E_total_after_update') return 'E_{\\text{total}}^{+}';
	if ((m = /^E_(.+)$/.exec(name))) return `E_${sub(m[1] as string)}`;
	if ((m = /^delta_(.+)$/.exec(name))) return `\\delta_${sub(m[1] as string)}`;
	if ((m = /^v_(.+)$/.exec(name))) return `v_{${symbol(m[1] as string)}}`;
	if ((m = /^target_(.+)$/.exec(name))) return `t_${sub(m[1] as string)}`;
	if ((m = /^(.+)_new$/.exec(name))) return `${quantityTex(m[1] as string, labels)}^{+}`;
	return symbol(name);
}

/** A number as shown inside a substituted formula: 4 significant digits, negatives in parentheses. */
export function num(x: number, digits = 4): string {
	if (!Number.isFinite(x)) return '\\text{—}';
	const s = formatSignificant(x, digits);
	return x < 0 ? `(${s})` : s;
}

/** Significant digits without exponent notation for ordinary magnitudes, and no trailing zeros. */
export function formatSignificant(x: number, digits = 4): string {
	if (x === 0) return '0';
	const magnitude = Math.floor(Math.log10(Math.abs(x)));
	if (magnitude < -6 || magnitude > 9) {
		const [mantissa, exponent] = x.toExponential(digits - 1).split('e') as [string, string];
		return `${trimZeros(mantissa)} \\times 10^{${Number(exponent)}}`;
	}
	const decimals = Math.max(0, digits - 1 - magnitude);
	return trimZeros(x.toFixed(decimals));
}

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

export const tex = { partial, times: ' \\cdot ' };
