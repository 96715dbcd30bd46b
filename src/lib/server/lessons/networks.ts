import { loadModel, traceModel, type ModelSpec, type Trace } from '$lib/nn';
import { closest, ContentError, ContentErrors } from '$lib/source';
import type { FrontMatter } from './frontmatter';
import { graphSizeProblem } from './limits';

export type LessonNetwork = { spec: ModelSpec; trace: Trace };

/** A lesson's networks: those that loaded, and the names of those that did not. */
export type LessonNetworks = {
	loaded: Map<string, LessonNetwork>;
	failed: Set<string>;
	/** False when the front matter's networks could not even be listed: skip name checks. */
	complete: boolean;
};

/** Loads `network:` (named “network”) and each of `networks:`; problems go to `errors`. */
export function loadNetworks(front: FrontMatter, file: string, errors: ContentError[]): LessonNetworks {
	const result: LessonNetworks = { loaded: new Map(), failed: new Set(), complete: true };
	const raw = (front.yaml.data ?? {}) as Record<string, unknown>;
	const paths: Array<[string, string[]]> = [];
	if (raw.network !== undefined) paths.push(['network', ['network']]);
	if (raw.networks !== undefined) {
		if (front.networks === undefined) result.complete = false;
		for (const name of Object.keys(front.networks ?? {})) {
			if (name === 'network' && raw.network !== undefined) {
				errors.push(new ContentError(file, front.yaml.lineOf(['networks', name]), 'a network named “network” is already given by network: above: rename one'));
				continue;
			}
			paths.push([name, ['networks', name]]);
		}
	}
	for (const [name, path] of paths) {
		const tooLarge = graphSizeProblem(path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], raw));
		if (tooLarge) {
			errors.push(new ContentError(file, front.yaml.lineOf(path), `${path.join('.')}: ${tooLarge}`));
			result.failed.add(name);
			continue;
		}
		try {
			const model = loadModel(front.yaml, path);
			result.loaded.set(name, { spec: model.spec, trace: traceModel(model.build()) });
		} catch (e) {
			if (!(e instanceof ContentErrors)) throw e;
			errors.push(...e.errors);
			result.failed.add(name);
		}
	}
	return result;
}

/**
 * The network an exercise or printed value refers to: the one named, or the lesson's only one.
 * Undefined (with an error reported, unless the network itself failed to load) otherwise.
 */
export function resolveNetwork(
	networks: LessonNetworks,
	name: string | undefined,
	report: (message: string) => void
): string | undefined {
	const names = [...networks.loaded.keys(), ...networks.failed];
	if (name !== undefined && name !== '') {
		if (networks.loaded.has(name)) return name;
		if (networks.failed.has(name) || !networks.complete) return undefined;
		const guess = closest(name, names);
		report(
			`unknown network “${name}”${guess ? `: did you mean “${guess}”?` : names.length > 0 ? `: this lesson has ${list(names)}` : ': this lesson has no network'}`
		);
		return undefined;
	}
	if (names.length === 1) return networks.loaded.has(names[0] as string) ? names[0] : undefined;
	if (!networks.complete) return undefined;
	if (names.length === 0) report('this lesson has no network: add network: { inputs: …, layers: … } to its front matter');
	else report(`this lesson has several networks (${list(names)}): say which with network="${names[0]}"`);
	return undefined;
}

/** Reports a name that is not a quantity of the network; true when it is one. */
export function checkQuantity(
	network: LessonNetwork,
	quantity: string,
	file: string,
	report: (message: string) => void
): boolean {
	if (Object.hasOwn(network.trace, quantity)) return true;
	const guess = closest(quantity, Object.keys(network.trace));
	report(
		`unknown quantity “${quantity}”${guess ? `: did you mean “${guess}”?` : `: see the quantities with npm run trace -- ${file}`}`
	);
	return false;
}

/**
 * Why `target` cannot be derived, or undefined when it can: `dE/dP` or `P_new` for a parameter
 * P of a network with targets (and a learning rate for P_new), `dF/dN` for a graph's output F.
 */
export function targetProblem(network: LessonNetwork, target: string): string | undefined {
	const { spec, trace } = network;
	if (spec.kind === 'graph') {
		if (new RegExp(`^d${spec.output}/d\\w+$`).test(target) && Object.hasOwn(trace, target) && target !== `d${spec.output}/d${spec.output}`) return undefined;
		const names = Object.keys(trace).filter((k) => k.startsWith(`d${spec.output}/d`));
		const guess = closest(target, names);
		return `cannot derive “${target}” in this graph: a target is d${spec.output}/dN for one of its values or definitions N${guess ? ` (did you mean “${guess}”?)` : `, e.g. ${names[0] ?? ''}`}`;
	}
	if (spec.kind !== 'network') return `cannot derive “${target}”: a ${spec.kind} model has counts, not a chain rule: ask them with an :::exercise`;
	const match = /^dE\/d(\w+)$/.exec(target) ?? /^(\w+)_new$/.exec(target);
	const parameters = Object.keys(spec.parameters);
	if (!match) {
		return `cannot derive “${target}”: a target is dE/dP or P_new for a parameter P (${list(parameters.slice(0, 3))}${parameters.length > 3 ? ', …' : ''})`;
	}
	const p = match[1] as string;
	if (!parameters.includes(p)) {
		const guess = closest(p, parameters);
		const meant = guess && (target.startsWith('dE/d') ? `dE/d${guess}` : `${guess}_new`);
		return `unknown parameter “${p}” in target “${target}”: ${meant ? `did you mean “${meant}”? (parameters: ${list(parameters)})` : `use one of ${list(parameters)}`}`;
	}
	if (!spec.targets) return `cannot derive “${target}”: the network has no targets, so no error E. Add targets: { … } for its outputs`;
	if (target.endsWith('_new') && spec.learningRate === undefined) {
		return `cannot derive “${target}”: the network has no learningRate for the update. Add learningRate: 0.5 (for example)`;
	}
	return undefined;
}

const list = (names: string[]) => names.join(', ');
