import { parseValName, renderTex } from '$lib/katex';
import type { LessonSession } from '$lib/lessons/session.svelte';

/**
 * Prose is rendered at build time with the lesson's own numbers, and with the values the lesson
 * asks for hidden. On the page, every formula that quotes a value (`\val{w1}`) is rendered again:
 * with the variant's numbers, and showing an asked value once the learner has found it. KaTeX's
 * MathML annotation keeps the source, so the formula can be rendered again.
 */
export function showProseValues(root: HTMLElement, session: LessonSession): void {
	const networks = Object.keys(session.networks);
	const values = (name: string) => {
		const { network = networks.length === 1 ? networks[0] : undefined, quantity } = parseValName(name);
		if (network === undefined) return undefined;
		return session.isSettled(network, quantity) ? session.valueOf(network, quantity) : null;
	};
	for (const katex of root.querySelectorAll<HTMLElement>('.prose .katex')) {
		const source = katex.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
		if (!source.includes('\\val')) continue;
		const display = katex.parentElement?.classList.contains('katex-display') ?? false;
		const html = renderTex(source, { display, values });
		const host = display ? (katex.parentElement as HTMLElement) : katex;
		if (host.outerHTML !== html) host.outerHTML = html;
	}
}
