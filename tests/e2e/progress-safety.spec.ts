import { expect, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf, typed } from './trace';

const FILE = 'content/60-backprop-step-by-step.md';
const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf(FILE);

/** Saved progress from a newer app version (unreadable here), holding one answer of the lesson. */
const fromNewerVersion = (text: string) =>
	JSON.stringify({
		version: 99,
		lessons: { 'backprop-step-by-step': { original: { updatedAt: '2025-03-01T10:00:00.000Z', entries: { 'network:net_h1': { text, verdict: 'correct' } } } } }
	});

test('a learner whose saved progress is damaged is told on the lesson page and gets the readable answer back', async ({ page }) => {
	test.slow(); // two pages and a reset: a long story on a loaded machine
	const saved = fromNewerVersion(typed(trace, 'net_h1'));
	// Only the first load finds the damaged value: a reload must not damage it again.
	await page.addInitScript((raw) => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('backprop-tutor:progress', raw);
			sessionStorage.setItem('seeded', '1');
		}
	}, saved);
	await gotoHydrated(page, LESSON);
	const netH1 = page.locator('input[data-quantity="net_h1"]').first();
	await expect(netH1).toHaveValue('');

	const notice = page.getByRole('region', { name: 'Your saved progress' });
	await expect(notice).toContainText('could not be read in full');
	await expect(notice).toContainText('1 answer in it can still be read');
	const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the damaged data' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^backprop-tutor-damaged-progress.*\.json$/);

	await notice.getByRole('button', { name: 'Restore 1 answer' }).click();
	await expect(notice).toContainText('Restored 1 answer');
	await expect(netH1).toHaveValue(typed(trace, 'net_h1'));

	// The home page tells the same, and Reset all progress really clears the damaged copy.
	await gotoHydrated(page, '/');
	await expect(page.getByRole('region', { name: 'Your saved progress' })).toBeVisible();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reset all progress' }).click();
	await expect(page.getByRole('region', { name: 'Your saved progress' })).toHaveCount(0);
	const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('backprop-tutor:')));
	expect(left).toEqual([]);
});

for (const given of ['-1', '1e309', 'abc', '1000000']) {
	test(`a learner who opens ?variant=${given} is told it is no variant and offered one`, async ({ page }) => {
		await gotoHydrated(page, `${LESSON}?variant=${given}`);
		const notice = page.locator(`[data-invalid-variant="${given}"]`);
		await expect(notice).toContainText('is not a variant');
		await expect(notice).toContainText('the lesson’s own numbers');
		const offer = notice.getByRole('link', { name: /^Try variant \d+$/ });
		const seed = (await offer.textContent())?.replace(/\D/g, '');
		await offer.click();
		await expect(page.locator('[data-variant]')).toHaveAttribute('data-variant', seed as string);
		await expect(page.locator('[data-invalid-variant]')).toHaveCount(0);
	});
}

/**
 * Storage that refuses: site data blocked (touching localStorage throws a SecurityError) or a
 * quota error on every save. The learner is told on both pages, nothing crashes (the fixtures fail
 * a test on any uncaught error), and answers are still checked, in memory.
 */
const refusals = {
	blocked: () => {
		Object.defineProperty(window, 'localStorage', {
			configurable: true,
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
	},
	full: () => {
		Storage.prototype.setItem = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	}
};

for (const [kind, refuse] of Object.entries(refusals)) {
	test(`a learner whose browser ${kind === 'blocked' ? 'blocks site data' : 'has no room left'} is told their answers cannot be saved, and can still answer`, async ({ page }) => {
		test.slow(); // two pages on a loaded machine
		await page.addInitScript(refuse);
		await gotoHydrated(page, LESSON);
		const netH1 = page.locator('input[data-quantity="net_h1"]').first();
		await netH1.fill(typed(trace, 'net_h1'));
		await netH1.press('Enter');
		await expect(await verdictOf(page, netH1)).toHaveAttribute('data-verdict', 'correct');
		const notice = page.getByRole('region', { name: 'Your saved progress' });
		await expect(notice).toContainText('Your answers cannot be saved in this browser:');
		await expect(notice).toContainText(kind === 'blocked' ? 'does not let this site store data' : 'its storage for this site is full');
		await expect(notice).toContainText('You can still answer and check every step');
		const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download your progress' }).click()]);
		expect(download.suggestedFilename()).toBe('backprop-tutor-progress.json');

		await gotoHydrated(page, '/');
		await expect(page.getByRole('region', { name: 'Your saved progress' })).toContainText('Your answers cannot be saved in this browser:');
	});
}
