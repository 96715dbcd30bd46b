/**
 * npm run bench:page [-- --seconds S] [--port P]
 * Measures the main thread of the built site in headless Chromium: long tasks (over 50 ms) while
 * each lesson with a training lab loads, and while all of its labs train for S seconds (10 by
 * default). Prints one line per lesson and the machine's load average, then a JSON summary.
 * A benchmark, not a test: it never fails on a number. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { locateBrowser } from './browser';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	const value = i >= 0 ? Number(args[i + 1]) : fallback;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
	return value;
};
const seconds = option('seconds', 10);
const port = option('port', 4399);

if (!existsSync('build/index.html')) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

/** Lessons with a :::training block, by slug. */
const lessons = readdirSync('content')
	.filter((f) => f.endsWith('.md') && /^:::+training\{/m.test(readFileSync(`content/${f}`, 'utf8')))
	.map((f) => f.replace(/^\d+-/, '').replace(/\.md$/, ''));

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const base = `http://localhost:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || locateBrowser(chromium.executablePath()), args: ['--headless', '--no-sandbox', '--disable-gpu'] });

type Result = { lesson: string; load: number[]; training: number[]; labs: number };
const results: Result[] = [];
try {
	await waitFor(base);
	for (const lesson of lessons) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.addInitScript(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
		});
		await page.goto(`${base}/lessons/${lesson}`);
		await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 120_000 });
		await page.waitForTimeout(1000);
		const load = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
		const trains = page.getByRole('button', { name: 'Train', exact: true });
		const labs = await trains.count();
		// A started lab's button becomes Pause: the first Train button left is the next lab's.
		for (let i = 0; i < labs; i++) await trains.first().click({ timeout: 120_000 });
		await page.waitForTimeout(seconds * 1000);
		const training = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
		results.push({ lesson, load, training, labs });
		const ms = (xs: number[]) => (xs.length ? `${xs.length} (${xs.map((d) => d.toFixed(0)).join(', ')} ms)` : '0');
		console.log(`${lesson}: long tasks at load ${ms(load)}; while ${labs} lab(s) trained for ${seconds} s: ${ms(training)}`);
		await page.close();
	}
} finally {
	await browser.close();
	server.kill();
}
console.log(`load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
console.log(JSON.stringify({ seconds, load: loadavg(), results }));

async function waitFor(url: string): Promise<void> {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the preview server did not answer at ${url}`);
}
