// Turns typography into the plain ASCII the parser understands.
// Superscripts go first: NFKC would flatten 10⁻³ into 10-3.

const SUPERSCRIPT: Record<string, string> = {
	'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
	'⁺': '+', '⁻': '-', '⁽': '(', '⁾': ')'
};
const SUPERSCRIPT_RUN = /\^?\s*([⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾]+)/g;
const DASHES = /[\u02D7\u2010-\u2015\u2212\u2796\uFE58\uFE63\uFF0D]/g;
const TIMES = /[\u00D7\u00B7\u2022\u2217\u2219\u22C5\u2715\u2716\u2A2F]/g;
const DIVIDE = /[\u00F7\u2044\u2215]/g;

export function normalize(text: string): string {
	return text
		.replace(SUPERSCRIPT_RUN, (_, run: string) => `^(${[...run].map((c) => SUPERSCRIPT[c] ?? c).join('')})`)
		.normalize('NFKC')
		.replace(DASHES, '-')
		.replace(TIMES, '*')
		.replace(DIVIDE, '/')
		.replace(/,/g, '.') // a decimal comma: this app has no thousands separators
		.replace(/\[/g, '(')
		.replace(/\]/g, ')')
		.replace(/\*\s*\*/g, '^') // Python's power
		.replace(/√\s*\(/g, 'sqrt(')
		.replace(/√\s*([\d.]+)/g, 'sqrt($1)')
		.replace(/([\d.)])\s*[xX]\s*(?=[\d.(])/g, '$1*') // 1.2x10^-3, 2 x 3
		.replace(/[A-Za-z]+/g, (w) => w.toLowerCase()) // phones capitalise: Exp(1), E^-2
		.replace(/\s+/g, ' ')
		.trim();
}
