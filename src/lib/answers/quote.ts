// Quoting the learner's text inside messages, kept short so a message stays readable.
const MAX = 40;

export function quote(text: string): string {
	const chars = [...text];
	return `“${chars.length > MAX ? chars.slice(0, MAX - 1).join('') + '…' : text}”`;
}

// The examples must not be anyone's answer: numbers no lesson asks for.
export const HOW_TO = 'Type a decimal such as 1.234 or an expression such as 3/7 or exp(-1.5).';
