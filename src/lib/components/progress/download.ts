/** Offers `text` to the learner as a file download. */
export function download(text: string, filename: string): void {
	const blob = new Blob([text], { type: 'application/json' });
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = filename;
	link.click();
	URL.revokeObjectURL(link.href);
}
