import { expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';
import { traceOf, typed as typedFrom } from './trace';

// Finding one's way in a long lesson: the step map, "Next open step", the count in view, the
// summary at the end, found steps folded to one line, and a page of a reasonable height.
const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf('content/60-backprop-step-by-step.md');
const typed = (quantity: string) => typedFrom(trace, quantity);

const pageHeight = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollHeight);

test('on first load the 2-2-2 lesson is at most 5,500 px tall at 1280 px wide', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await gotoHydrated(page, LESSON);
	expect(await pageHeight(page)).toBeLessThanOrEqual(5500);
});

test.describe('on a 375 px wide phone', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('on first load the 2-2-2 lesson is at most 9,000 px tall', async ({ page }) => {
		await gotoHydrated(page, LESSON);
		expect(await pageHeight(page)).toBeLessThanOrEqual(9000);
	});

	test('the count and "Next open step" stay in view, and the page passes axe', async ({ page }) => {
		await gotoHydrated(page, LESSON);
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
		await expect(page.locator('.completion')).toBeInViewport();
		await expect(page.getByRole('button', { name: 'Next open step' })).toBeInViewport();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		await expectNoAxeViolations(page);
	});
});

test('the step map shows each step’s state and takes the learner to it', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const map = page.getByRole('navigation', { name: 'Steps' });
	await expect(map).toBeVisible();
	// One marker per asked step of each exercise and derivation.
	expect(await map.getByRole('link').count()).toBeGreaterThanOrEqual(26);
	const outH2 = map.locator('a[data-map-step="out_h2"]');
	await expect(outH2).toHaveAccessibleName(/out_h2, open/);

	await outH2.click();
	await expect(page.locator('input[data-quantity="out_h2"]').first()).toBeFocused();

	await page.keyboard.type(typed('out_h2'));
	await page.keyboard.press('Enter');
	await expect(outH2).toHaveAttribute('data-state', 'found');
	await expect(outH2).toHaveAccessibleName(/out_h2, found/);
	await expect(outH2).toContainText('✓');

	const netH1 = page.locator('section.exercise').first().locator('li[data-step="net_h1"]');
	await netH1.getByRole('button', { name: 'Show the worked step' }).click();
	await expect(map.locator('a[data-map-step="net_h1"]')).toHaveAttribute('data-state', 'revealed');
	// The count in the bar follows.
	await expect(page.locator('.completion')).toContainText('2 of');
});

test('"Next open step" works with the keyboard alone, from anywhere, and wraps around', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const next = page.getByRole('button', { name: 'Next open step' });
	// The button comes early in the tab order.
	for (let presses = 0; presses < 15 && !(await next.evaluate((el) => el === document.activeElement)); presses++) {
		await page.keyboard.press('Tab');
	}
	await expect(next).toBeFocused();
	await page.keyboard.press('Enter');
	const netH1 = page.locator('input[data-quantity="net_h1"]').first();
	await expect(netH1).toBeFocused();
	await expect(netH1).toBeInViewport();

	// From a step, the shortcut goes on to the next open one; found ones are passed over.
	await page.keyboard.type(typed('net_h1'));
	await page.keyboard.press('Enter');
	await expect(page.locator('input[data-quantity="out_h1"]').first()).toBeFocused();
	await page.keyboard.press('Alt+Shift+N');
	await expect(page.locator('input[data-quantity="net_h2"]').first()).toBeFocused();

	// After the last open step it starts again at the top: net_h1 is found, so out_h1.
	await page.getByRole('navigation', { name: 'Steps' }).locator('a[data-map-step="w1_new"]').click();
	await expect(page.locator('input[data-quantity="w1_new"]')).toBeFocused();
	await page.keyboard.press('Alt+Shift+N');
	await expect(page.locator('input[data-quantity="out_h1"]').first()).toBeFocused();

	// The button itself goes on from the step last worked on.
	await page.keyboard.press('Alt+Shift+N');
	await expect(page.locator('input[data-quantity="net_h2"]').first()).toBeFocused();
	await next.click();
	await expect(page.locator('input[data-quantity="out_h2"]').first()).toBeFocused();
});

test('a found step folds to one line, label = value, and opens again to show its working', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const step = page.locator('section.exercise').first().locator('li[data-step="net_h1"]');
	const input = step.locator('input[data-quantity="net_h1"]');
	const before = (await step.boundingBox())?.height ?? 0;
	await input.fill(typed('net_h1'));
	await input.press('Enter');

	await expect(step).toHaveAttribute('data-collapsed', 'true');
	await expect(input).toBeHidden();
	const toggle = step.getByRole('button', { name: /net_h1/ });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(toggle).toContainText((trace['net_h1'] as number).toPrecision(4));
	await expect(step.getByText('Found')).toBeVisible();
	const after = (await step.boundingBox())?.height ?? 0;
	expect(after).toBeLessThan(before);
	expect(after).toBeLessThanOrEqual(48);

	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(step.locator('.formula')).toBeVisible();
	await expect(step.locator('.formula')).toContainText('0.3775');
	await expect(input).toBeVisible();
	await expect(input).toHaveValue(typed('net_h1'));
	await expectNoAxeViolations(page, { include: 'section.exercise' });
});

test('the summary at the end counts found and revealed values and points to carried-forward errors', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const outO1 = page.locator('input[data-quantity="out_o1"]').first();
	await outO1.fill('0.75');
	await outO1.press('Enter');
	const derivative = page.locator('section.derivation').first().locator('input[data-quantity="dE/dout_o1"]');
	await derivative.fill(String(0.75 - 0.01));
	await derivative.press('Enter');
	await page.locator('section.exercise').first().locator('li[data-step="net_h1"]').getByRole('button', { name: 'Show the worked step' }).click();

	const summary = page.locator('[data-summary]');
	await expect(summary.getByRole('heading', { name: 'Your work on this lesson' })).toBeVisible();
	await expect(summary.locator('[data-summary-counts]')).toContainText('1 value found by you, 1 revealed');
	await expect(summary.locator('[data-summary-revealed]')).toContainText('net_h1');
	const carried = summary.locator('[data-summary-carried]');
	await expect(carried).toContainText('from your out_o1');
	// Its link takes the learner back to that step, folded: to the button that opens it.
	await carried.getByRole('link').first().click();
	const step = page.locator('section.derivation').first().locator('li[data-step="dE/dout_o1"]');
	await expect(step.locator('button.toggle')).toBeFocused();
	await expect(step).toContainText('from your earlier out_o1');
	// The whole page is scanned in the phone story above; here the summary and the folded step.
	await expectNoAxeViolations(page, { include: '[data-summary]' });
	await expectNoAxeViolations(page, { include: 'section.derivation' });
});
