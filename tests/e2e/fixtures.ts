/**
 * Shared e2e fixtures. Import `test` and `expect` from here, not from '@playwright/test':
 *
 *   import { test, expect, gotoHydrated, expectNoAxeViolations } from './fixtures';
 *
 * - Every test fails if any page logged a console error or threw an uncaught exception.
 *   A test that expects an error can allow it: `test.use({ allowedConsoleErrors: [/pattern/] })`.
 * - `waitForHydration(page)` / `gotoHydrated(page, url)`: prerendered pages ignore clicks until
 *   Svelte has hydrated them; the root layout marks `body[data-hydrated="true"]` when it has.
 * - `expectNoAxeViolations(page)`: an axe scan against WCAG 2.2 AA finds nothing.
 * - `verdictOf(page, input)`: the verdict of an answer box (the first of its descriptions).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Fixtures {
	/** Console errors to tolerate in this test (matched against the message text). */
	allowedConsoleErrors: RegExp[];
	/** Console errors and uncaught page errors seen so far; checked automatically after each test. */
	consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
	allowedConsoleErrors: [[], { option: true }],
	consoleErrors: [
		async ({ context, allowedConsoleErrors }, use) => {
			const errors: string[] = [];
			const allowed = (text: string) => allowedConsoleErrors.some((pattern) => pattern.test(text));
			context.on('console', (message) => {
				if (message.type() !== 'error' || allowed(message.text())) return;
				const { url, lineNumber } = message.location();
				errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
			});
			context.on('weberror', (webError) => {
				const error = webError.error();
				if (allowed(error.message)) return;
				errors.push(`uncaught ${error.name}: ${error.message}`);
			});
			await use(errors);
			expect(errors, 'the pages logged errors').toEqual([]);
		},
		{ auto: true }
	]
});

/** Waits until Svelte has hydrated the page, so that clicks and typing are handled. */
export async function waitForHydration(page: Page): Promise<void> {
	await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Goes to `url` and waits for hydration. */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await waitForHydration(page);
}

/** Fails with a readable list if axe finds WCAG 2.2 AA violations in the page as it is now. */
export async function expectNoAxeViolations(
	page: Page,
	options: { include?: string; exclude?: string[] } = {}
): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS);
	if (options.include) builder = builder.include(options.include);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	const readable = violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		help: violation.help,
		nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
	}));
	expect(readable, 'axe found accessibility violations').toEqual([]);
}

/** The verdict of an answer box: the live region its description lists first (the accepted precision follows). */
export async function verdictOf(page: Page, input: Locator): Promise<Locator> {
	const [verdict] = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/);
	return page.locator(`[id="${verdict}"]`);
}
