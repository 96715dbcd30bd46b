import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers here: use the system Chromium (Debian's package
// at /usr/bin/chromium), or set CHROME_PATH to another Chrome/Chromium.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets two runs (say, two work trees) share a machine without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0, // a flaky test is a bug to fix, not to retry away
	workers: 2,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${port}`,
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
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
