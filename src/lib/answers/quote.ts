// Quoting the learner's text inside messages, kept short so a message stays readable.
const MAX = 40;

export function quote(text: string): string {
	const chars = [...text];
	return `“${chars.length > MAX ? chars.slice(0, MAX - 1).join('') + '…' : text}”`;
}

export const HOW_TO =
	'Type a decimal such as 0.5932 or an expression such as 1/(1+e^-0.3775).';
