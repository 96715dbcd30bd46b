import { describe, expect, it } from 'vitest';
import { sourceWords } from '$lib/lessons/source';
import { errorsOf, parse } from './helpers';

const lesson = (front: string) => `---\ntitle: T\norder: 1\nsummary: S.\n${front}\n---\n\nText.\n`;

describe('source: a deck, a book or a web page', () => {
	it('reads each kind and the older deck:', () => {
		expect(parse(lesson('source: { deck: 002_x.txt, title: "Backpropagation", slides: "12–33" }')).source).toEqual({ kind: 'deck', title: 'Backpropagation', file: '002_x.txt', slides: '12–33' });
		expect(parse(lesson('source: { book: "Neural Networks and Deep Learning", author: Nielsen, pages: 45 }')).source).toEqual({ kind: 'book', title: 'Neural Networks and Deep Learning', author: 'Nielsen', pages: '45' });
		expect(parse(lesson('source: { url: "https://cs231n.github.io/optimization-2/", title: "CS231n: Backpropagation, intuitions" }')).source).toEqual({ kind: 'web', title: 'CS231n: Backpropagation, intuitions', url: 'https://cs231n.github.io/optimization-2/' });
		expect(parse(lesson('deck: { file: 002_x.txt, title: D, slides: 12 }')).source).toEqual({ kind: 'deck', title: 'D', file: '002_x.txt', slides: '12' });
	});

	it('words each as the page says it', () => {
		expect(sourceWords({ kind: 'deck', title: 'Deck 002', file: 'f', slides: '12' })).toEqual({ before: 'slide 12 of ', title: 'Deck 002', after: '' });
		expect(sourceWords({ kind: 'deck', title: 'Deck 002', file: 'f', slides: '12–33' }).before).toBe('slides 12–33 of ');
		expect(sourceWords({ kind: 'book', title: 'B', author: 'A', pages: '45' })).toEqual({ before: 'p. 45 of ', title: 'B', after: ' by A' });
		expect(sourceWords({ kind: 'book', title: 'B', pages: '45-52' }).before).toBe('pp. 45-52 of ');
		expect(sourceWords({ kind: 'book', title: 'B' })).toEqual({ before: '', title: 'B', after: '' });
		expect(sourceWords({ kind: 'web', title: 'W', url: 'https://x.org/' })).toEqual({ before: '', title: 'W', after: '', href: 'https://x.org/' });
	});

	it('refuses a javascript: address, an unknown shape, and source with deck, at their lines', () => {
		expect(errorsOf(lesson('source: { url: "javascript:alert(1)", title: X }')).map((e) => [e.line, e.message])).toEqual([[5, expect.stringContaining('source')]]);
		expect(errorsOf(lesson('source: { magazine: X }'))[0]?.message).toContain('a book { book: title, author, pages }');
		expect(errorsOf(lesson('deck: { file: f.txt, title: D }\nsource: { book: B }')).map((e) => [e.line, e.message])).toEqual([[6, expect.stringContaining('keep source: and remove deck:')]]);
	});
});
