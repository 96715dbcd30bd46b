import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';
import { traceOf, typed as typedFrom } from './trace';

const LESSON = '/lessons/backprop-step-by-step';
const trace = traceOf('content/60-backprop-step-by-step.md');
const typed = (quantity: string) => typedFrom(trace, quantity);
const near = (value: string | null, expected: number) => Math.abs(Number(value) - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

type Spec = { inputs?: object; layers?: Array<{ neurons: object }>; targets?: object; values?: object; define?: object };

/** Each lesson's networks and graphs with the number of nodes their diagram must draw, read from the files. */
const lessons = readdirSync('content')
	.filter((f) => f.endsWith('.md'))
	.map((file) => {
		const text = readFileSync(`content/${file}`, 'utf8');
		const front = parse(text.split(/^---$/m)[1] as string) as { network?: Spec; networks?: Record<string, Spec> };
		const networks = front.networks ?? (front.network ? { network: front.network } : {});
		const slug = file.replace(/^\d+-/, '').replace(/\.md$/, '');
		const drawn = Object.entries(networks).flatMap(([name, spec]) => {
			if (spec.define) return [{ name, nodes: Object.keys(spec.values ?? {}).length + Object.keys(spec.define).length }];
			if (!spec.layers) return []; // an architecture is counted, not drawn
			const neurons = spec.layers.reduce((n, l) => n + Object.keys(l.neurons).length, 0);
			return [{ name, nodes: Object.keys(spec.inputs ?? {}).length + neurons + (spec.targets ? 1 : 0) }];
		});
		// Only networks that some exercise, derivation or table works on are drawn (a training lab draws its own pictures).
		const worksOn = (name: string) => new RegExp(`^:::+(exercise|derivation|table)\\{[^}]*network="${name}"`, 'm').test(text);
		const used = drawn.filter(({ name }) => worksOn(name) || (name === 'network' && /^:::+(exercise|derivation|table)\{(?![^}]*network=)/m.test(text)));
		return { slug, used };
	})
	.filter((l) => l.used.length > 0);

for (const { slug, used } of lessons) {
	test(`the lesson ${slug} draws each network it works on, node for node, wide and narrow`, async ({ page }) => {
		test.slow();
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 900 });
			await gotoHydrated(page, `/lessons/${slug}`);
			for (const { name, nodes } of used) {
				// The diagram follows the block being worked on.
				await page.locator(`section[data-network="${name}"] input[data-quantity]`).first().focus();
				const diagram = page.locator(`svg[data-diagram="${name}"]`);
				await expect(diagram, `${name} at ${width} px`).toBeVisible();
				await expect(diagram.locator('[data-node]'), `${name} at ${width} px`).toHaveCount(nodes);
			}
		}
	});
}

test('a found value appears on the diagram; one not yet found is a placeholder', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const h1 = page.locator('svg[data-diagram="network"] [data-node="h1"]');
	await expect(h1).toBeVisible();
	await expect(h1).not.toHaveAttribute('data-value');
	await expect(h1).toContainText('out ?');
	// Weights are given: they are on their connections from the start.
	expect(near(await page.locator('[data-edge="w5"]').getAttribute('data-value'), trace.w5 as number)).toBe(true);
	await expect(page.locator('[data-edge="w5"]')).not.toHaveAttribute('data-grad');

	const input = page.locator('input[data-quantity="out_h1"]').first();
	await input.fill(typed('out_h1'));
	await input.press('Enter');
	await expect(h1).toHaveAttribute('data-value', String(trace.out_h1));
	await expect(h1).toContainText(`out ${(trace.out_h1 as number).toPrecision(4)}`);
});

test('the step in focus highlights what it reads and what it produces, and is announced', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	await page.locator('input[data-quantity="net_h1"]').first().focus();
	const diagram = page.locator('svg[data-diagram="network"]');
	await expect(diagram.locator('[data-node="h1"]')).toHaveClass(/produces/);
	for (const w of ['w1', 'w2', 'b1']) await expect(diagram.locator(`[data-edge="${w}"][data-to="h1"]`)).toHaveClass(/reads/);
	await expect(diagram.locator('[data-node="o1"]')).toHaveClass(/dim/);
	await expect(page.locator('[aria-live="polite"]', { hasText: 'net_h1' })).toHaveCount(1);

	// A hidden neuron's gradient runs over every path to the loss.
	await page.locator('input[data-quantity="dE/dout_h1"]').first().focus();
	for (const edge of ['h1->o1', 'h1->o2']) {
		const [from, to] = edge.split('->');
		await expect(diagram.locator(`[data-from="${from}"][data-to="${to}"]`)).toHaveClass(/reads/);
	}
});

test('pressing Enter on a node of the diagram goes to the first open step about it', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const node = page.locator('svg[data-diagram="network"] [data-node="o1"]');
	await node.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('input[data-quantity="net_o1"]').first()).toBeFocused();

	await page.locator('svg[data-diagram="network"] [data-node="h2"]').click();
	await expect(page.locator('input[data-quantity="net_h2"]').first()).toBeFocused();

	// The drawing is one tab stop; arrow keys move from node to node.
	const nodes = page.locator('svg[data-diagram="network"] g.node');
	await expect(nodes.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
	await page.locator('svg[data-diagram="network"] [data-node="i1"]').focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('svg[data-diagram="network"] [data-node="i2"]')).toBeFocused();
});

test('the backward stepper walks every node in the engine’s order with the engine’s numbers, hidden until asked for', async ({ page }) => {
	await gotoHydrated(page, LESSON);
	const panel = page.getByRole('region', { name: 'Network diagram' });
	await panel.getByRole('button', { name: 'Next', exact: true }).click();
	const line = panel.locator('[data-walk-step]');
	await expect(line).toHaveAttribute('data-walk-step', 'dE/dE_total');

	const visited: string[] = [];
	let revealed = false;
	for (;;) {
		const quantity = (await line.getAttribute('data-walk-step')) as string;
		visited.push(quantity);
		const show = panel.getByRole('button', { name: 'Show the numbers anyway' });
		if (!revealed && (await show.count()) > 0) {
			// Revealing is not solving: the numbers were hidden, and showing them solves nothing.
			await expect(line).not.toHaveAttribute('data-walk-value');
			await show.click();
			revealed = true;
		}
		const expected = trace[quantity];
		if (expected !== undefined) expect(near(await line.getAttribute('data-walk-value'), expected), quantity).toBe(true);
		const next = panel.getByRole('button', { name: 'Next', exact: true });
		if (await next.isDisabled()) break;
		await next.click();
		await expect(line).not.toHaveAttribute('data-walk-step', quantity);
	}
	expect(revealed).toBe(true);
	// Every named node of the 2-2-2 network: the loss, 2 errors, 4 neurons × (out, net), 10 parameters, 2 inputs.
	expect(visited).toHaveLength(1 + 2 + 8 + 10 + 2);
	expect(visited.indexOf('delta_o1')).toBeLessThan(visited.indexOf('dE/dout_h1'));
	expect(visited.indexOf('dE/dout_h1')).toBeLessThan(visited.indexOf('delta_h1'));
	await expect(page.locator('[data-state="solved"]')).toHaveCount(0);
});

test('new numbers redraw the diagram with the variant’s values', async ({ page }) => {
	const variant = traceOf('content/60-backprop-step-by-step.md', '--variant', '17');
	await gotoHydrated(page, `${LESSON}?variant=17`);
	await expect(page.locator('[data-variant="17"]')).toBeVisible();
	const w5 = page.locator('[data-edge="w5"]');
	await expect.poll(async () => near(await w5.getAttribute('data-value'), variant.w5 as number)).toBe(true);
	expect(near(await page.locator('[data-node="i1"]').getAttribute('data-value'), variant.i1 as number)).toBe(true);
});

test('the diagram has a table with every node and connection, and passes axe, wide and narrow', async ({ page }) => {
	test.slow(); // two axe scans of a long page
	await gotoHydrated(page, LESSON);
	const panel = page.getByRole('region', { name: 'Network diagram' });
	await panel.getByText('The diagram as a table').click();
	const table = panel.getByRole('table');
	await expect(table.getByRole('rowheader', { name: 'neuron h1' })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: /h1 → o1 \(w5\)/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 375, height: 800 });
	await expectNoAxeViolations(page);
	// The strip can be hidden on a small screen, and comes back.
	await panel.getByRole('button', { name: 'Hide', exact: true }).click();
	await expect(page.locator('svg[data-diagram="network"]')).toBeHidden();
	await panel.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(page.locator('svg[data-diagram="network"]')).toBeVisible();
});

test('a computational graph is drawn gate by gate, with local gradients on its edges once found', async ({ page }) => {
	await gotoHydrated(page, '/lessons/computational-graphs');
	await page.locator('section[data-network="xyz"] input[data-quantity]').first().focus();
	const graph = page.locator('svg[data-diagram="xyz"]');
	await expect(graph.locator('[data-node]')).toHaveCount(5);
	await expect(graph.locator('[data-node="q"]')).toContainText('+');
	await expect(graph.locator('[data-node="f"]')).toContainText('×');
	await expect(graph.locator('[data-node="x"]')).toHaveAttribute('data-value', '-2');
});
