import { ContentError, readYaml, splitFrontMatter } from '$lib/source';
import { loadModel } from './load';

/**
 * The networks and graphs of a file: a network file (YAML), or a lesson whose front matter has
 * `network:` or `networks: { name: … }`. Throws ContentError(s) naming the file and line.
 */
export function modelsInFile(text: string, file: string) {
	const isMarkdown = /\.(md|markdown)$/i.test(file);
	const front = isMarkdown ? splitFrontMatter(text) : undefined;
	if (isMarkdown && !front) throw new ContentError(file, 1, 'a lesson starts with front matter between two --- lines');
	const yaml = front ? readYaml(front.yaml, file, front.yamlFirstLine) : readYaml(text, file);
	if (!isMarkdown) return new Map([['network', loadModel(yaml)]]);

	const data = (yaml.data ?? {}) as Record<string, unknown>;
	const models = new Map<string, ReturnType<typeof loadModel>>();
	if (data.network !== undefined) models.set('network', loadModel(yaml, ['network']));
	const named = data.networks;
	if (named && typeof named === 'object') {
		for (const name of Object.keys(named)) models.set(name, loadModel(yaml, ['networks', name]));
	}
	return models;
}
