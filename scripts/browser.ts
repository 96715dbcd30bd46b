/**
 * tsx scripts/browser.ts [COMMAND ARGS…]
 * Finds the Chrome or Chromium the end-to-end tests run in, installing one if there is none, then
 * runs COMMAND (`npm run test:e2e` runs `playwright test`) with CHROME_PATH set to it, which
 * playwright.config.ts reads. `npm test` runs it first without COMMAND, so that a missing browser is
 * installed, or reported, before the unit tests rather than minutes later.
 *
 * Search order: CHROME_PATH (if set, it must work: nothing else is tried); a Chrome or Chromium on
 * the PATH; the usual install places; Playwright's own Chromium. Nothing is installed when one is
 * found. Otherwise, in turn until one is found: Debian's `chromium` package (as root on Debian and
 * its derivatives), `npx playwright install chromium` (unless PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is
 * set); then it stops with one line saying what to install.
 *
 * Everything above the "Real machine" line is pure (file system, environment and commands come in
 * as arguments) and is unit-tested in tests/unit/browser.
 */
import { spawnSync, spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type Source = 'CHROME_PATH' | 'PATH' | 'usual place' | 'Playwright';
export type Candidate = { path: string; source: Source };

export type Machine = {
	env: Record<string, string | undefined>;
	platform: string; // process.platform
	home: string;
	/** Where Playwright's own Chromium is (or would be) installed: chromium.executablePath(). */
	playwrightPath?: string;
};

export type Found = { ok: true; path: string; source: Source } | { ok: false; message?: string };

const NAMES_ON_PATH: Record<string, string[]> = {
	win32: ['chrome.exe', 'chromium.exe'],
	default: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']
};

function usualPlaces(m: Machine): string[] {
	if (m.platform === 'darwin') {
		const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
		return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => path.posix.join(m.home, 'Applications', a))];
	}
	if (m.platform === 'win32') {
		const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].map((k) => envValue(m, k)).filter((r): r is string => !!r);
		return roots.flatMap((r) => [path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(r, 'Chromium', 'Application', 'chrome.exe')]);
	}
	return [
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable',
		'/usr/local/bin/chromium',
		'/snap/bin/chromium',
		'/opt/google/chrome/chrome'
	];
}

/** Environment variables are case-insensitive on Windows (`Path`). */
function envValue(m: Machine, name: string): string | undefined {
	if (m.platform !== 'win32') return m.env[name];
	const key = Object.keys(m.env).find((k) => k.toUpperCase() === name);
	return key === undefined ? undefined : m.env[key];
}

/** Every place to look, in order, each path once (CHROME_PATH aside: see findBrowser). */
export function candidates(m: Machine): Candidate[] {
	const p = m.platform === 'win32' ? path.win32 : path.posix;
	const dirs = (envValue(m, 'PATH') ?? '').split(m.platform === 'win32' ? ';' : ':').filter((d) => d !== '');
	const names = NAMES_ON_PATH[m.platform] ?? NAMES_ON_PATH.default!;
	const all: Candidate[] = [
		...dirs.flatMap((d) => names.map((n) => ({ path: p.join(d, n), source: 'PATH' as const }))),
		...usualPlaces(m).map((x) => ({ path: x, source: 'usual place' as const })),
		...(m.playwrightPath ? [{ path: m.playwrightPath, source: 'Playwright' as const }] : [])
	];
	const seen = new Set<string>();
	return all.filter((c) => !seen.has(c.path) && seen.add(c.path));
}

/** The first candidate that works. CHROME_PATH, when set, is the only one tried. */
export function findBrowser(m: Machine, works: (file: string) => boolean): Found {
	const chosen = m.env.CHROME_PATH;
	if (chosen) {
		return works(chosen)
			? { ok: true, path: chosen, source: 'CHROME_PATH' }
			: { ok: false, message: `CHROME_PATH=${chosen} is not a Chrome or Chromium that runs: fix it or unset it.` };
	}
	const hit = candidates(m).find((c) => works(c.path));
	return hit ? { ok: true, ...hit } : { ok: false };
}

export type System = {
	platform: string;
	isRoot: boolean;
	/** The text of /etc/os-release, if any. */
	osRelease?: string;
	hasAptGet: boolean;
	/** PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set: no download. */
	skipDownload: boolean;
};

export type Step = { name: string; commands: string[][]; env?: Record<string, string> };

function osIds(osRelease = ''): string[] {
	const field = (key: string) => osRelease.match(new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm'))?.[1] ?? '';
	return `${field('ID')} ${field('ID_LIKE')}`.toLowerCase().split(/\s+/).filter(Boolean);
}

const APT: Step = {
	name: "Debian's chromium package",
	// --reinstall also repairs a package whose files were removed; it installs one that is absent.
	commands: [
		['apt-get', 'update', '-q'],
		['apt-get', 'install', '-y', '-q', '--no-install-recommends', '--reinstall', 'chromium']
	],
	env: { DEBIAN_FRONTEND: 'noninteractive' }
};

/** What to try, in order, when no browser is found. */
export function installPlan(s: System): Step[] {
	const ids = osIds(s.osRelease);
	const apt = s.platform === 'linux' && s.isRoot && s.hasAptGet && (ids.includes('debian') || ids.includes('ubuntu'));
	// Where apt can be used, Playwright also installs the libraries its browser needs.
	const withDeps = apt;
	const download: Step[] = s.skipDownload
		? []
		: [
				{
					name: "Playwright's Chromium",
					commands: [['npx', '--no', 'playwright', 'install', ...(withDeps ? ['--with-deps'] : []), 'chromium']],
					env: { NPM_CONFIG_UPDATE_NOTIFIER: 'false' }
				}
			];
	if (!apt) return download;
	// Ubuntu's chromium package is only a wrapper around the snap, which containers lack.
	return ids.includes('ubuntu') ? [...download, APT] : [APT, ...download];
}

/** The one line printed when there is no browser and none could be installed. */
export function adviceLine(s: System): string {
	const ids = osIds(s.osRelease);
	const how =
		s.platform === 'linux' && (ids.includes('debian') || ids.includes('ubuntu'))
			? `run \`${s.isRoot ? '' : 'sudo '}apt-get install chromium\` (or \`npx playwright install --with-deps chromium\`)`
			: s.platform === 'linux'
				? 'install Chromium with your package manager (or run `npx playwright install --with-deps chromium`)'
				: 'install Google Chrome (or run `npx playwright install chromium`)';
	return `No Chrome or Chromium found for the end-to-end tests, and none could be installed: ${how}, or set CHROME_PATH to one.`;
}

export type Effects = {
	find: () => Found;
	/** Runs a step's commands; false if one of them fails. */
	run: (step: Step) => boolean;
	log: (line: string) => void;
};

/** Finds a browser; when there is none, tries each step of the plan until one is found. */
export function ensureBrowser(plan: Step[], advice: string, fx: Effects): { path: string } | { error: string } {
	let found = fx.find();
	if (found.ok) return { path: found.path };
	if (found.message) return { error: found.message };
	for (const step of plan) {
		fx.log(`No Chrome or Chromium found: installing ${step.name}…`);
		if (!fx.run(step)) continue;
		found = fx.find();
		if (found.ok) return { path: found.path };
	}
	return { error: advice };
}

// ---- Real machine -------------------------------------------------------------------------------

function isExecutableFile(file: string): boolean {
	try {
		if (!statSync(file).isFile()) return false;
		if (process.platform !== 'win32') accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** An executable that answers `--version` (on Windows, where chrome.exe opens a window instead, only the file). */
export function runs(file: string): boolean {
	if (!isExecutableFile(file)) return false;
	if (process.platform === 'win32') return true;
	const r = spawnSync(file, ['--version'], { stdio: 'ignore', timeout: 30_000 });
	return r.status === 0;
}

/** The search alone, with no install and no launch: for playwright.config.ts when CHROME_PATH is not set. */
export function locateBrowser(playwrightPath?: string): string | undefined {
	const found = findBrowser({ env: process.env, platform: process.platform, home: homedir(), playwrightPath }, isExecutableFile);
	return found.ok ? found.path : undefined;
}

function readOsRelease(): string | undefined {
	try {
		return readFileSync('/etc/os-release', 'utf8');
	} catch {
		return undefined;
	}
}

function onPath(command: string): boolean {
	return (process.env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && isExecutableFile(path.join(d, command)));
}

function runStep(step: Step): boolean {
	for (const [command, ...args] of step.commands) {
		const r = spawnSync(command!, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...step.env }, shell: process.platform === 'win32' });
		if (r.status !== 0) return false;
	}
	return true;
}

async function main(argv: string[]): Promise<number> {
	let playwrightPath: string | undefined;
	try {
		playwrightPath = (await import('@playwright/test')).chromium.executablePath();
	} catch {
		playwrightPath = undefined;
	}
	const machine: Machine = { env: process.env, platform: process.platform, home: homedir(), playwrightPath };
	const system: System = {
		platform: process.platform,
		isRoot: process.getuid?.() === 0,
		osRelease: readOsRelease(),
		hasAptGet: process.platform === 'linux' && onPath('apt-get'),
		skipDownload: !!process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD && process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD !== '0'
	};
	const result = ensureBrowser(installPlan(system), adviceLine(system), {
		find: () => findBrowser(machine, runs),
		run: runStep,
		log: (line) => console.error(line)
	});
	if ('error' in result) {
		console.error(result.error);
		return 1;
	}
	const version = spawnSync(result.path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout?.trim();
	console.log(`Browser for the end-to-end tests: ${result.path}${version ? ` (${version})` : ''}`);
	const [command, ...args] = argv;
	if (command === undefined) return 0;
	const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: result.path }, shell: process.platform === 'win32' });
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
	return new Promise((resolve) => {
		child.on('error', (e) => {
			console.error(`${command}: ${e.message}`);
			resolve(1);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	main(process.argv.slice(2)).then((code) => process.exit(code));
}
