import { parseValName, renderTex } from '$lib/katex';
import type { LessonSession } from './session.svelte';

/**
 * Prose is rendered at build time with the lesson's own numbers. For a variant, every formula
 * that quotes a value (`\val{w1}`) is rendered again: KaTeX's MathML annotation keeps the source.
 */
export function showVariantValues(root: HTMLElement, session: LessonSession): void {
	const networks = Object.keys(session.networks);
	const values = (name: string) => {
		const { network = networks.length === 1 ? networks[0] : undefined, quantity } = parseValName(name);
		return network === undefined ? undefined : session.valueOf(network, quantity);
	};
	for (const katex of root.querySelectorAll<HTMLElement>('.prose .katex')) {
		const source = katex.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
		if (!source.includes('\\val')) continue;
		const display = katex.parentElement?.classList.contains('katex-display') ?? false;
		(display ? (katex.parentElement as HTMLElement) : katex).outerHTML = renderTex(source, { display, values });
	}
}
