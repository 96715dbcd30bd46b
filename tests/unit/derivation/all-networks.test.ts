import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphContext, graphQuantities, quantityTex, stepsFor } from '$lib/derivation';
import { renderTexStrict } from '$lib/katex';
import { buildModel, modelsInFile, traceModel, type Model } from '$lib/nn';
import { loadLessonsFromDisk } from '$lib/server/lessons';

/**
 * Every network of the content, in network files and in lessons' front matter: each traced
 * quantity that has a step must be computed by that step from the engine's values, and the
 * step's TeX must pass KaTeX's strict mode.
 */
type Case = { name: string; model: Model; labels: Record<string, string> };

const cases: Case[] = [];
for (const file of readdirSync('content/networks').filter((f) => f.endsWith('.yaml')).sort()) {
	const path = `content/networks/${file}`;
	for (const [name, result] of modelsInFile(readFileSync(path, 'utf8'), path)) {
		cases.push({ name: `${path} (${name})`, model: result.build(), labels: {} });
	}
}
for (const lesson of loadLessonsFromDisk()) {
	for (const [name, spec] of Object.entries(lesson.networks)) {
		cases.push({ name: `${lesson.file} (${name})`, model: buildModel(spec), labels: lesson.labels });
	}
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-15;

describe.each(cases)('$name', ({ model, labels }) => {
	const trace = traceModel(model);
	const steps = stepsFor(model, trace, labels);
	// A graph's local gradients ∂C/∂N have steps but no trace entry: their value is the engine's too.
	const quantities = model.kind === 'graph' ? [...new Set([...Object.keys(trace), ...graphQuantities(graphContext(model, trace, labels))])] : Object.keys(trace);
	const valueOf = (q: string) => trace[q] ?? steps.value(q);

	it('has steps that compute the trace’s values', () => {
		const wrong: string[] = [];
		for (const q of quantities) {
			const step = steps.step(q);
			if (!step) continue;
			const got = step.compute(steps.value);
			if (!close(got, valueOf(q))) wrong.push(`${q}: step ${got} (${step.symbolic}), engine ${valueOf(q)}`);
		}
		expect(wrong).toEqual([]);
	});

	it('writes every step in strict TeX', () => {
		const bad: string[] = [];
		for (const q of quantities) {
			const step = steps.step(q);
			if (!step) continue;
			for (const tex of [step.label, step.symbolic, step.substituted]) {
				try {
					renderTexStrict(tex);
				} catch (e) {
					bad.push(`${q}: ${tex}: ${(e as Error).message}`);
				}
			}
		}
		expect(bad).toEqual([]);
	});

	it('labels every traced quantity in strict TeX', () => {
		const bad: string[] = [];
		for (const q of quantities) {
			const label = steps.step(q)?.label ?? quantityTex(q, labels);
			try {
				renderTexStrict(label);
			} catch (e) {
				bad.push(`${q}: ${label}: ${(e as Error).message}`);
			}
		}
		expect(bad).toEqual([]);
	});
});
