import { stepsFor } from '$lib/derivation';
import { buildModel, loadModel, traceModel, trainingTrace, type ModelSpec, type Trace } from '$lib/nn';
import { closest, ContentError, ContentErrors } from '$lib/source';
import type { FrontMatter } from './frontmatter';
import { graphSizeProblem } from './limits';

/** `training`: the training quantities alone (empty without a data set), shipped to the page. */
export type LessonNetwork = { spec: ModelSpec; trace: Trace; training: Trace };

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
			const training = model.spec.kind === 'network' ? trainingTrace(model.spec) : {};
			result.loaded.set(name, { spec: model.spec, trace: traceModel(model.build(), { training }), training });
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
 * Why `target` cannot be derived, or undefined when it can: any quantity the tutor has a
 * step-by-step rule for and that is not read off the network (a δ, dE/dx1, dout_o1/dnet_o1,
 * dE/dP, P_new, net_h1 …; for a graph its definitions, gradients, local gradients and path terms).
 */
export function targetProblem(network: LessonNetwork, target: string): string | undefined {
	const { spec, trace } = network;
	if (spec.kind === 'architecture') return `cannot derive “${target}”: a ${spec.kind} model has counts, not a chain rule: ask them with an :::exercise`;
	const steps = stepsFor(buildModel(spec), trace);
	const step = Object.hasOwn(trace, target) ? steps.step(target) : undefined;
	if (step && !step.given) return undefined;
	if (step?.given) return `cannot derive “${target}”: it is read off the network (${step.rule}), so there is nothing to derive: ask it in an :::exercise, or derive a quantity that uses it`;
	if (spec.kind === 'graph') {
		const names = Object.keys(trace).filter((k) => k.startsWith(`d${spec.output}/d`));
		const guess = closest(target, Object.keys(trace));
		return `cannot derive “${target}” in this graph: a target is one of its definitions or gradients, such as d${spec.output}/dN for one of its values or definitions N${guess ? ` (did you mean “${guess}”?)` : `, e.g. ${names[0] ?? ''}`}`;
	}
	const match = /^dE\/d(\w+)$/.exec(target) ?? /^(\w+)_new$/.exec(target);
	const parameters = Object.keys(spec.parameters);
	const p = match?.[1];
	if (match && p !== undefined && !parameters.includes(p) && !(p in spec.inputs)) {
		// dE/dx2 for an input x1 suggests dE/dx1: a name of the same kind, never a bias.
		const input = target.startsWith('dE/d') ? closest(p, Object.keys(spec.inputs)) : undefined;
		if (input) return `unknown input “${p}” in target “${target}”: did you mean “dE/d${input}”? (inputs: ${list(Object.keys(spec.inputs))})`;
		const guess = closest(p, parameters);
		const meant = guess && (target.startsWith('dE/d') ? `dE/d${guess}` : `${guess}_new`);
		return `unknown parameter “${p}” in target “${target}”: ${meant ? `did you mean “${meant}”? (parameters: ${list(parameters)})` : `use one of ${list(parameters)}`}`;
	}
	if (match && !spec.targets) return `cannot derive “${target}”: the network has no targets, so no error E. Add targets: { … } for its outputs`;
	if (target.endsWith('_new') && p !== undefined && parameters.includes(p) && spec.learningRate === undefined) {
		return `cannot derive “${target}”: the network has no learningRate for the update. Add learningRate: 0.5 (for example)`;
	}
	if (Object.hasOwn(trace, target)) {
		return `cannot derive “${target}”: the tutor has no step-by-step rule for it (training, gradient-check and count quantities have none): ask it in an :::exercise, with a hint of your own`;
	}
	const guess = closest(target, Object.keys(trace));
	return `cannot derive “${target}”: it is not a quantity of this network${guess ? ` (did you mean “${guess}”?)` : ''}. A target is any quantity with steps, e.g. dE/d${parameters[0] ?? 'w1'}, delta_X or dE/dX for an input X`;
}

const list = (names: string[]) => names.join(', ');
