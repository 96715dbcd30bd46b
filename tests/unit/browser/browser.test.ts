import { describe, expect, it } from 'vitest';
import { adviceLine, candidates, ensureBrowser, findBrowser, installPlan, type Found, type Machine, type Step, type System } from '../../../scripts/browser';

const PLAYWRIGHT = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const linux = (env: Record<string, string> = {}): Machine => ({ env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env }, platform: 'linux', home: '/home/ana', playwrightPath: PLAYWRIGHT });
/** A fake file system: the files that exist and run. */
const having = (...files: string[]) => (file: string) => files.includes(file);

describe('finding a browser', () => {
	it('takes CHROME_PATH first, even when a system Chromium is there', () => {
		expect(findBrowser(linux({ CHROME_PATH: '/opt/chrome/chrome' }), having('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ ok: true, path: '/opt/chrome/chrome', source: 'CHROME_PATH' });
	});

	it('tries nothing else when CHROME_PATH does not run, and says so in one line', () => {
		const found = findBrowser(linux({ CHROME_PATH: '/nowhere/chrome' }), having('/usr/bin/chromium'));
		expect(found).toEqual({ ok: false, message: expect.stringContaining('CHROME_PATH=/nowhere/chrome') });
		expect(found.ok || found.message).not.toContain('\n');
	});

	it('ignores an empty CHROME_PATH', () => {
		expect(findBrowser(linux({ CHROME_PATH: '' }), having('/usr/bin/chromium'))).toMatchObject({ ok: true, path: '/usr/bin/chromium' });
	});

	it('looks on the PATH in its order before the usual places', () => {
		const m = linux({ PATH: '/home/ana/bin:/usr/bin' });
		expect(findBrowser(m, having('/home/ana/bin/google-chrome', '/usr/bin/chromium', '/opt/google/chrome/chrome'))).toEqual({ ok: true, path: '/home/ana/bin/google-chrome', source: 'PATH' });
		expect(findBrowser(m, having('/usr/bin/google-chrome', '/usr/bin/chromium'))).toMatchObject({ path: '/usr/bin/chromium' });
	});

	it('finds the usual places on Linux when the PATH has none', () => {
		const m = linux({ PATH: '/bin' });
		for (const file of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium', '/opt/google/chrome/chrome']) {
			expect(findBrowser(m, having(file))).toEqual({ ok: true, path: file, source: 'usual place' });
		}
	});

	it("takes Playwright's own Chromium last", () => {
		expect(findBrowser(linux(), having(PLAYWRIGHT))).toEqual({ ok: true, path: PLAYWRIGHT, source: 'Playwright' });
		expect(findBrowser(linux(), having(PLAYWRIGHT, '/snap/bin/chromium'))).toMatchObject({ path: '/snap/bin/chromium' });
		expect(candidates(linux()).at(-1)).toEqual({ path: PLAYWRIGHT, source: 'Playwright' });
	});

	it('finds nothing on an empty machine, without a message (so that one gets installed)', () => {
		expect(findBrowser(linux(), having())).toEqual({ ok: false });
		expect(findBrowser({ ...linux(), playwrightPath: undefined, env: {} }, having())).toEqual({ ok: false });
	});

	it('lists each path once, at its first place', () => {
		const paths = candidates(linux({ PATH: '/usr/bin:/usr/bin' })).map((c) => c.path);
		expect(new Set(paths).size).toBe(paths.length);
		expect(candidates(linux({ PATH: '/usr/bin' })).find((c) => c.path === '/usr/bin/chromium')?.source).toBe('PATH');
	});

	it('knows the macOS application paths, in /Applications and ~/Applications', () => {
		const mac: Machine = { env: { PATH: '/usr/bin:/opt/homebrew/bin' }, platform: 'darwin', home: '/Users/ana' };
		const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
		const mine = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium';
		expect(findBrowser(mac, having(chrome, mine))).toEqual({ ok: true, path: chrome, source: 'usual place' });
		expect(findBrowser(mac, having(mine))).toEqual({ ok: true, path: mine, source: 'usual place' });
	});

	it('reads Path and the program folders on Windows', () => {
		const win: Machine = { env: { Path: 'C:\\Tools;C:\\Windows', ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ana' };
		expect(findBrowser(win, having('C:\\Tools\\chrome.exe'))).toMatchObject({ path: 'C:\\Tools\\chrome.exe', source: 'PATH' });
		const installed = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
		expect(findBrowser(win, having(installed))).toMatchObject({ path: installed, source: 'usual place' });
		const user = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
		expect(findBrowser(win, having(user))).toMatchObject({ path: user, source: 'usual place' });
	});
});

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const RASPBIAN = 'ID=raspbian\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const system = (s: Partial<System>): System => ({ platform: 'linux', isRoot: true, osRelease: DEBIAN, hasAptGet: true, skipDownload: false, ...s });
const names = (plan: Step[]) => plan.map((s) => s.commands.at(-1)!.join(' '));
const APT = 'apt-get install -y -q --no-install-recommends --reinstall chromium';
const DOWNLOAD = 'npx --no playwright install chromium';
const DOWNLOAD_WITH_DEPS = 'npx --no playwright install --with-deps chromium';

describe('deciding what to install', () => {
	it("installs Debian's chromium as root on Debian (after apt-get update), then tries Playwright's download", () => {
		const plan = installPlan(system({}));
		expect(names(plan)).toEqual([APT, DOWNLOAD_WITH_DEPS]);
		expect(plan[0]!.commands[0]).toEqual(['apt-get', 'update', '-q']);
		expect(plan[0]!.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
		expect(names(installPlan(system({ osRelease: RASPBIAN })))).toEqual([APT, DOWNLOAD_WITH_DEPS]);
	});

	it("tries Playwright's download first on Ubuntu and its derivatives, whose chromium is a snap", () => {
		expect(names(installPlan(system({ osRelease: UBUNTU })))).toEqual([DOWNLOAD_WITH_DEPS, APT]);
		expect(names(installPlan(system({ osRelease: MINT })))).toEqual([DOWNLOAD_WITH_DEPS, APT]);
	});

	it('uses no package manager without root, without apt-get, or elsewhere', () => {
		expect(names(installPlan(system({ isRoot: false })))).toEqual([DOWNLOAD]);
		expect(names(installPlan(system({ hasAptGet: false })))).toEqual([DOWNLOAD]);
		expect(names(installPlan(system({ osRelease: FEDORA })))).toEqual([DOWNLOAD]);
		expect(names(installPlan(system({ osRelease: undefined })))).toEqual([DOWNLOAD]);
		expect(names(installPlan(system({ platform: 'darwin', isRoot: false, osRelease: undefined, hasAptGet: false })))).toEqual([DOWNLOAD]);
		expect(names(installPlan(system({ platform: 'win32', isRoot: false, osRelease: undefined, hasAptGet: false })))).toEqual([DOWNLOAD]);
	});

	it('downloads nothing when PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set', () => {
		expect(names(installPlan(system({ skipDownload: true })))).toEqual([APT]);
		expect(installPlan(system({ platform: 'darwin', isRoot: false, skipDownload: true }))).toEqual([]);
	});

	it('says in one line what to install', () => {
		for (const s of [system({}), system({ isRoot: false }), system({ osRelease: FEDORA }), system({ platform: 'darwin', osRelease: undefined })]) {
			expect(adviceLine(s)).not.toContain('\n');
			expect(adviceLine(s)).toContain('CHROME_PATH');
		}
		expect(adviceLine(system({ isRoot: false }))).toContain('sudo apt-get install chromium');
		expect(adviceLine(system({}))).not.toContain('sudo');
		expect(adviceLine(system({ platform: 'darwin', osRelease: undefined }))).toContain('npx playwright install chromium');
	});
});

describe('setting up', () => {
	const plan = installPlan(system({}));
	/** A machine where the browser appears after the given step (by index), or never. */
	const machine = (present: boolean, appearsAfter?: number, failing: number[] = []) => {
		let found: Found = present ? { ok: true, path: '/usr/bin/chromium', source: 'PATH' } : { ok: false };
		const ran: string[] = [];
		const logged: string[] = [];
		const fx = {
			find: () => found,
			run: (step: Step) => {
				const i = plan.indexOf(step);
				ran.push(step.name);
				if (failing.includes(i)) return false;
				if (i === appearsAfter) found = { ok: true, path: '/usr/bin/chromium', source: 'usual place' };
				return true;
			},
			log: (line: string) => logged.push(line)
		};
		return { fx, ran, logged };
	};

	it('installs nothing when a browser is there', () => {
		const { fx, ran, logged } = machine(true);
		expect(ensureBrowser(plan, 'advice', fx)).toEqual({ path: '/usr/bin/chromium' });
		expect(ran).toEqual([]);
		expect(logged).toEqual([]);
	});

	it('stops at the first step that gives a browser', () => {
		const { fx, ran } = machine(false, 0);
		expect(ensureBrowser(plan, 'advice', fx)).toEqual({ path: '/usr/bin/chromium' });
		expect(ran).toEqual([plan[0]!.name]);
	});

	it('goes on to the next step when one fails', () => {
		const { fx, ran, logged } = machine(false, 1, [0]);
		expect(ensureBrowser(plan, 'advice', fx)).toEqual({ path: '/usr/bin/chromium' });
		expect(ran).toEqual(plan.map((s) => s.name));
		expect(logged).toHaveLength(2);
	});

	it('stops with the advice when no step gives a browser', () => {
		const { fx, ran } = machine(false, undefined, [1]);
		expect(ensureBrowser(plan, 'install Chromium', fx)).toEqual({ error: 'install Chromium' });
		expect(ran).toHaveLength(2);
		expect(ensureBrowser([], 'install Chromium', machine(false).fx)).toEqual({ error: 'install Chromium' });
	});

	it('installs nothing when CHROME_PATH is wrong, and says why', () => {
		const { fx, ran } = machine(false, 0);
		fx.find = () => ({ ok: false, message: 'CHROME_PATH=/x is not a Chrome or Chromium that runs: fix it or unset it.' });
		expect(ensureBrowser(plan, 'advice', fx)).toEqual({ error: expect.stringContaining('CHROME_PATH=/x') });
		expect(ran).toEqual([]);
	});
});
