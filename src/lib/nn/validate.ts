import type { KeyPath, Problem } from '$lib/source';
import { closest } from '$lib/source';
import { ExpressionError, parseExpression, type Expression } from './expr';
import type { GraphSpec, NetworkSpec } from './schema';
import { reservedNameProblems } from './reserved';
import { outputProblems, trainingProblems, trainingRunProblems } from './validate-learning';

/** Checks what a schema cannot: that every name refers to something, in an order that works. */
export function networkProblems(spec: NetworkSpec): Problem[] {
	const problems: Problem[] = [];
	const report = (path: KeyPath, message: string) => problems.push({ path, message });
	const inputs = Object.keys(spec.inputs);
	const parameters = new Set(Object.keys(spec.parameters));
	const used = new Set<string>();
	// What a neuron may read: the inputs and every neuron of an earlier layer (skip connections too).
	const available = new Set(inputs);
	const owner = new Map<string, string>(inputs.map((i) => [i, 'an input']));
	for (const p of parameters) if (owner.has(p)) report(['parameters', p], `“${p}” is already the name of an input`);

	const checkWeight = (path: KeyPath, w: string | number) => {
		if (typeof w === 'number') return;
		used.add(w);
		if (!parameters.has(w)) {
			const guess = closest(w, parameters);
			report(path, `the parameter “${w}” has no value: add it under parameters${guess ? ` (or did you mean “${guess}”?)` : ''}`);
		}
	};

	spec.layers.forEach((layer, l) => {
		const names = Object.keys(layer.neurons);
		if (names.length === 0) report(['layers', l, 'neurons'], 'a layer needs at least one neuron');
		for (const [n, neuron] of Object.entries(layer.neurons)) {
			const at: KeyPath = ['layers', l, 'neurons', n];
			if (owner.has(n) || parameters.has(n)) {
				report(at, `“${n}” is already the name of ${owner.get(n) ?? 'a parameter'}: give each neuron its own name`);
			}
			owner.set(n, `a neuron in layer ${l + 1}`);
			if (Object.keys(neuron.inputs).length === 0) report([...at, 'inputs'], 'a neuron needs at least one input');
			for (const [source, w] of Object.entries(neuron.inputs)) {
				if (!available.has(source)) {
					const later = names.includes(source) || spec.layers.slice(l + 1).some((x) => source in x.neurons);
					const guess = closest(source, available);
					report(
						[...at, 'inputs', source],
						later
							? `“${source}” is in this layer or a later one: a neuron reads only inputs or neurons of earlier layers`
							: `unknown input “${source}”: use one of ${[...available].join(', ')}${guess ? ` (did you mean “${guess}”?)` : ''}`
					);
				}
				checkWeight([...at, 'inputs', source], w);
			}
			if (neuron.bias !== undefined) checkWeight([...at, 'bias'], neuron.bias);
		}
		names.forEach((n) => available.add(n));
	});

	for (const p of parameters) {
		if (!used.has(p)) report(['parameters', p], `the parameter “${p}” is not used by any neuron: remove it or connect it`);
	}
	problems.push(...reservedNameProblems(spec), ...outputProblems(spec), ...trainingProblems(spec), ...trainingRunProblems(spec));
	return problems;
}

/** The checked definitions of a graph, in an order where each comes after the names it reads. */
export type GraphPlan = { problems: Problem[]; order: Array<[string, Expression]> };

export function planGraph(spec: GraphSpec): GraphPlan {
	const problems: Problem[] = [];
	const parsed = new Map<string, Expression>();
	const known = new Set([...Object.keys(spec.values), ...Object.keys(spec.define)]);
	for (const name of Object.keys(spec.values)) {
		if (name in spec.define) problems.push({ path: ['define', name], message: `“${name}” is both a value and a definition: keep one` });
		if (name === 'e') problems.push({ path: ['values', name], message: '“e” is Euler’s number: choose another name' });
	}
	// Inside a definition `e` always means Euler's number, so a definition named e could not be read.
	if ('e' in spec.define) problems.push({ path: ['define', 'e'], message: '“e” is Euler’s number: choose another name' });
	for (const [name, source] of Object.entries(spec.define)) {
		try {
			const expr = parseExpression(source);
			for (const n of expr.names) {
				if (!known.has(n)) {
					const guess = closest(n, known);
					problems.push({ path: ['define', name], message: `unknown name “${n}” in ${name}: add it under values or define${guess ? ` (or did you mean “${guess}”?)` : ''}` });
				}
			}
			parsed.set(name, expr);
		} catch (e) {
			if (!(e instanceof ExpressionError)) throw e;
			problems.push({ path: ['define', name], message: e.message });
		}
	}
	if (!known.has(spec.output)) problems.push({ path: ['output'], message: `“${spec.output}” is not defined: name one of ${[...known].join(', ')}` });
	if (problems.length > 0) return { problems, order: [] };
	return orderDefinitions(parsed);
}

/**
 * Depth-first ordering of definitions; a cycle is reported with its whole loop. Iterative, so a
 * chain of thousands of definitions cannot overflow the call stack: the stack of frames is the
 * trail of names being visited.
 */
function orderDefinitions(parsed: Map<string, Expression>): GraphPlan {
	const order: Array<[string, Expression]> = [];
	const done = new Set<string>();
	for (const start of parsed.keys()) {
		if (done.has(start)) continue;
		const stack: Array<{ name: string; expr: Expression; next: number }> = [{ name: start, expr: parsed.get(start) as Expression, next: 0 }];
		const visiting = new Set([start]);
		while (stack.length > 0) {
			const top = stack[stack.length - 1] as { name: string; expr: Expression; next: number };
			const n = top.expr.names[top.next++];
			if (n === undefined) {
				stack.pop();
				visiting.delete(top.name);
				done.add(top.name);
				order.push([top.name, top.expr]);
				continue;
			}
			const expr = parsed.get(n);
			if (!expr || done.has(n)) continue;
			if (visiting.has(n)) {
				const trail = stack.map((f) => f.name);
				const loop = [...trail.slice(trail.indexOf(n)), n].join(' → ');
				return { problems: [{ path: ['define', n], message: `the definitions form a cycle (${loop}): a value cannot depend on itself` }], order: [] };
			}
			visiting.add(n);
			stack.push({ name: n, expr, next: 0 });
		}
	}
	return { problems: [], order };
}
