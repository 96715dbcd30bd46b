import { chromium, defineConfig, devices } from '@playwright/test';
import { locateBrowser } from './scripts/browser';

// `npm run test:e2e` (scripts/browser.ts) finds or installs a Chrome or Chromium and sets CHROME_PATH.
// Run directly (`npx playwright test`), the same search is made, without installing anything.
const executablePath = process.env.CHROME_PATH || locateBrowser(chromium.executablePath());
// E2E_PORT lets two runs (say, two work trees) share a machine without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0, // a flaky test is a bug to fix, not to retry away
	// Generous limits, only to stop a hang: a loaded 2-core machine is several times slower.
	timeout: 600_000,
	expect: { timeout: 30_000 },
	workers: 2,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		// A click or focus on a missing element fails within minutes, not at the test's limit.
		actionTimeout: 60_000,
		navigationTimeout: 120_000,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	// The tests run against the built, prerendered site, as it will be served.
	webServer: {
		command: `npm run build && npm run preview -- --port ${port} --strictPort`,
		url: `http://localhost:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 600_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
