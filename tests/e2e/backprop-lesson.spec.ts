import { expect, expectNoAxeViolations, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf, typed as typedFrom } from './trace';

const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf('content/60-backprop-step-by-step.md');
const typed = (quantity: string) => typedFrom(trace, quantity);

const FORWARD = ['net_h1', 'out_h1', 'net_h2', 'out_h2', 'net_o1', 'out_o1', 'net_o2', 'out_o2', 'E_o1', 'E_o2', 'E_total'];

test('a learner completes the forward pass with the keyboard alone', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	await expect(page.getByRole('heading', { level: 1, name: 'Backpropagation, one step at a time' })).toBeVisible();

	await page.locator('input[data-quantity="net_h1"]').first().focus();
	for (const quantity of FORWARD) {
		const input = page.locator(`input[data-quantity="${quantity}"]`).first();
		// After each correct answer, focus moves on by itself to the next value to find.
		await expect(input).toBeFocused();
		await page.keyboard.type(typed(quantity));
		await page.keyboard.press('Enter');
		const verdict = await verdictOf(page, input);
		await expect(verdict).toHaveAttribute('data-verdict', 'correct');
	}
	// The next open step is the first factor of the backward pass.
	await expect(page.locator('input[data-quantity="dE/dout_o1"]').first()).toBeFocused();
});

test('a wrong value is marked incorrect and an unreadable one is explained', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const input = page.getByRole('textbox', { name: /out_h1/ }).first();
	const verdict = await verdictOf(page, input);

	await input.fill('0.6124');
	await input.press('Enter');
	await expect(verdict).toHaveAttribute('data-verdict', 'incorrect');
	await expect(input).toHaveAttribute('aria-invalid', 'true');

	await input.fill('abc');
	await input.press('Enter');
	await expect(verdict).toHaveAttribute('data-verdict', 'unreadable');
	await expect(verdict).toContainText('abc');
	await expect(verdict).not.toContainText('NaN');

	// A decimal comma, as many learners type it, is read as a decimal point.
	await input.fill(typed('out_h1').replace('.', ','));
	await input.press('Enter');
	await expect(verdict).toHaveAttribute('data-verdict', 'correct');
});

test('a learner uses the hints of a step: first the formula, then the numbers', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const derivation = page.locator('section.derivation').first();
	const product = derivation.locator('li[data-step="dE/dw5"]');
	await expect(product.locator('.formula')).toHaveCount(0);

	await product.getByRole('button', { name: 'Hint: the formula' }).click();
	await expect(product.locator('.formula math')).toHaveCount(1);
	// The numbers would give the three factors away: they wait until those are found.
	await expect(product.getByRole('button', { name: 'Hint: the numbers' })).toBeDisabled();

	for (const quantity of ['dE/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5']) {
		const input = derivation.locator(`input[data-quantity="${quantity}"]`);
		await input.fill(typed(quantity));
		await input.press('Enter');
	}
	await product.getByRole('button', { name: 'Hint: the numbers' }).click();
	await expect(product.locator('.formula math')).toHaveCount(2);
	await expect(product.locator('.formula')).toContainText('0.1868');

	for (const quantity of ['dE/dw5', 'w5_new']) {
		const input = derivation.locator(`input[data-quantity="${quantity}"]`);
		await input.fill(typed(quantity));
		await input.press('Enter');
		await expect(derivation.locator(`li[data-step="${quantity}"]`)).toHaveAttribute('data-state', 'solved');
	}
});

test('showing the worked step marks it revealed, not solved', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const step = page.locator('section.exercise').first().locator('li[data-step="net_h1"]');
	await step.getByRole('button', { name: 'Show the worked step' }).click();

	await expect(step).toHaveAttribute('data-state', 'revealed');
	await expect(step.getByText('Revealed')).toBeVisible();
	await expect(step.locator('.formula')).toContainText('0.3775');
	// Focus stays on the step's line (label = value, open), from which its working is read next.
	await expect(step.getByRole('button', { expanded: true })).toBeFocused();
});

test('the slide slip on the sigmoid derivative is shown with its correction once answered', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const step = page.locator('section.derivation').first().locator('li[data-step="dout_o1/dnet_o1"]');
	// Before the learner answers, the slides' numbers would give the answer away.
	await expect(step.locator('[data-slide-agrees]')).toHaveCount(0);

	await step.getByRole('textbox').fill(typed('dout_o1/dnet_o1'));
	await step.getByRole('textbox').press('Enter');
	await expect(step.locator('[data-slide-agrees="false"]')).toContainText('Slide 33 prints 0.1816; the value is 0.1868');
	await expect(step.locator('[data-slide-agrees="true"]')).toContainText('Slide 31 prints 0.1868');
});

test('the lesson page has no accessibility violations and renders math as MathML', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	await expect(page.locator('.tex-error')).toHaveCount(0);
	expect(await page.locator('math').count()).toBeGreaterThan(20);
	await expectNoAxeViolations(page);
});

test('the catalogue lists the lesson with its deck', async ({ page }) => {
	await gotoHydrated(page, '/');
	const link = page.getByRole('link', { name: 'Backpropagation, one step at a time' });
	await expect(link).toBeVisible();
	await link.click();
	await expect(page).toHaveURL(LESSON);
	await expect(page.getByText('slides 12–33')).toBeVisible();
});

test.describe('on a 375 px wide phone', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('the lesson fits without sideways scrolling and passes axe', async ({ page }) => {
		await gotoHydrated(page, LESSON);
		const input = page.locator('input[data-quantity="net_h1"]').first();
		await input.fill(typed('net_h1'));
		await input.press('Enter');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		await expectNoAxeViolations(page);
	});
});
