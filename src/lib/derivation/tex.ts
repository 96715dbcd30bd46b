import { formatTex } from '$lib/number';

/**
 * Every piece of TeX the app writes for a quantity lives here, so that notation is consistent
 * across steps, formulas and labels. A lesson may override any quantity's label.
 */

export type Labels = Readonly<Record<string, string>>;

/**
 * `w5` → `w_{5}`, `x` → `x`, `h1` → `h_{1}`, `total` → `\text{total}`, and `w12_3` (deck 001's
 * w12 of layer 3) → `w_{12}^{(3)}`. Anything else is upright text, its underscores escaped.
 */
export function symbol(id: string): string {
	const m = /^([A-Za-z]+)_?(\d+)$/.exec(id);
	if (m) return `${letters(m[1] as string)}_{${m[2]}}`;
	const layered = /^([A-Za-z]+)(\d+)_(\d+)$/.exec(id);
	if (layered) return `${letters(layered[1] as string)}_{${layered[2]}}^{(${layered[3]})}`;
	const parts = id.split('_');
	if (parts.length === 2 && parts[0] && parts[1]) return `${letters(parts[0])}_{\\text{${parts[1]}}}`;
	return letters(id);
}

const letters = (s: string) => (s.length === 1 ? s : `\\text{${s.replace(/_/g, '\\_')}}`);

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
	// Training (nn/training.ts), gradient checks (nn/gradient-check.ts) and counts (nn/counts.ts).
	if (name === 'E_total_after_training') return 'E_{\\text{total}}^{(\\text{end})}';
	if ((m = /^E_total_epoch_(\d+)$/.exec(name))) return `E_{\\text{total}}^{(${m[1]})}`;
	if ((m = /^E_total_(plus|minus)_(.+)$/.exec(name))) {
		return `E_{\\text{total}}(${quantityTex(m[2] as string, labels)} ${m[1] === 'plus' ? '+' : '-'} \\varepsilon)`;
	}
	if ((m = /^numgrad_onesided_(.+)$/.exec(name))) return `\\tilde{g}^{\\text{one-sided}}_{${quantityTex(m[1] as string, labels)}}`;
	if ((m = /^numgrad_(.+)$/.exec(name))) return `\\tilde{g}_{${quantityTex(m[1] as string, labels)}}`;
	if ((m = /^count_(.+)$/.exec(name))) return `\\#\\text{${(m[1] as string).replace(/_/g, '\\_')}}`;
	if ((m = /^(.+)_after_(\d+)$/.exec(name))) return withSuperscript(quantityTex(m[1] as string, labels), `(${m[2]})`);
	if ((m = /^E_(.+)$/.exec(name))) return `E_${sub(m[1] as string)}`;
	if ((m = /^delta_(.+)$/.exec(name))) return `\\delta_${sub(m[1] as string)}`;
	if ((m = /^v_(.+)$/.exec(name))) return `v_{${symbol(m[1] as string)}}`;
	if ((m = /^target_(.+)$/.exec(name))) return `t_${sub(m[1] as string)}`;
	if ((m = /^(.+)_new$/.exec(name))) return withSuperscript(quantityTex(m[1] as string, labels), '+');
	return symbol(name);
}

/** `w_{5}` → `w_{5}^{+}`; a symbol that has a superscript already is grouped first (no double ^). */
const withSuperscript = (base: string, sup: string) => (base.includes('^') ? `{${base}}^{${sup}}` : `${base}^{${sup}}`);

/** A number as shown inside a substituted formula: 4 significant digits, negatives in parentheses. */
export function num(x: number, digits = 4): string {
	const s = formatTex(x, digits);
	return x < 0 && Number.isFinite(x) ? `(${s})` : s;
}

/** A number in TeX by the one rule of $lib/number (`1.23 \\times 10^{-5}`; `\\text{—}` for NaN/±Infinity). */
export const formatSignificant = (x: number, digits = 4): string => formatTex(x, digits);

export const tex = { partial, times: ' \\cdot ' };
