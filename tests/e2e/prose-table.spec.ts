import { expect, gotoHydrated, test } from './fixtures';

/**
 * A markdown table in a lesson's prose (GFM, as remark renders it) is readable: padded cells and
 * rules under the head and between rows. The table is put into a lesson page's prose, so that the
 * site's own styles apply, whatever tables the lessons of the day contain.
 */
test('a markdown table in lesson prose has padded cells and rules', async ({ page }) => {
	await gotoHydrated(page, '/lessons/neurons-and-activations');
	const prose = page.locator('.prose').first();
	await prose.evaluate((el) => {
		el.insertAdjacentHTML(
			'beforeend',
			'<table><thead><tr><th>x</th><th align="right">σ(x)</th></tr></thead><tbody><tr><td>0</td><td align="right">0.5</td></tr><tr><td>1</td><td align="right">0.731</td></tr></tbody></table>'
		);
	});
	const style = (selector: string) =>
		prose.locator(selector).first().evaluate((el) => {
			const s = getComputedStyle(el);
			return { padding: parseFloat(s.paddingLeft), rule: parseFloat(s.borderBottomWidth), align: s.textAlign };
		});
	const head = await style('thead th');
	expect(head.padding).toBeGreaterThan(4);
	expect(head.rule).toBeGreaterThanOrEqual(1);
	const cell = await style('tbody td');
	expect(cell.padding).toBeGreaterThan(4);
	expect(cell.rule).toBeGreaterThanOrEqual(1);
	expect((await style('tbody td[align="right"]')).align).toBe('right');
});
