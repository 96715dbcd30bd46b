/**
 * A scripted check of `npm run dev` (not part of npm test: it needs a dev server and edits a file).
 * Run in a copy of the tree, never in a work tree others use:
 *   npx vite dev --port 5199 &   then   node tests/dev/live-reload.mjs http://localhost:5199
 * It breaks one lesson file and checks: the home page lists it as broken and the other lessons
 * still answer 200; its page shows its file:line error; the open home page updates after each save
 * (content, the mistake, the fix) without a manual reload. It restores the file at the end.
 * CHROME_PATH overrides the browser (default /usr/bin/chromium).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:5199';
const limit = Number(process.argv[3] ?? 60_000);
const name = readdirSync('content').filter((f) => f.endsWith('.md')).sort()[0];
const file = `content/${name}`;
const slug = name.replace(/\.md$/, '').replace(/^\d+-/, '');
const original = readFileSync(file, 'utf8');
const title = /^title: (.*)$/m.exec(original)[1];
const failures = [];
const check = (ok, what) => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures.push(what);
};
const timed = async (what, wait) => {
	const t0 = Date.now();
	try {
		await wait();
		check(true, `${what} (${Date.now() - t0} ms after the save)`);
	} catch {
		check(false, `${what}: not within ${limit} ms`);
	}
};

const browser = await chromium.launch({
	executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
	const page = await browser.newPage();
	await page.goto(`${base}/`, { waitUntil: 'domcontentloaded', timeout: 300_000 });
	await page.getByRole('link', { name: title }).waitFor({ timeout: limit });

	writeFileSync(file, original.replace(/^title: .*$/m, 'title: Title After Save'));
	await timed('the open page shows a saved title', () => page.getByRole('link', { name: 'Title After Save' }).waitFor({ timeout: limit }));

	writeFileSync(file, original.replace(/^order: .*$/m, 'order: oops'));
	await timed('the open page lists the lesson as broken', () => page.getByRole('heading', { name: 'Lessons with a mistake' }).waitFor({ timeout: limit }));
	const listed = await page.locator('.broken pre').first().textContent();
	check(listed?.startsWith(`${file}:3: order:`), `the home page names ${file}:3 (${listed})`);

	const request = page.context().request;
	const others = readdirSync('content').filter((f) => f.endsWith('.md') && f !== name).map((f) => f.replace(/\.md$/, '').replace(/^\d+-/, ''));
	const home = await request.get(`${base}/`);
	check(home.status() === 200, `the home page answers ${home.status()}`);
	for (const other of others) {
		const res = await request.get(`${base}/lessons/${other}`, { timeout: 300_000 });
		check(res.status() === 200, `/lessons/${other} answers ${res.status()}`);
	}
	const own = await request.get(`${base}/lessons/${slug}`);
	const text = await own.text();
	check(own.status() === 500 && text.includes(`${file}:3: order: must be a number`), `/lessons/${slug} answers ${own.status()} with its own file:line error`);

	writeFileSync(file, original);
	await timed('the open page drops the mistake after the fix', () => page.getByRole('link', { name: title }).waitFor({ timeout: limit }));
} finally {
	writeFileSync(file, original);
	await browser.close();
}
console.log(failures.length === 0 ? 'live reload: all checks passed' : `live reload: ${failures.length} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
