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
	// Every error quantity is written from E_total's TeX, so that a label for it (L) reaches them
	// all: L_{o1}, L^{+}, L^{(3)}, L(w_5 + ε).
	const total = labels['E_total'] ?? 'E_{\\text{total}}';
	if (name === 'E_total') return total;
	if (name === 'E_total_after_update') return withSuperscript(total, '+');
	// Training (nn/training.ts), gradient checks (nn/gradient-check.ts) and counts (nn/counts.ts).
	if (name === 'E_total_after_training') return withSuperscript(total, '(\\text{end})');
	if ((m = /^E_total_epoch_(\d+)$/.exec(name))) return withSuperscript(total, `(${m[1]})`);
	if ((m = /^E_total_(plus|minus)_(.+)$/.exec(name))) {
		return `${total}(${quantityTex(m[2] as string, labels)} ${m[1] === 'plus' ? '+' : '-'} \\varepsilon)`;
	}
	if ((m = /^numgrad_onesided_(.+)$/.exec(name))) return `\\tilde{g}^{\\text{one-sided}}_{${quantityTex(m[1] as string, labels)}}`;
	if ((m = /^numgrad_(.+)$/.exec(name))) return `\\tilde{g}_{${quantityTex(m[1] as string, labels)}}`;
	if ((m = /^count_(.+)$/.exec(name))) return `\\#\\text{${(m[1] as string).replace(/_/g, '\\_')}}`;
	if ((m = /^(.+)_after_(\d+)$/.exec(name))) return withSuperscript(quantityTex(m[1] as string, labels), `(${m[2]})`);
	if ((m = /^E_(.+)$/.exec(name))) return withSubscript(labels['E_total'] === undefined ? 'E' : total, sub(m[1] as string));
	if ((m = /^delta_(.+)$/.exec(name))) return `\\delta_${sub(m[1] as string)}`;
	if ((m = /^v_(.+)$/.exec(name))) return `v_{${quantityTex(m[1] as string, labels)}}`;
	if ((m = /^target_(.+)$/.exec(name))) return `t_${sub(m[1] as string)}`;
	if ((m = /^(.+)_new$/.exec(name))) return withSuperscript(quantityTex(m[1] as string, labels), '+');
	return symbol(name);
}

/** `w_{5}` → `w_{5}^{+}`; a symbol that has a superscript already is grouped first (no double ^). */
const withSuperscript = (base: string, sup: string) => (base.includes('^') ? `{${base}}^{${sup}}` : `${base}^{${sup}}`);

/** `L` → `L_{o1}`; a label with a subscript (or superscript) of its own is grouped first. */
const withSubscript = (base: string, subscript: string) => (/[_^]/.test(base) ? `{${base}}_${subscript}` : `${base}_${subscript}`);

/** A number as shown inside a substituted formula: 4 significant digits, negatives in parentheses. */
export function num(x: number, digits = 4): string {
	const s = formatTex(x, digits);
	return x < 0 && Number.isFinite(x) ? `(${s})` : s;
}

/**
 * A number written by `num` as the whole argument of a function, where its own parentheses would
 * double the function's: `\\tanh((-4))` → `\\tanh(-4)`. Anything else is returned as it is.
 */
export const bare = (s: string) => (/^\(-[^()]*\)$/.test(s) ? s.slice(1, -1) : s);

/**
 * The right-hand side with numbers, then its value: `0.4 \\cdot 2 = 0.8`. When the numbers are
 * the value already (a given step reads one number), the value is written once: `0.4`, not `0.4 = 0.4`.
 */
export function withValue(substituted: string, value: number): string {
	const result = formatSignificant(value);
	return bare(substituted.trim()) === result ? result : `${substituted} = ${result}`;
}

/** A number in TeX by the one rule of $lib/number (`1.23 \\times 10^{-5}`; `\\text{—}` for NaN/±Infinity). */
export const formatSignificant = (x: number, digits = 4): string => formatTex(x, digits);

export const tex = { partial, times: ' \\cdot ' };

/**
 * Math inside a step's rule, between \( and \): the rule is words with the quantities written as
 * the page writes them (their labels), never their internal names. `ruleParts` splits it again.
 * A label cannot hold \) (it is valid TeX), so the delimiters are unambiguous.
 */
export const inline = (t: string) => `\\(${t}\\)`;

/** A rule's words and math, in order: `'a \\(x\\) b'` → `[{text: 'a '}, {tex: 'x'}, {text: ' b'}]`. */
export function ruleParts(rule: string): Array<{ text: string } | { tex: string }> {
	const parts: Array<{ text: string } | { tex: string }> = [];
	const re = /\\\((.*?)\\\)/g;
	let at = 0;
	for (let m: RegExpExecArray | null; (m = re.exec(rule)); at = re.lastIndex) {
		if (m.index > at) parts.push({ text: rule.slice(at, m.index) });
		parts.push({ tex: m[1] as string });
	}
	if (at < rule.length) parts.push({ text: rule.slice(at) });
	return parts;
}
