/** The candidate nearest to `word` by edit distance, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const c of candidates) {
		const d = editDistance(word.toLowerCase(), c.toLowerCase());
		// A candidate sharing nothing with the word (w and x) is no likely typo, however short.
		if (d < bestDistance && d < Math.max(word.length, c.length) && sameKind(word, c)) [best, bestDistance] = [c, d];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
		}
		prev = row;
	}
	return prev[b.length] as number;
}

/**
 * Names such as x1, w5, b1, h1 are a letter (or two) and a number: the letter says what kind of
 * thing it is (an input, a weight, a bias, a neuron). A name that differs in those letters is
 * another kind of thing, never a typo: dE/dx1 does not mean dE/db1.
 */
function sameKind(word: string, candidate: string): boolean {
	const tail = (s: string) => /([A-Za-z]{1,2})(\d+)$/.exec(s.split(/[/_]/).at(-1) ?? '');
	const [a, b] = [tail(word), tail(candidate)];
	if (!a || !b) return true;
	return a[1]!.toLowerCase() === b[1]!.toLowerCase() || word.split(/[/_]/).at(-1)!.length > 3;
}
