import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { checkModel, evaluateRows, modelsInFile, traceModel, type NetworkSpec, type Trace } from '$lib/nn';
import { printedAgrees } from '$lib/server/lessons';

/** The text of a network file under content/networks. */
export function networkText(name: string): string {
	return readFileSync(new URL(`../../../content/networks/${name}`, import.meta.url), 'utf8');
}

/** The checked model of a network file, loaded as a lesson would load it. */
export function loadNetwork(name: string) {
	const model = modelsInFile(networkText(name), `content/networks/${name}`).get('network');
	if (!model) throw new Error(`${name}: no network`);
	return model;
}

/** Every quantity of the network (or graph, or architecture) in a network file. */
export function traceFile(name: string): Trace {
	return traceModel(loadNetwork(name).build());
}

/** The forward pass of a network file for several rows of inputs (a truth table, a second input). */
export function rowsOf(name: string, rows: Array<Record<string, number>>): Trace[] {
	const { spec } = loadNetwork(name);
	if (spec.kind !== 'network') throw new Error(`${name}: not a network`);
	return evaluateRows(spec as NetworkSpec, rows);
}

/**
 * A number a slide prints correctly: the engine's value rounded to the printed digits is the
 * printed number (the app's own rule for printed values, see $lib/server/lessons/printed.ts).
 */
export function expectPrinted(trace: Trace, quantity: string, printed: string) {
	const engine = trace[quantity];
	expect(engine, `${quantity} is not traced`).toBeTypeOf('number');
	expect(printedAgrees(printed, engine as number), `${quantity}: slide ${printed}, engine ${engine}`).toBe(true);
}

/** A number the slide cut off after its last printed digit instead of rounding it. */
export function expectCutOff(trace: Trace, quantity: string, printed: string) {
	const engine = trace[quantity] as number;
	expect(printedAgrees(printed, engine), `${quantity}: slide ${printed} should not round from ${engine}`).toBe(false);
	expect(printedAgrees(printed, engine, { cutOff: true }), `${quantity}: slide ${printed}, engine ${engine}`).toBe(true);
}

/** A number the slide prints wrongly: not the engine's value, rounded or cut off; `right` is. */
export function expectWrong(trace: Trace, quantity: string, printed: string, right: string) {
	const engine = trace[quantity] as number;
	expect(printedAgrees(printed, engine, { cutOff: true }), `${quantity}: slide ${printed} agrees with ${engine}`).toBe(false);
	expect(printedAgrees(right, engine), `${quantity}: the correction ${right}, engine ${engine}`).toBe(true);
}

/**
 * The trace of a network file with some of its top-level entries changed or added (parameters,
 * inputs, a data set…), checked as a file would be: `patch` gets the parsed YAML and edits it.
 */
export function traceWith(name: string, patch: (data: Record<string, any>) => void): Trace {
	const data = parse(networkText(name)) as Record<string, any>;
	patch(data);
	const result = checkModel(data);
	if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
	return traceModel(result.build());
}
