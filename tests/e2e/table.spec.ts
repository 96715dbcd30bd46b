import { expect, gotoHydrated, test } from './fixtures';

test('a learner fills in the AND truth table, and a wrong cell is marked', async ({ page }) => {
	await gotoHydrated(page, '/lessons/logic-with-step-neurons');
	const table = page.locator('section.table-exercise[data-network="and"]');
	const outputs = table.locator('input[data-quantity="out_h"]');
	// AND's truth table, known independently of any weights: 1 only when both inputs are 1.
	const truth = ['0', '0', '0', '1'];

	await outputs.nth(1).fill('1');
	await outputs.nth(1).press('Enter');
	await expect(outputs.nth(1)).toHaveAttribute('aria-invalid', 'true');
	await expect(table.getByRole('status')).toContainText('for x1 = 0, x2 = 1');

	for (const [row, value] of truth.entries()) {
		await outputs.nth(row).fill(value);
		await outputs.nth(row).press('Enter');
		await expect(outputs.nth(row)).toHaveAttribute('data-done', 'true');
	}
	await expect(table.locator('.cell-verdict[data-verdict="correct"]')).toHaveCount(4);
});

test('after a correct cell, focus moves to the next open cell of the row order', async ({ page }) => {
	await gotoHydrated(page, '/lessons/logic-with-step-neurons');
	const table = page.locator('section.table-exercise[data-network="and"]');
	const outputs = table.locator('input[data-quantity="out_h"]');
	await outputs.first().fill('0');
	await outputs.first().press('Enter');
	await expect(table.locator('input[data-row="2"][data-quantity="net_h"]')).toBeFocused();
});
