import { expect, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf } from './trace';

// The lessons that use the training lab (120–160): a learner answers a question from a run in the
// page. Expected numbers come from the engine (the trace command), never typed here.

/** E_total as the lab's status line writes it ("E_total = 0.291" or "E_total = 3.51 × 10⁻⁵"). */
async function statusLoss(lab: import('@playwright/test').Locator): Promise<string> {
	const text = (await lab.locator('p.status').textContent()) ?? '';
	const m = /E_total = (\d+(?:\.\d+)?)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(text);
	if (!m) throw new Error(`no E_total in the status: ${text}`);
	const sup = (s: string) => s.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)] as string);
	return m[2] ? `${m[1]}e${sup(m[2])}` : (m[1] as string);
}

test('ten thousand updates: one step in the lab gives the error after update 1, and the answer is judged', async ({ page }) => {
	await gotoHydrated(page, '/lessons/ten-thousand-updates');
	const lab = page.locator('section#lab-ten-thousand');
	await lab.getByRole('button', { name: 'Step' }).click();
	await expect(lab.locator('p.status')).toContainText('1 update');
	const read = await statusLoss(lab);
	const input = page.locator('input[data-quantity="E_total_after_1"]');
	await input.fill(read);
	await input.press('Enter');
	const verdict = await verdictOf(page, input);
	// The status shows a few digits: right, or right but short of digits, never wrong.
	await expect(verdict).toHaveAttribute('data-verdict', /correct|almost/);
	const trace = traceOf('content/130-ten-thousand-updates.md', '--network', 'mazur');
	expect(Math.abs(Number(read) - (trace.E_total_after_1 as number))).toBeLessThan(1e-3 * (trace.E_total_after_1 as number));
});

test('batch vs incremental: the batch lab trains its 50 epochs to the error the engine gives', async ({ page }) => {
	await gotoHydrated(page, '/lessons/batch-incremental-momentum');
	const lab = page.locator('section#lab-batch');
	await lab.getByRole('button', { name: 'Train' }).click();
	await expect(lab.locator('p.status')).toContainText('Finished: 50 epochs of 50');
	const trace = traceOf('content/150-batch-incremental-momentum.md', '--network', 'batch');
	expect(Number(await statusLoss(lab))).toBeCloseTo(trace.E_total_after_50 as number, 3);
});
