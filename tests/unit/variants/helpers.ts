import { readFileSync } from 'node:fs';
import { modelsInFile, type ModelSpec } from '$lib/nn';

/** The checked spec of a network file in content/networks, or of YAML text given here. */
export function specOf(fileOrYaml: string): ModelSpec {
	const isFile = fileOrYaml.endsWith('.yaml') && !fileOrYaml.includes('\n');
	const text = isFile ? readFileSync(new URL(`../../../${fileOrYaml}`, import.meta.url), 'utf8') : fileOrYaml;
	const model = modelsInFile(text, isFile ? fileOrYaml : 'test.yaml').get('network');
	if (!model?.ok) throw new Error(`no network in ${fileOrYaml}`);
	return model.spec;
}

export const MAZUR = 'content/networks/mazur-2-2-2.yaml';
export const GRAPH_XYZ = 'content/networks/graph-xyz.yaml';

export function network(spec: ModelSpec) {
	if (spec.kind !== 'network') throw new Error('not a network');
	return spec;
}
