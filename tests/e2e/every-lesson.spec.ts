import { readdirSync } from 'node:fs';
import { expect, expectNoAxeViolations, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf, typed } from './trace';

// One story per lesson in content/: it renders, its math is MathML, one value is answered
// correctly, and axe finds nothing. The expected value comes from the engine, via the trace command.
const lessons = readdirSync('content').filter((f) => /^\d+-.+\.md$/.test(f));
// An axe scan of a page full of MathML takes a while on two cores.

for (const file of lessons) {
	const slug = file.replace(/^\d+-/, '').replace(/\.md$/, '');
	test(`lesson ${slug}: renders, answers one value correctly, passes axe`, async ({ page }) => {
		await gotoHydrated(page, `/lessons/${slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('.tex-error')).toHaveCount(0);

		const section = page.locator('section.exercise:has(input[data-quantity]), section.derivation:has(input[data-quantity])').first();
		if ((await section.count()) > 0) {
			const input = section.locator('input[data-quantity]').first();
			const quantity = (await input.getAttribute('data-quantity')) as string;
			const network = (await section.getAttribute('data-network')) ?? undefined;
			const trace = traceOf(`content/${file}`, ...(network && network !== 'network' ? ['--network', network] : []));
			await input.fill(typed(trace, quantity));
			await input.press('Enter');
			await expect(await verdictOf(page, input)).toHaveAttribute('data-verdict', 'correct');
		}
		await expectNoAxeViolations(page);
	});
}
