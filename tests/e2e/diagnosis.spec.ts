import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, gotoHydrated, test, verdictOf } from './fixtures';
import { traceOf } from './trace';

const FILE = 'content/60-backprop-step-by-step.md';
const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf(FILE);

/** Types `text` into the first box for `quantity` (within `scope`) and checks it; returns the box's verdict. */
async function answer(page: Page, quantity: string, text: string, scope = page.locator('body')) {
	const input = scope.locator(`input[data-quantity="${quantity}"]`).first();
	await input.fill(text);
	await input.press('Enter');
	return verdictOf(page, input);
}

const found = async (page: Page) => Number(await page.locator('.completion strong').textContent());

test('fixing an earlier value judges the later answer built on it again', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const derivation = page.locator('section.derivation').first();
	const outO1 = await answer(page, 'out_o1', '0.75');
	await expect(outO1).not.toHaveAttribute('data-verdict', 'correct');

	// ∂E/∂out_o1 = out_o1 − t_o1 from the learner's own (wrong) out_o1: accepted, carried forward.
	const derivative = await answer(page, 'dE/dout_o1', String(0.75 - 0.01), derivation);
	await expect(derivative).toHaveAttribute('data-verdict', 'correct');
	await expect(derivative).toHaveAttribute('data-carried-forward', 'out_o1');
	const before = await found(page);

	// The learner fixes out_o1: the ✓ resting on the old value no longer holds, and the count follows.
	await answer(page, 'out_o1', (trace['out_o1'] as number).toPrecision(5));
	await expect(outO1).toHaveAttribute('data-verdict', 'correct');
	await expect(derivative).not.toHaveAttribute('data-verdict', 'correct');
	await expect(derivative).not.toHaveAttribute('data-carried-forward', /out_o1/);
	await expect(page.locator('.completion strong')).toHaveText(String(before)); // +1 for out_o1, −1 for ∂E/∂out_o1
});

test('a learner who multiplies the shown factors without σ′ sees that mistake named', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const derivation = page.locator('section.derivation').first();
	// 0.7414 · 0.5933, the numbers the page shows, to four digits: 0.4399 (the engine's product is 0.4398).
	const shown = (q: string) => Number((trace[q] as number).toPrecision(4));
	const verdict = await answer(page, 'dE/dw5', (shown('dE/dout_o1') * shown('dnet_o1/dw5')).toPrecision(4), derivation);
	await expect(verdict).toHaveAttribute('data-verdict', 'incorrect');
	await expect(verdict).toHaveAttribute('data-mistakes', 'sigma-prime-left-out');
});

test('a number in parentheses, a guess and a hexadecimal number are not passed off as right', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const outH1 = trace['out_h1'] as number;
	// Off by two in the fourth digit, then wrapped: still wrong.
	const wrapped = await answer(page, 'out_h1', `(${(outH1 + 0.0002).toFixed(4)})`);
	await expect(wrapped).toHaveAttribute('data-verdict', 'incorrect');
	await expect(wrapped).not.toContainText('Almost');

	const guess = await answer(page, 'net_h1', '0');
	await expect(guess).toHaveAttribute('data-verdict', 'incorrect');
	await expect(guess).not.toContainText('Almost');

	const hex = await answer(page, 'net_h1', '0x10');
	await expect(hex).toHaveAttribute('data-verdict', 'unreadable');
	await expect(hex).toContainText('hexadecimal');
});

/** A value as the page shows it: four significant digits. */
const shown = (q: string) => Number((trace[q] as number).toPrecision(4));
/** What a learner types: four significant digits, worked out from the shown numbers. */
const typed = (x: number) => x.toPrecision(4);
const named = (id: string) => new RegExp(`(^| )${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);

test('the mistakes of the issue’s list are each named, typed from the numbers the page shows', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const [w5, w1] = [page.locator('section.derivation').first(), page.locator('section.derivation').nth(1)];

	// The bias left out of o1 only: 0.4 · 0.5933 + 0.45 · 0.5969 = 0.5059 for net_o1.
	const bias = await answer(page, 'net_o1', typed(0.4 * shown('out_h1') + 0.45 * shown('out_h2')));
	await expect(bias).toHaveAttribute('data-mistakes', named('bias-forgotten:o1'));

	// w3's value read for w2 in net_h1, as slide 15's printed sum does: 0.15 · 0.05 + 0.25 · 0.1 + 0.35.
	const weight = await answer(page, 'net_h1', typed(0.15 * 0.05 + 0.25 * 0.1 + 0.35));
	await expect(weight).toHaveAttribute('data-mistakes', named('wrong-weight:w3-for-w2'));

	// The sign flipped in ∂E/∂w5, after a right ∂E/∂out_o1 (so not "target and output swapped").
	await answer(page, 'dE/dout_o1', typed(shown('dE/dout_o1')), w5);
	const product = shown('dE/dout_o1') * shown('dout_o1/dnet_o1') * shown('dnet_o1/dw5');
	const sign = await answer(page, 'dE/dw5', typed(-product), w5);
	await expect(sign).toHaveAttribute('data-mistakes', 'sign-flipped');

	// The updated w5 used on the way back to the hidden layer: δ_o1 · w5⁺.
	const updated = await answer(page, 'dE_o1/dout_h1', typed(shown('delta_o1') * shown('w5_new')), w1);
	await expect(updated).toHaveAttribute('data-mistakes', named('updated-weights'));

	// Only the path through o1 in ∂E/∂out_h1.
	const path = await answer(page, 'dE/dout_h1', typed(shown('dE_o1/dout_h1')), w1);
	await expect(path).toHaveAttribute('data-mistakes', 'one-path:o1');

	// Each explanation is set in the lesson's notation: KaTeX with MathML, no code names.
	await expect(path.locator('.katex math').first()).toBeAttached();
	await expect(path).not.toContainText('out_h1');
});

test('a right answer typed from the shown numbers is never named as a mistake', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const w5 = page.locator('section.derivation').first();
	const verdict = await answer(page, 'dE/dw5', typed(shown('dE/dout_o1') * shown('dout_o1/dnet_o1') * shown('dnet_o1/dw5')), w5);
	await expect(verdict).not.toHaveAttribute('data-verdict', 'incorrect');
	await expect(verdict).not.toHaveAttribute('data-mistakes', /./);
});

test('`1` for out_o1 (0.7514) is wrong, never "Almost"', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const one = await answer(page, 'out_o1', '1');
	await expect(one).toHaveAttribute('data-verdict', 'incorrect');
	await expect(one).not.toContainText('Almost');
});

test('a learner who copies the slide’s misprinted factor is told it is the slide’s number, kindly', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	// Slide 33 prints 0.1816 for ∂out_o1/∂net_o1; the engine gives 0.1868.
	const copied = await answer(page, 'dout_o1/dnet_o1', '0.1816', page.locator('section.derivation').first());
	await expect(copied).toHaveAttribute('data-mistakes', 'slide-value');
	await expect(copied).toContainText('slide 33 prints');
	await expect(copied).toContainText('Copying it was reasonable');
});

test('with new numbers the slide’s number is just a wrong number', async ({ page }) => {
	await gotoHydrated(page, `${LESSON}?variant=17`);
	const verdict = await answer(page, 'dout_o1/dnet_o1', '0.1816', page.locator('section.derivation').first());
	await expect(verdict).toHaveAttribute('data-verdict', 'incorrect');
	await expect(verdict).not.toHaveAttribute('data-mistakes', /slide-value/);
});

test('a named mistake with its formulas is accessible (axe, within the derivation)', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const w5 = page.locator('section.derivation').first();
	const verdict = await answer(page, 'dE/dw5', typed(shown('dE/dout_o1') * shown('dnet_o1/dw5')), w5);
	await expect(verdict).toHaveAttribute('data-mistakes', 'sigma-prime-left-out');
	await expect(verdict.locator('.katex math').first()).toBeAttached();
	await expectNoAxeViolations(page, { include: 'section.derivation' });
});
