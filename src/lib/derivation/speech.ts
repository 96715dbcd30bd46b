import { quantityTex, type Labels } from './tex';

/**
 * A quantity name in plain words, for input labels and screen readers (TeX is not read well):
 * `dE/dout_o1` → "∂E_total/∂out_o1", `w5_new` → "updated w5". A lesson's label wins, read as
 * plain text (`L`, `z_h1`), and so does every name derived from a labelled one: with E_total
 * labelled `L`, `dE/dw5` is "∂L/∂w5", `E_o1` is "L_o1" and `E_total_after_update` "L after the update".
 */
export function quantitySpeech(name: string, labels: Labels = {}): string {
	const own = labels[name];
	if (own !== undefined) return texSpeech(own);
	let m: RegExpExecArray | null;
	if ((m = /^(.+) \(local\)$/.exec(name))) return `${quantitySpeech(m[1] as string, labels)} (local)`;
	if ((m = /^d(.+)\/d(.+)$/.exec(name))) {
		const top = m[1] === 'E' ? 'E_total' : (m[1] as string);
		return `∂${quantitySpeech(top, labels)}/∂${quantitySpeech(m[2] as string, labels)}`;
	}
	if ((m = /^(.+)_new$/.exec(name))) return `updated ${quantitySpeech(m[1] as string, labels)}`;
	if (name === 'E_total_after_update') return `${quantitySpeech('E_total', labels)} after the update`;
	// Any other name a label reaches (E_o1 from E_total, v_w5 from w5 …) is read from its TeX.
	const tex = quantityTex(name, labels);
	if (tex !== quantityTex(name)) return texSpeech(tex);
	return plain(name);
}

const plain = (name: string) => name.replace(/^delta_/, 'δ_');

const SYMBOLS: Record<string, string> = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
	theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
	rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
	Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ',
	Omega: 'Ω', partial: '∂', nabla: '∇', cdot: '·', times: '×', ldots: '…', dots: '…', cdots: '⋯',
	infty: '∞', pm: '±', prime: '′', ell: 'ℓ', to: '→', rightarrow: '→', leftarrow: '←', le: '≤',
	leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', sum: 'Σ', prod: 'Π', hat: '', tilde: '',
	bar: '', vec: '', dot: '', ddot: '', overline: '', widehat: '', widetilde: ''
};

/** Commands that only space or size things: they say nothing. */
const SILENT = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'displaystyle', 'textstyle', 'quad', 'qquad', 'limits']);

/**
 * TeX as plain text a screen reader can say: `z_{h1}` → "z_h1", `\mathcal{L}` → "L",
 * `\frac{\partial L}{\partial w_{5}}` → "∂L/∂w_5", `w_{5}^{+}` → "w_5⁺", `\theta` → "θ". Styles,
 * spacing and braces go; an unknown command is read by its name.
 */
export function texSpeech(tex: string): string {
	return read(tex).replace(/\s+/g, ' ').replace(/\s*([_^/])\s*/g, '$1').trim();
}

function read(tex: string): string {
	let out = '';
	let i = 0;
	/** The next argument: a {group}, a command or one character. */
	const argument = (): string => {
		while (tex[i] === ' ') i++;
		if (tex[i] === '{') {
			const end = closing(tex, i);
			const inner = tex.slice(i + 1, end);
			i = end + 1;
			return read(inner);
		}
		if (tex[i] === '\\') {
			const m = /^\\([A-Za-z]+|.)/.exec(tex.slice(i)) as RegExpExecArray;
			i += m[0].length;
			return command(m[1] as string);
		}
		return tex[i++] ?? '';
	};
	const command = (name: string): string => {
		if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
			const [top, bottom] = [argument(), argument()];
			return `${group(top)}/${group(bottom)}`;
		}
		if (/^(text|mathrm|mathit|mathbf|mathsf|mathtt|mathcal|mathbb|boldsymbol|operatorname|textbf|textit|textrm|mathnormal|bm)$/.test(name)) return argument();
		if (name in SYMBOLS) {
			const symbol = SYMBOLS[name] as string;
			// An accent (\hat{y}) reads as its letter.
			return symbol === '' ? argument() : symbol;
		}
		if (SILENT.has(name)) return ' ';
		if (/^[,;:! ]$/.test(name)) return ' ';
		if (name === '\\') return ' ';
		if (/^[#_{}$%&|.]$/.test(name)) return name === '.' ? '' : name;
		return name;
	};
	while (i < tex.length) {
		const c = tex[i] as string;
		if (c === '\\') {
			const m = /^\\([A-Za-z]+|.)/.exec(tex.slice(i)) as RegExpExecArray;
			i += m[0].length;
			out += command(m[1] as string);
		} else if (c === '_' || c === '^') {
			i++;
			const arg = argument();
			out += c === '^' && arg === '+' ? '⁺' : c === '^' && arg === '-' ? '⁻' : `${c}${arg}`;
		} else if (c === '{') {
			const end = closing(tex, i);
			out += read(tex.slice(i + 1, end));
			i = end + 1;
		} else if (c === '~') {
			out += ' ';
			i++;
		} else {
			out += c;
			i++;
		}
	}
	return out;
}

/** The index of the brace that closes the one at `open` (the end of the text if none does). */
function closing(tex: string, open: number): number {
	let depth = 0;
	for (let j = open; j < tex.length; j++) {
		if (tex[j] === '\\') j++;
		else if (tex[j] === '{') depth++;
		else if (tex[j] === '}' && --depth === 0) return j;
	}
	return tex.length;
}

/** A fraction's part in parentheses when it is more than one symbol: (a+b)/c, but ∂L/∂w_5. */
function group(s: string): string {
	const t = s.replace(/\s+/g, ' ').replace(/∂ /g, '∂').trim();
	return /^∂?[^\s+\-·×/]+$/.test(t) ? t : `(${t})`;
}
