import { expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';
import { traceOf, typed as typedFrom } from './trace';

// A screen-reader user's story: each answer box says where it is and what it asks, in words; it
// says how precise an answer must be before anything is typed; blocks are regions with names of
// their own; focus stays where it makes sense after hints and a worked step.

const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf('content/60-backprop-step-by-step.md');
const typed = (quantity: string) => typedFrom(trace, quantity);


test('answer boxes are named by step and block in words, and described by the precision they need', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const first = page.getByRole('textbox', { name: 'Step 1 of 2, exercise: net_h1', exact: true });
	await expect(first).toHaveCount(1);
	await expect(first).toHaveAttribute('data-quantity', 'net_h1');
	await expect(first).toHaveAccessibleDescription(/Give at least 3 significant digits/);

	const factor = page.getByRole('region', { name: 'Derivation of w5' }).getByRole('textbox', { name: 'Step 1 of 5, derivation of w5: ∂E_total/∂out_o1', exact: true });
	await expect(factor).toHaveAttribute('data-quantity', 'dE/dout_o1');
	await expect(page.getByRole('textbox', { name: 'Step 5 of 5, derivation of w5: updated w5', exact: true })).toHaveCount(1);

	// After a check, the verdict comes first in the description; the precision stays.
	await first.fill('0.9');
	await first.press('Enter');
	await expect(first).toHaveAccessibleDescription(/Incorrect.*Give at least 3 significant digits/);

	// Every block is a region with a name of its own.
	const regions = page.locator('section[aria-label]');
	const names = await regions.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
	expect(names).toContain('Exercise 1: net_h1 and out_h1');
	expect(new Set(names).size).toBe(names.length);
});

test('focus stays on the hint button while it moves on, then goes to the box; a worked step keeps focus on its line', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const derivation = page.getByRole('region', { name: 'Derivation of w5' });
	const product = derivation.locator('li[data-step="dE/dw5"]');
	await product.getByRole('button', { name: 'Hint: the formula' }).click();
	// The same button now offers the numbers, which wait for the factors: it keeps focus.
	const numbers = product.getByRole('button', { name: 'Hint: the numbers' });
	await expect(numbers).toBeFocused();
	await expect(numbers).toHaveAttribute('aria-disabled', 'true');
	await page.keyboard.press('Enter'); // not yet: nothing changes, focus stays
	await expect(product.locator('.formula math')).toHaveCount(1);
	await expect(numbers).toBeFocused();

	for (const quantity of ['dE/dout_o1', 'dout_o1/dnet_o1', 'dnet_o1/dw5']) {
		const input = derivation.locator(`input[data-quantity="${quantity}"]`);
		await input.fill(typed(quantity));
		await input.press('Enter');
	}
	await numbers.focus();
	await page.keyboard.press('Enter');
	await expect(product.locator('.formula math')).toHaveCount(2);
	// Both hints are out: the button goes, and focus goes to the box they are for.
	await expect(derivation.locator('input[data-quantity="dE/dw5"]')).toBeFocused();

	await product.getByRole('button', { name: 'Show the worked step' }).click();
	const line = product.getByRole('button', { expanded: true });
	await expect(line).toBeFocused();
	await expect(line).toContainText(Number(trace['dE/dw5']).toPrecision(4));
});

test('a lesson with labels names its boxes by the labels, and passes axe', async ({ page }) => {
	await gotoHydrated(page, '/lessons/computational-graphs');
	// E_total is labelled C_0 in this lesson: its gradient is "∂C_0/∂…", never ∂E_total.
	const boxes = page.locator('input[data-quantity]');
	const labels = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
	expect(labels.length).toBeGreaterThan(0);
	for (const label of labels) {
		expect(label).toMatch(/^(Step \d+ of \d+, (exercise|derivation of [^:]+)|Row \d+, table): \S/);
		expect(label).not.toMatch(/E_total|\\/);
	}
	await expectNoAxeViolations(page);
});
