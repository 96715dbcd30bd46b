/** A quantity name in plain words, for input labels and screen readers (TeX is not read well). */
export function quantitySpeech(name: string): string {
	let m: RegExpExecArray | null;
	if ((m = /^d(.+)\/d(.+)$/.exec(name))) {
		const top = m[1] === 'E' ? 'E_total' : (m[1] as string);
		return `∂${plain(top)}/∂${plain(m[2] as string)}`;
	}
	if ((m = /^(.+)_new$/.exec(name))) return `updated ${plain(m[1] as string)}`;
	if (name === 'E_total_after_update') return 'E_total after the update';
	return plain(name);
}

const plain = (name: string) => name.replace(/^delta_/, 'δ_');
