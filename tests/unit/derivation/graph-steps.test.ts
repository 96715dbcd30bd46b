import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphContext, graphQuantities, localName, quantityTex, stepsFor } from '$lib/derivation';
import { renderTexStrict } from '$lib/katex';
import { checkModel, modelsInFile, traceModel, type GraphModel } from '$lib/nn';

type Spec = { values: Record<string, number>; define: Record<string, string>; output: string };

function load(spec: Spec) {
	const result = checkModel(spec);
	if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
	const model = result.build() as GraphModel;
	const trace = traceModel(model);
	return { model, trace, steps: stepsFor(model, trace), context: graphContext(model, trace) };
}

const step = (steps: ReturnType<typeof stepsFor>, quantity: string) => {
	const s = steps.step(quantity);
	if (!s) throw new Error(`no step for ${quantity}`);
	return s;
};

const sig = (x: number) => 1 / (1 + Math.exp(-x));

describe('deck 001: f = (x + y)·z at x = −2, y = 5, z = −4', () => {
	const file = 'content/networks/graph-xyz.yaml';
	const model = modelsInFile(readFileSync(file, 'utf8'), file).get('network')?.build() as GraphModel;
	const trace = traceModel(model);
	const steps = stepsFor(model, trace);

	it('computes q and f forward from the definitions, in symbols and with the values', () => {
		const q = step(steps, 'q');
		expect([q.kind, q.symbolic, q.substituted, q.value]).toEqual(['definition', 'x+ y', '(-2)+ 5', 3]);
		const f = step(steps, 'f');
		expect(f.symbolic).toBe('q\\cdot z');
		expect(f.substituted).toBe('3\\cdot (-4)');
		expect(f.value).toBe(-12);
		expect(f.needs).toEqual(['q']);
	});

	it('gives df/dq = z by the mul gate swapping its inputs', () => {
		const s = step(steps, 'df/dq');
		expect([s.kind, s.symbolic, s.substituted, s.value]).toEqual(['graph-local', 'z', '(-4)', -4]);
		expect(s.rule).toMatch(/^mul gate: the local gradient is the other input/);
		expect(s.rule).toContain('swap');
		// The rule names the pattern; the number is for the learner to find.
		expect(s.rule).not.toContain('4');
	});

	it('gives df/dz = q, the other input of the mul gate', () => {
		const s = step(steps, 'df/dz');
		expect([s.symbolic, s.value, s.needs]).toEqual(['q', 3, ['q']]);
		expect(s.rule).toContain('the other input');
		expect(s.rule).not.toContain('3');
	});

	it('gives dq/dx = 1 by the add gate, which passes the gradient on unchanged', () => {
		const s = step(steps, 'dq/dx');
		expect([s.kind, s.symbolic, s.value]).toEqual(['graph-local', '1', 1]);
		expect(s.rule).toContain('add gate: distributes the gradient');
		expect(steps.value('dq/dx')).toBe(1);
	});

	it('multiplies upstream by local: df/dx = df/dq · dq/dx = −4, and df/dy = −4', () => {
		const s = step(steps, 'df/dx');
		expect(s.kind).toBe('graph-gradient');
		expect(s.symbolic).toBe(`${quantityTex('df/dq')} \\cdot ${quantityTex('dq/dx')}`);
		expect(s.substituted).toBe('(-4) \\cdot 1');
		expect(s.needs).toEqual(['df/dq', 'dq/dx']);
		expect(s.value).toBe(-4);
		expect(step(steps, 'df/dy').value).toBe(-4);
	});

	it('derives df/dx from the output down: upstream, local, then their product', () => {
		expect(steps.derivation('df/dx').map((s) => s.quantity)).toEqual(['df/dq', 'dq/dx', 'df/dx']);
		expect(steps.derivation('df/dz').map((s) => s.quantity)).toEqual(['df/dz']);
	});

	it('derives a definition forward, after the definitions it reads', () => {
		expect(steps.derivation('f').map((s) => s.quantity)).toEqual(['q', 'f']);
	});

	it('treats the values and df/df as given, and starts the backward pass at df/df = 1', () => {
		for (const name of ['x', 'y', 'z', 'df/df']) expect(steps.isGiven(name), name).toBe(true);
		for (const name of ['q', 'f', 'df/dq', 'dq/dx', 'df/dx']) expect(steps.isGiven(name), name).toBe(false);
		const start = step(steps, 'df/df');
		expect([start.kind, start.value, start.given]).toEqual(['graph-output', 1, true]);
		expect(steps.value('df/df')).toBe(1);
		expect(steps.step('x')).toBeUndefined();
	});

	it('carries a learner’s own upstream gradient into the product', () => {
		const s = step(steps, 'df/dx');
		const theirs = (name: string) => (name === 'df/dq' ? 4 : steps.value(name));
		expect(s.compute(theirs)).toBe(4);
		expect(s.substitute(theirs)).toBe('4 \\cdot 1');
	});

	it('has no step for a quantity the graph does not have', () => {
		for (const q of ['dq/dz', 'dx/dq', 'df/dw', 'df/dq (local)', 'w']) expect(steps.step(q), q).toBeUndefined();
		expect(() => steps.value('dq/dz')).toThrow();
	});
});

// Deck 001's sigmoid neuron f(w, x) = 1 / (1 + e^−(w0·x0 + w1·x1 + w2)), by hand.
const neuron = { w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 };
const s = neuron.w0 * neuron.x0 + neuron.w1 * neuron.x1 + neuron.w2;
const out = sig(s);
const dfds = out * (1 - out);
const expected = {
	'df/dw0': neuron.x0 * dfds,
	'df/dx0': neuron.w0 * dfds,
	'df/dw1': neuron.x1 * dfds,
	'df/dx1': neuron.w1 * dfds,
	'df/dw2': dfds
};
const published = { 'df/dw0': -0.2, 'df/dx0': 0.39, 'df/dw1': -0.39, 'df/dx1': -0.59, 'df/dw2': 0.2 };

describe('deck 001: the sigmoid neuron as a staged graph with a sigmoid gate', () => {
	const { steps } = load({ values: neuron, define: { a: 'w0*x0', b: 'w1*x1', s: 'a + b + w2', f: 'sigmoid(s)' }, output: 'f' });

	it('computes f = 0.73 forward', () => {
		expect(step(steps, 's').value).toBe(1);
		expect(step(steps, 'f').value).toBeCloseTo(out, 15);
		expect(step(steps, 'f').value).toBeCloseTo(0.73, 2);
		expect(step(steps, 'f').symbolic).toBe('\\sigma\\left( s\\right)');
	});

	it('writes df/ds as f(1 − f), read off the output', () => {
		const local = step(steps, 'df/ds');
		expect(local.symbolic).toBe('f(1 - f)');
		expect(local.needs).toEqual(['f']);
		expect(local.value).toBeCloseTo(dfds, 15);
		expect(local.rule).toContain('sigmoid gate');
	});

	it('gives each weight and input its gradient, as published to two decimals', () => {
		for (const [q, v] of Object.entries(expected)) {
			expect(step(steps, q).value, q).toBeCloseTo(v, 15);
			expect(step(steps, q).value, q).toBeCloseTo(published[q as keyof typeof published], 2);
		}
	});

	it('lets the three-input add gate pass df/ds on to a, b and w2', () => {
		for (const n of ['a', 'b', 'w2']) {
			expect(step(steps, `ds/d${n}`).rule).toContain('add gate');
			expect(step(steps, `ds/d${n}`).value).toBe(1);
		}
	});

	it('derives df/dw0 through s and a, each factor before the product that needs it', () => {
		expect(steps.derivation('df/dw0').map((x) => x.quantity)).toEqual(['df/ds', 'ds/da', 'df/da', 'da/dw0', 'df/dw0']);
	});
});

describe('deck 001: the sigmoid neuron gate by gate (negate, exp, add 1, reciprocal)', () => {
	const { steps } = load({
		values: neuron,
		define: { a: 'w0*x0', b: 'w1*x1', s: 'a + b + w2', n: '-s', t: 'exp(n)', d: '1 + t', f: '1/d' },
		output: 'f'
	});
	const t = Math.exp(-s);
	const d = 1 + t;

	it('writes each gate’s local gradient by its rule', () => {
		const div = step(steps, 'df/dd');
		expect([div.symbolic, div.value]).toEqual(['-\\frac{1}{d^{2}}', -1 / (d * d)]);
		const exp = step(steps, 'dt/dn');
		expect([exp.symbolic, exp.value]).toEqual(['t', t]);
		expect(exp.rule).toContain('output itself');
		expect(step(steps, 'dd/dt').value).toBe(1);
		expect(step(steps, 'dn/ds').value).toBe(-1);
		expect(step(steps, 'dn/ds').rule).toContain('sign flipped');
	});

	it('reaches the same gradients as the sigmoid gate', () => {
		expect(step(steps, 'df/ds').value).toBeCloseTo(dfds, 15);
		for (const [q, v] of Object.entries(expected)) expect(step(steps, q).value, q).toBeCloseTo(v, 15);
	});
});

describe('fan-out: x read twice, p = x·y and g = p + x', () => {
	const { steps } = load({ values: { x: 3, y: 2 }, define: { p: 'x*y', g: 'p + x' }, output: 'g' });

	it('adds the gradients of both uses of x: dg/dx = y + 1', () => {
		const sum = step(steps, 'dg/dx');
		expect(sum.kind).toBe('graph-gradient');
		expect(sum.needs).toEqual(['dg/dp', 'dp/dx', 'dg/dx (local)']);
		expect(sum.substituted).toBe('1 \\cdot 2 + 1 \\cdot 1');
		expect(sum.value).toBe(2 + 1);
		expect(sum.rule).toMatch(/^copy: .*the gradients of both uses add up/);
	});

	it('names the output’s own local gradient apart from the whole gradient', () => {
		const local = step(steps, 'dg/dx (local)');
		expect([local.kind, local.value, local.label]).toEqual(['graph-local', 1, '\\left.\\frac{\\partial g}{\\partial x}\\right|_{\\text{local}}']);
		expect(steps.value('dg/dx (local)')).toBe(1);
		expect(steps.value('dg/dx')).toBe(3);
	});

	it('derives dg/dx from the output down, each step once', () => {
		expect(steps.derivation('dg/dx').map((x) => x.quantity)).toEqual(['dg/dp', 'dp/dx', 'dg/dx (local)', 'dg/dx']);
	});

	it('differentiates one definition g = x·y + x term by term', () => {
		const one = load({ values: { x: 3, y: 2 }, define: { g: 'x*y + x' }, output: 'g' }).steps;
		const local = step(one, 'dg/dx');
		expect([local.symbolic, local.substituted, local.value]).toEqual(['y + 1', '2 + 1', 3]);
		expect(local.rule).toContain('sum rule');
		expect(step(one, 'dg/dy').symbolic).toBe('x');
		expect(step(one, 'dg/dy').rule).toContain('mul gate: the local gradient is the other input');
	});
});

describe('max gate', () => {
	const { steps } = load({ values: { x: 4, y: 2, z: 3 }, define: { m: 'max(x, y)', f: 'm * z' }, output: 'f' });

	it('routes the gradient to the larger input and gives the other 0', () => {
		const toX = step(steps, 'dm/dx');
		const toY = step(steps, 'dm/dy');
		expect([toX.value, toY.value]).toEqual([1, 0]);
		expect(toX.rule).toContain('max gate: routes the gradient to the larger input');
		expect(toY.rule).toContain('max gate: routes the gradient to the larger input');
		expect([step(steps, 'df/dx').value, step(steps, 'df/dy').value]).toEqual([3, 0]);
	});

	it('follows a learner’s own values to the other input', () => {
		expect(step(steps, 'dm/dy').compute((n) => (n === 'y' ? 5 : steps.value(n)))).toBe(1);
	});
});

// Every gate, a compound definition, a fan-out into the output, and names that do not feed it.
const graphs: Record<string, Spec> = {
	'deck 001': { values: { x: -2, y: 5, z: -4 }, define: { q: 'x + y', f: 'q * z' }, output: 'f' },
	gates: {
		values: { x: 1.5, y: -0.7, z: 2 },
		define: {
			a: 'x - y', b: 'a / z', c: 'z / a', d: 'b^2', g: 'e^b', h: 'log(z)', k: 'tanh(y)', r: 'relu(y)',
			m: 'max(0, x, c)', s: 'sigmoid(d)', p: 'x * y * z', u: '-p', v: 'a', w: '2x + y^-1',
			f: 'm*g + h*k + r + s*u + v + w - c + x'
		},
		output: 'f'
	},
	compound: { values: { x: 0.3, y: -1.2 }, define: { q: 'exp(x*y) / (1 + x^2)', f: 'q * x + tanh(q - y)', n: 'f + 1' }, output: 'f' }
};

describe.each(Object.entries(graphs))('every step of the %s graph', (_, spec) => {
	const { steps, trace, context } = load(spec);
	const quantities = graphQuantities(context);
	const all = quantities.map((q) => step(steps, q));

	it('recomputes each step from the engine’s values, agreeing with the engine to 1e-12', () => {
		for (const s of all) {
			expect(Math.abs(s.compute(steps.value) - s.value), s.quantity).toBeLessThan(1e-12);
			if (s.quantity in trace) expect(s.value, s.quantity).toBe(trace[s.quantity]);
		}
	});

	it('has a step for every definition and gradient of the trace', () => {
		const traced = Object.keys(trace).filter((q) => !(q in spec.values));
		expect(traced.filter((q) => !quantities.includes(q))).toEqual([]);
	});

	it('writes TeX that KaTeX accepts', () => {
		for (const s of all) {
			for (const tex of [s.label, s.symbolic, s.substituted]) expect(() => renderTexStrict(tex), `${s.quantity}: ${tex}`).not.toThrow();
		}
	});

	it('lists each derivation step once, after the steps it needs', () => {
		for (const target of Object.keys(trace).filter((q) => q.startsWith(`d${spec.output}/d`))) {
			const derivation = steps.derivation(target);
			const seen = new Set<string>();
			for (const s of derivation) {
				for (const need of s.needs) if (need.includes('/')) expect(seen.has(need), `${target}: ${s.quantity} needs ${need}`).toBe(true);
				expect(seen.has(s.quantity), `${target}: ${s.quantity} twice`).toBe(false);
				seen.add(s.quantity);
			}
			expect(derivation.at(-1)?.quantity).toBe(target);
		}
	});
});

describe('local gradients against finite differences', () => {
	it('match a central difference of each definition in its own names', () => {
		const { steps, context } = load(graphs.gates as Spec);
		for (const [name, expr] of context.expressions) {
			for (const wrt of expr.names) {
				const local = localName(context, name, wrt);
				const at = (dx: number) => step(steps, name).compute((n) => steps.value(n) + (n === wrt ? dx : 0));
				const numeric = (at(1e-6) - at(-1e-6)) / 2e-6;
				expect(step(steps, local).value, local).toBeCloseTo(numeric, 5);
			}
		}
	});
});

describe('a name that does not feed the output', () => {
	it('has gradient 0, and its own local gradients still have steps', () => {
		const { steps } = load(graphs.compound as Spec);
		const s = step(steps, 'df/dn');
		expect([s.value, s.rule]).toEqual([0, '\\(n\\) does not feed \\(f\\): think about what that means for its gradient']);
		expect(step(steps, 'dn/df').value).toBe(1);
	});
});

describe('the gate of a local step', () => {
	it('is given as a field, so feedback need not read the rule’s words', () => {
		const { steps } = load({ values: { x: 2, y: 3 }, define: { p: 'x * y', f: 'p + x' }, output: 'f' });
		expect(step(steps, 'dp/dx').gate).toBe('mul');
		expect(step(steps, 'df/dp').gate).toBe('add');
		expect(step(steps, 'p').gate).toBeUndefined();
	});
});
