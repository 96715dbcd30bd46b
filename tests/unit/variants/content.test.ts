import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, modelsInFile, traceModel, type ModelSpec } from '$lib/nn';
import { degeneracies, drawVariant } from '$lib/variants';

const DIR = new URL('../../../content/networks/', import.meta.url);

/** Every network file that loads today; content is written elsewhere, so broken files are not ours to judge. */
function networks(): Array<[string, ModelSpec]> {
	return readdirSync(DIR)
		.filter((f) => f.endsWith('.yaml'))
		.flatMap((file): Array<[string, ModelSpec]> => {
			try {
				const model = modelsInFile(readFileSync(new URL(file, DIR), 'utf8'), file).get('network');
				return model?.ok ? [[file, model.spec]] : [];
			} catch {
				return [];
			}
		});
}

describe('new numbers for every network in content/networks', () => {
	it.each(networks())('%s: a variant with the same quantities and no new degeneracy, or the lesson’s own numbers', (_, spec) => {
		const original = traceModel(buildModel(spec));
		const allowed = new Set(degeneracies(buildModel(spec), original).map((d) => `${d.node}:${d.rule}`));
		for (const seed of [1, 17, 999999]) {
			const { spec: drawn, outcome } = drawVariant(spec, seed);
			if (outcome !== 'drawn') {
				expect(drawn).toBe(spec);
				continue;
			}
			const model = buildModel(drawn);
			const trace = traceModel(model);
			expect(Object.keys(trace).sort()).toEqual(Object.keys(original).sort());
			expect(degeneracies(model, trace, original).filter((d) => !allowed.has(`${d.node}:${d.rule}`))).toEqual([]);
		}
	});
});
