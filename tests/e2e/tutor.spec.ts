import { expect, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf, typed } from './trace';

const FILE = 'content/60-backprop-step-by-step.md';
const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf(FILE);

test('a learner who leaves out σ′ sees that mistake named', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const step = page.locator('section.derivation').first().locator('li[data-step="dE/dw5"]');
	// Hand-derived: the product without ∂out_o1/∂net_o1.
	const withoutSigmaPrime = (trace['dE/dout_o1'] as number) * (trace['dnet_o1/dw5'] as number);
	await step.getByRole('textbox').fill(withoutSigmaPrime.toPrecision(4));
	await step.getByRole('textbox').press('Enter');

	const verdict = step.locator('[data-verdict]');
	await expect(verdict).toHaveAttribute('data-verdict', 'incorrect');
	await expect(verdict).toHaveAttribute('data-mistakes', /sigma-prime-left-out/);
	await expect(verdict).toContainText('σ′');
});

test('a learner who slips early is judged fairly later, and the slip stays marked', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const outO1 = page.locator('input[data-quantity="out_o1"]').first();
	await outO1.fill('0.75');
	await outO1.press('Enter');
	const outVerdict = await verdictOf(page, outO1);
	await expect(outVerdict).not.toHaveAttribute('data-verdict', 'correct');

	// ∂E/∂out_o1 = out_o1 − t_o1 with the learner's own out_o1.
	const derivative = page.locator('section.derivation').first().locator('input[data-quantity="dE/dout_o1"]');
	await derivative.fill(String(0.75 - 0.01));
	await derivative.press('Enter');
	const verdict = await verdictOf(page, derivative);
	await expect(verdict).toHaveAttribute('data-verdict', 'correct');
	await expect(verdict).toHaveAttribute('data-carried-forward', 'out_o1');
	await expect(verdict).toContainText('earlier');
	await expect(outVerdict).not.toHaveAttribute('data-verdict', 'correct');
});

test('variant 17 opens from its URL with new numbers, every answer recomputed', async ({ page }) => {
	const variant = traceOf(FILE, '--variant', '17');
	expect(variant['net_h1']).not.toBeCloseTo(trace['net_h1'] as number, 3);

	await gotoHydrated(page, `${LESSON}?variant=17`);
	await expect(page.getByText('Variant 17: new numbers')).toBeVisible();
	const input = page.locator('input[data-quantity="net_h1"]').first();
	await input.fill(typed(variant, 'net_h1'));
	await input.press('Enter');
	await expect(await verdictOf(page, input)).toHaveAttribute('data-verdict', 'correct');
	// Prose quoting the network's numbers (\val{i1}) shows the variant's, in the MathML as well.
	const proseMath = page.locator('.prose .katex', { has: page.locator('annotation', { hasText: '\\val{i1}' }) });
	await expect(proseMath).toContainText(String(variant['i1']));
	await page.getByRole('button', { name: 'The lesson’s own numbers' }).click();
	await expect(page).toHaveURL(LESSON);
	await expect(page.getByText('Variant 17')).toHaveCount(0);
});

test('a learner reloads and finds answers, verdicts and revealed steps kept', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const netH1 = page.locator('input[data-quantity="net_h1"]').first();
	await netH1.fill(typed(trace, 'net_h1'));
	await netH1.press('Enter');
	const outH1 = page.locator('section.exercise').first().locator('li[data-step="out_h1"]');
	await outH1.getByRole('button', { name: 'Show the worked step' }).click();
	await expect(page.locator('.completion')).toContainText('2 of');

	await page.reload();
	await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
	await expect(netH1).toHaveValue(typed(trace, 'net_h1'));
	await expect(await verdictOf(page, netH1)).toHaveAttribute('data-verdict', 'correct');
	await expect(outH1).toHaveAttribute('data-state', 'revealed');

	// The catalogue shows the completion; reset clears it.
	await gotoHydrated(page, '/');
	await expect(page.locator('[data-completion]')).toContainText('2 of');
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reset all progress' }).click();
	await expect(page.locator('[data-completion]')).toHaveCount(0);
});

test('damaged saved progress does not break the page', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('backprop-tutor:progress', '{"version":1,"lessons":{"backprop-step-by-step":{"original":{"entries":{"network:net_h1":{"text":42}}'));
	await gotoHydrated(page, LESSON);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('input[data-quantity="net_h1"]').first()).toHaveValue('');
});

test('a learner exports their progress to a file and imports it in a fresh browser', async ({ page, browser }) => {
	await gotoHydrated(page, LESSON);
	const netH1 = page.locator('input[data-quantity="net_h1"]').first();
	await netH1.fill(typed(trace, 'net_h1'));
	await netH1.press('Enter');

	await gotoHydrated(page, '/');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
	const file = await download.path();

	const fresh = await browser.newPage();
	await gotoHydrated(fresh, '/');
	await expect(fresh.locator('[data-completion]')).toHaveCount(0);
	await fresh.getByLabel('Import from a file').setInputFiles(file);
	await expect(fresh.getByRole('status')).toContainText('Imported');
	// The catalogue shows the imported completion at once.
	await expect(fresh.locator('[data-completion]')).toHaveCount(1);
	await gotoHydrated(fresh, LESSON);
	await expect(fresh.locator('input[data-quantity="net_h1"]').first()).toHaveValue(typed(trace, 'net_h1'));
	await fresh.close();
});

test('prose quotes an asked value only once the learner has found it', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const quoted = page.locator('.prose .katex', { has: page.locator('annotation', { hasText: '\\val{dE/dw5}' }) });
	const value = (trace['dE/dw5'] as number).toPrecision(4);
	await expect(quoted).toContainText('?');
	await expect(quoted).not.toContainText(value);

	const step = page.locator('section.derivation').first().locator('li[data-step="dE/dw5"]');
	await step.getByRole('button', { name: 'Show the worked step' }).click();
	await expect(quoted).toContainText(value);
});
