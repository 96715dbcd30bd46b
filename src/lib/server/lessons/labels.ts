import { closest, ContentError } from '$lib/source';
import type { FrontMatter } from './frontmatter';
import { texProblem } from './math';
import type { LessonNetworks } from './networks';

/** Labels must be valid TeX and, when the networks loaded, name a quantity of one of them. */
export function checkLabels(front: FrontMatter, networks: LessonNetworks, file: string, errors: ContentError[]): Record<string, string> {
	const known = new Set<string>();
	for (const { spec, trace } of networks.loaded.values()) {
		Object.keys(trace).forEach((q) => known.add(q));
		if (spec.kind === 'network') Object.keys(spec.targets ?? {}).forEach((o) => known.add(`target_${o}`));
	}
	const checkNames = networks.failed.size === 0 && networks.complete;
	for (const [name, tex] of Object.entries(front.labels)) {
		const line = front.yaml.lineOf(['labels', name]);
		if (checkNames && !known.has(name)) {
			const guess = closest(name, [...known]);
			errors.push(new ContentError(file, line, `a label for an unknown quantity “${name}”${guess ? `: did you mean “${guess}”?` : ''}`, `labels.${name}`));
		}
		const problem = texProblem(tex);
		if (problem) errors.push(new ContentError(file, line, problem, `labels.${name}`));
	}
	return front.labels;
}
