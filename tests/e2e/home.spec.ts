import { expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';

test('a visitor sees the home page with its heading and a rendered formula', async ({ page }) => {
	await gotoHydrated(page, '/');

	await expect(page).toHaveTitle('Backprop Tutor');
	await expect(page.getByRole('heading', { level: 1, name: 'Backprop Tutor' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Backprop Tutor' })).toHaveAttribute('href', '/');
	// KaTeX rendered the formula, with MathML for screen readers and no error fallback.
	await expect(page.locator('.katex-display .katex-html')).toBeVisible();
	await expect(page.locator('math')).toHaveCount(1);
	await expect(page.locator('.tex-error')).toHaveCount(0);
});

test('a keyboard user can skip straight to the content', async ({ page }) => {
	await gotoHydrated(page, '/');

	await page.keyboard.press('Tab');
	const skipLink = page.getByRole('link', { name: 'Skip to content' });
	await expect(skipLink).toBeFocused();
	await expect(skipLink).toBeInViewport();

	await page.keyboard.press('Enter');
	await expect(page.locator('main#content')).toBeFocused();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the home page has no WCAG 2.2 AA violations in ${colorScheme} mode`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await gotoHydrated(page, '/');
		await expectNoAxeViolations(page);
	});
}

test.describe('on a 375 px wide phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('the page fits without sideways scrolling and passes axe', async ({ page }) => {
		await gotoHydrated(page, '/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBe(0);
		await expectNoAxeViolations(page);
	});
});
