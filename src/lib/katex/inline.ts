// Sentences with inline math, as feedback writes them: "It looks like $\sigma'$ was left out".

export type Piece = { math: boolean; text: string };

/**
 * Splits text at `$…$` into prose and TeX. A `$` without its closing partner stays prose, so a
 * stray dollar never swallows the rest of the sentence.
 */
export function splitInlineMath(text: string): Piece[] {
	const pieces: Piece[] = [];
	let rest = text;
	for (;;) {
		const open = rest.indexOf('$');
		const close = open < 0 ? -1 : rest.indexOf('$', open + 1);
		if (open < 0 || close < 0) break;
		if (open > 0) pieces.push({ math: false, text: rest.slice(0, open) });
		pieces.push({ math: true, text: rest.slice(open + 1, close) });
		rest = rest.slice(close + 1);
	}
	if (rest) pieces.push({ math: false, text: rest });
	return pieces;
}

/** The same sentence with its math as TeX source, `$` removed (a tooltip, a log). */
export function inlineMathSource(text: string): string {
	return splitInlineMath(text)
		.map((p) => p.text)
		.join('');
}
