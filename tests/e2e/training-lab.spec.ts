import { expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// E_total of the 2-2-2 network at its starting weights and after one update (η = 0.5, biases
// fixed), as the deck prints them and as a hand-written float64 loop gives: 0.298371109 and
// 0.291027924 (see tests/unit/lab/session.test.ts for the loop).
const START = '0.2984';
const AFTER_ONE = '0.291';

const lab = (page: Page) => page.locator('section#lab-mazur');
const status = (l: Locator) => l.locator('p.status');
/** The numbers of the status line: epochs, updates and E_total. */
async function readStatus(l: Locator): Promise<{ text: string; updates: number; loss: number }> {
	const text = (await status(l).textContent()) ?? '';
	const updates = Number(/([\d,]+) updates?/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
	const m = /E_total = (\d+(?:\.\d+)?)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(text);
	const sup = (s: string) => Number(s.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '-0123456789'['⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)] as string));
	const loss = m ? Number(m[1]) * 10 ** (m[2] ? sup(m[2]) : 0) : NaN;
	return { text, updates, loss };
}

test('a learner trains the 2-2-2 network: step, train, pause, resume, reset, and the error falls', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	const l = lab(page);
	await expect(status(l)).toContainText(`Ready: 0 epochs of 10,000, 0 updates; error over the data set E_total = ${START}`);
	await expect(l.getByRole('progressbar', { name: 'Epochs done' })).toHaveAttribute('aria-valuetext', '0 of 10,000 epochs');

	await l.getByRole('button', { name: 'Step' }).click();
	await expect(status(l)).toContainText(`Paused: 1 epoch of 10,000, 1 update; error over the data set E_total = ${AFTER_ONE}`);

	await l.getByRole('button', { name: 'Resume' }).click();
	await expect(l.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(500);
	await l.getByRole('button', { name: 'Pause' }).click();
	await expect(status(l)).toContainText('Paused:');
	const paused = await readStatus(l);
	// Paused really stops: a single step now adds exactly one update.
	await l.getByRole('button', { name: 'Step' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBe(paused.updates + 1);
	expect(paused.loss).toBeLessThan(Number(AFTER_ONE));

	await l.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(paused.updates + 1000);
	await l.getByRole('button', { name: 'Pause' }).click();
	const later = await readStatus(l);
	expect(later.loss).toBeLessThan(paused.loss);
	expect(Number.isFinite(later.loss)).toBe(true);
	await expect(l.getByRole('img', { name: /Error over the data set: 0\.2984 at update 0/ })).toBeVisible();

	await l.getByRole('button', { name: 'Reset' }).click();
	await expect(status(l)).toContainText(`Ready: 0 epochs of 10,000, 0 updates; error over the data set E_total = ${START}`);
	await expect(l.getByRole('button', { name: 'Train' })).toBeVisible();
});

test('the lab runs to its epochs target and stops there, with the keyboard only', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	const l = lab(page);
	const train = l.getByRole('button', { name: 'Train' });
	// Tab from the top of the page to the Train button.
	for (let i = 0; i < 80 && !(await train.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(train).toBeFocused();
	// Fewer epochs: Tab to the field (rate, momentum, mode, epochs), type, Enter.
	const epochs = l.getByLabel('Epochs to train');
	for (let i = 0; i < 10 && !(await epochs.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(epochs).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('300');
	await page.keyboard.press('Enter');
	await expect(status(l)).toContainText('0 epochs of 300');
	for (let i = 0; i < 10 && !(await train.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Space');
	await expect(status(l)).toContainText('Finished: 300 epochs of 300, 300 updates');
	await expect(l.getByRole('progressbar', { name: 'Epochs done' })).toHaveAttribute('aria-valuetext', '300 of 300 epochs');
	await expect(l.getByRole('button', { name: 'Resume' })).toBeDisabled();
	// A live region tells screen-reader users, without speaking every update.
	await expect(l.locator('[aria-live="polite"]')).toContainText('Finished: 300 epochs');
});

test('a learning rate that is not a number is explained beside the field and not used', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	const l = lab(page);
	const rate = l.getByLabel('Learning rate η');
	await rate.fill('-1');
	await rate.press('Enter');
	await expect(rate).toHaveAttribute('aria-invalid', 'true');
	await expect(l.getByText('The learning rate must be above 0.')).toBeVisible();
	await l.getByRole('button', { name: 'Step' }).click();
	await expect(status(l)).toContainText(`E_total = ${AFTER_ONE}`); // still η = 0.5
});

test('the disc lab draws its map and gradient sizes, and the page has no axe violations while training', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	const l = page.locator('section#lab-disc');
	await l.getByRole('button', { name: 'Train' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(2000);
	await expect(l.getByText(/Map of out_y over x1 from .* \(across\), x2 from .* \(up\)/)).toBeAttached();
	await expect(l.getByRole('img', { name: /Gradient size per layer at update [\d,]+: layer 1 .*, layer 2 / })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('long tasks on the main thread are measured while both labs train (reported)', async ({ page }, testInfo) => {
	await page.addInitScript(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
	});
	await gotoHydrated(page, '/lessons/training-lab');
	// Long tasks of loading and hydrating the page are not the lab's.
	await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
	await page.locator('section#lab-mazur').getByRole('button', { name: 'Train' }).click();
	await page.locator('section#lab-disc').getByRole('button', { name: 'Train' }).click();
	const started = Date.now();
	// At the labs' pace (100 epochs a second) about ten seconds of streaming.
	await expect.poll(async () => (await readStatus(page.locator('section#lab-mazur'))).updates, { timeout: 120_000 }).toBeGreaterThan(1000);
	await expect.poll(async () => (await readStatus(page.locator('section#lab-disc'))).updates, { timeout: 120_000 }).toBeGreaterThan(100_000);
	const seconds = (Date.now() - started) / 1000;
	const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
	const report = `${longTasks.length} long task(s) over 50 ms in ${seconds.toFixed(1)} s of streaming${longTasks.length ? `: ${longTasks.map((d) => d.toFixed(0)).join(', ')} ms` : ''}`;
	testInfo.annotations.push({ type: 'long tasks', description: report });
	console.log(report);
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: width === 375 ? 800 : 900 });
		await page.locator('section#lab-disc').scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath(`training-lab-${width}.png`), fullPage: true });
	}
	// Reported, not asserted: on this shared 2-core machine (load average 14–23 while measured)
	// the operating system's scheduling, not the page, decides most of a task's wall time.
});

test('pause stops the count, resume and a new learning rate mid-run keep it growing, and the disc lab shows its accuracy', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	const l = lab(page);
	// The 2-2-2 example's targets (0.01, 0.99) are not class labels: no accuracy.
	await expect(status(l)).not.toContainText('accuracy');
	await l.getByRole('button', { name: 'Train' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(200);

	// A new learning rate while it trains: it keeps training, from the count it had.
	const atChange = (await readStatus(l)).updates;
	const rate = l.getByLabel('Learning rate η');
	await rate.fill('1');
	await rate.press('Enter');
	await expect(rate).not.toHaveAttribute('aria-invalid', 'true');
	await expect(l.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(atChange + 300);
	await expect(status(l)).toContainText('Training:');

	// Paused, the count stops: the same a while later.
	await l.getByRole('button', { name: 'Pause' }).click();
	await expect(status(l)).toContainText('Paused:');
	const paused = await readStatus(l);
	await page.waitForTimeout(1500);
	expect((await readStatus(l)).updates).toBe(paused.updates);
	// A single step: one more update.
	await l.getByRole('button', { name: 'Step' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBe(paused.updates + 1);
	// Resumed, it grows again.
	await l.getByRole('button', { name: 'Resume' }).click();
	await expect.poll(async () => (await readStatus(l)).updates).toBeGreaterThan(paused.updates + 100);
	await l.getByRole('button', { name: 'Pause' }).click();
	const later = await readStatus(l);
	expect(later.loss).toBeLessThan(paused.loss);
	// Reset: back to the start, at the rate now set.
	await l.getByRole('button', { name: 'Reset' }).click();
	await expect(status(l)).toContainText(`Ready: 0 epochs of 10,000, 0 updates; error over the data set E_total = ${START}`);

	// The disc's targets are 0 and 1: the accuracy over its 200 points, from the start and as it learns.
	const disc = page.locator('section#lab-disc');
	await expect(status(disc)).toHaveText(/^Ready: .*E_total = .*; accuracy \d{1,3}\.\d\s%\.$/);
	await disc.getByRole('button', { name: 'Train' }).click();
	await expect.poll(async () => (await readStatus(disc)).updates).toBeGreaterThan(20_000);
	await disc.getByRole('button', { name: 'Pause' }).click();
	const accuracy = Number(/accuracy (\d{1,3}\.\d)\s%/.exec((await status(disc).textContent()) ?? '')?.[1]);
	// Trained for 100 epochs and more, the network gets most points right (the engine gives 99 % from epoch 50 on).
	expect(accuracy).toBeGreaterThan(90);
	expect(accuracy).toBeLessThanOrEqual(100);
});

test('a lesson that asks nothing (only labs) shows no count of values, no "Next open step" and no reset', async ({ page }) => {
	await gotoHydrated(page, '/lessons/training-lab');
	await expect(page.locator('section#lab-mazur')).toBeVisible();
	await expect(page.getByText(/\b0 of 0\b/)).toHaveCount(0);
	await expect(page.locator('.completion')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Next open step' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Reset this lesson' })).toHaveCount(0);
	await expect(page.locator('[data-summary]')).toHaveCount(0);
	// A lab lesson that also asks questions keeps its count.
	await gotoHydrated(page, '/lessons/shuffling-the-data');
	await expect(page.locator('.completion')).toContainText(/0 of [1-9]/);
	await expect(page.getByRole('button', { name: 'Reset this lesson' })).toBeVisible();
});

test('on a phone: no control sticks out, the charts are drawn at their width (labels readable), and no exercise diagram covers a lab', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await gotoHydrated(page, '/lessons/shuffling-the-data');
	const l = page.locator('section#lab-shuffled');
	await l.getByRole('button', { name: 'Step' }).click();
	await expect(status(l)).toContainText('1 update');
	expect(await page.evaluate(() => (document.scrollingElement as HTMLElement).scrollWidth)).toBeLessThanOrEqual(375);
	const chart = l.getByRole('img', { name: /Error over the data set/ });
	const box = (await chart.boundingBox()) as { width: number };
	expect(Math.abs(Number(await chart.getAttribute('width')) - box.width)).toBeLessThan(1.5);
	const label = (await chart.locator('text').first().boundingBox()) as { height: number };
	expect(label.height).toBeGreaterThanOrEqual(11);
	// The mode menu shows its whole text: the chosen option's words, its padding and the arrow (about 20 px) fit.
	const fits = await l.getByLabel('Mode').evaluate((s: HTMLSelectElement) => {
		const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
		const style = getComputedStyle(s);
		context.font = `${style.fontSize} ${style.fontFamily}`;
		const text = context.measureText(s.selectedOptions[0]?.text ?? '').width;
		return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20 <= s.clientWidth;
	});
	expect(fits).toBe(true);

	// The exercises' diagram strip stays clear of the lab while it is in view, and comes back at an exercise.
	const strip = page.locator('aside.diagram-column');
	await l.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	await expect(strip).toBeHidden();
	await page.locator('section.exercise').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await expect(strip).toBeVisible();
});
