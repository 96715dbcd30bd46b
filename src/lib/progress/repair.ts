/**
 * JSON cut short (a full disk, a crash mid-write, one missing closing brace) made parseable again:
 * open strings, arrays and objects are closed, and a trailing half-written member is dropped,
 * cutting back one comma at a time. Undefined when the text is broken in some other way (a
 * closing bracket of the wrong kind) or nothing parseable is found. Never throws.
 */
export function parseTruncatedJson(text: string): { value: unknown } | undefined {
	// Each attempt scans the text once; a few cuts are enough for a cut-off member.
	const MAX_CUTS = 8;
	let candidate = text;
	for (let cut = 0; cut <= MAX_CUTS; cut++) {
		const closed = closeOpen(candidate.replace(/[\s,:]+$/, ''));
		if (closed === undefined) return undefined;
		try {
			return { value: JSON.parse(closed) };
		} catch {
			const comma = candidate.lastIndexOf(',');
			if (comma <= 0) return undefined;
			candidate = candidate.slice(0, comma);
		}
	}
	return undefined;
}

/** `text` with its open string and brackets closed, or undefined if its brackets do not match. */
function closeOpen(text: string): string | undefined {
	const open: string[] = [];
	let inString = false;
	let escaped = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (escaped) escaped = false;
			else if (ch === '\\') escaped = true;
			else if (ch === '"') inString = false;
		} else if (ch === '"') inString = true;
		else if (ch === '{') open.push('}');
		else if (ch === '[') open.push(']');
		else if (ch === '}' || ch === ']') {
			if (open.pop() !== ch) return undefined;
		}
	}
	let closed = text;
	if (inString) closed = (escaped ? closed.slice(0, -1) : closed) + '"';
	return closed + open.reverse().join('');
}
