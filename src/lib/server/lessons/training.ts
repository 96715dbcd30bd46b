import { closest, ContentError } from '$lib/source';
import { DATASETS } from '$lib/lab/datasets';
import { ownExamples, namesOf } from '$lib/lab/data';
import { MODELS, type ModelGenerator } from '$lib/lab/models';
import { MAX_SHOWN_PARAMETERS } from '$lib/lab/session';
import { TRAINING_MODES, type NetworkSpec } from '$lib/nn/schema';
import type { TrainingBlock } from '$lib/lessons/types';
import { resolveNetwork, type LessonNetworks } from './networks';
import type { TrainingDraft } from './structure';

const ATTRIBUTES = ['network', 'model', 'dataset', 'seed', 'mode', 'rate', 'momentum', 'epochs', 'speed', 'shuffle', 'show', 'id'] as const;
export const PICTURES = ['loss', 'map', 'gradients', 'parameters'] as const;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const MAX_EPOCHS = 1_000_000;
const DEFAULT_EPOCHS = 1000;
/** Epochs a second: slow enough to watch the curve fall; the learner can choose faster. */
const DEFAULT_SPEED = 100;

export type CheckedTraining = Omit<TrainingBlock, 'id' | 'captionHtml'>;

/**
 * Checks a :::training block's attributes against its network (or its generated model): what it
 * trains on, with which options, and which pictures it shows. Every problem is reported at the
 * block's line.
 */
export function checkTraining(draft: TrainingDraft, networks: LessonNetworks, file: string, errors: ContentError[]): CheckedTraining | undefined {
	const fail = (message: string) => errors.push(new ContentError(file, draft.line, message));
	const a = draft.attributes;
	for (const key of Object.keys(a)) {
		if ((ATTRIBUTES as readonly string[]).includes(key)) continue;
		const guess = ATTRIBUTES.find((x) => x === key.toLowerCase()) ?? closest(key, ATTRIBUTES);
		fail(`unknown attribute “${key}” of the training block${guess ? `: did you mean “${guess}”?` : `: use ${ATTRIBUTES.join(', ')}`}`);
	}
	// A generated model (src/lib/lab/models.ts) brings its network and its examples.
	const generated = a.model === undefined ? undefined : readModel(a.model, fail);
	if (a.model !== undefined && a.network !== undefined) {
		fail(`model="${a.model}" and network="${a.network}" together: a training block trains either a network of the lesson or a generated model; remove one`);
	}
	if (a.model !== undefined && a.dataset !== undefined) {
		fail(`model="${a.model}" brings its own examples: remove dataset="${a.dataset}"`);
	}
	const name = a.model === undefined ? resolveNetwork(networks, a.network, fail) : undefined;
	const model = name === undefined ? undefined : networks.loaded.get(name)?.spec;
	if (model && model.kind !== 'network') {
		fail(`a training block trains a network, and “${name}” is a ${model.kind}`);
		return undefined;
	}
	const spec = model as NetworkSpec | undefined;
	const seed = readNumber(a, 'seed', fail, { whole: true, min: 0, max: 2 ** 32 - 1 }) ?? 1;
	const dataset = a.model === undefined ? readDataset(a.dataset, spec, seed, fail) : undefined;
	if (spec && a.dataset === undefined && !ownExamples(spec)) {
		fail('this network has neither data: nor targets: nothing to train on. Add targets: { … } (its own example), a data: list, or dataset="…"');
	}
	const mode = a.mode ?? spec?.training?.mode ?? generated?.mode ?? 'incremental';
	if (!(TRAINING_MODES as readonly string[]).includes(mode)) {
		const guess = closest(mode, TRAINING_MODES);
		fail(`mode="${mode}" is not a training mode: use ${TRAINING_MODES.join(' or ')}${guess ? ` (did you mean “${guess}”?)` : ''}`);
	}
	let rate = readNumber(a, 'rate', fail, { above: 0 }) ?? spec?.learningRate ?? generated?.rate;
	if (spec && a.rate === undefined && rate === undefined) {
		fail('this training block has no learning rate: add rate="0.5" (for example), or learningRate: to the network');
		rate = undefined;
	}
	const momentum = readNumber(a, 'momentum', fail, { min: 0, below: 1 }) ?? spec?.momentum ?? 0;
	const epochs = readNumber(a, 'epochs', fail, { whole: true, min: 1, max: MAX_EPOCHS }) ?? DEFAULT_EPOCHS;
	const speed = readNumber(a, 'speed', fail, { min: 0, max: MAX_EPOCHS }) ?? DEFAULT_SPEED;
	const shuffle = readBoolean(a, 'shuffle', fail);
	const shape = spec ? { inputs: Object.keys(spec.inputs).length } : generated ? { ...generated, model: a.model as string } : undefined;
	const show = readShow(a.show, shape, fail);
	if (!(spec && name) && !generated) return undefined;
	if (rate === undefined || dataset === null || shuffle === undefined || !show) return undefined;
	if (errors.some((e) => e.line === draft.line)) return undefined;
	return {
		kind: 'training',
		...(name ? { network: name } : {}),
		...(generated ? { model: { name: a.model as string, seed } } : {}),
		...(dataset ? { dataset } : {}),
		options: { mode: mode as CheckedTraining['options']['mode'], rate, momentum, epochs, shuffle, seed, speed },
		show
	};
}

type Range = { whole?: boolean; min?: number; max?: number; above?: number; below?: number };

/** A number attribute in its range; undefined when absent or wrong (wrong is reported). */
function readNumber(a: Record<string, string>, key: string, fail: (m: string) => void, range: Range): number | undefined {
	const text = a[key];
	if (text === undefined) return undefined;
	const value = NUMBER.test(text.trim().replace(/^−/, '-')) ? Number(text.trim().replace(/^−/, '-')) : NaN;
	const problem = !Number.isFinite(value)
		? 'is not a number (write it plainly: 0.5, 2e-3)'
		: range.whole && !Number.isInteger(value)
			? 'must be a whole number'
			: range.above !== undefined && !(value > range.above)
				? `must be above ${range.above}`
				: range.min !== undefined && value < range.min
					? `must be at least ${range.min}`
					: range.below !== undefined && !(value < range.below)
						? `must be below ${range.below}`
						: range.max !== undefined && value > range.max
							? `must be at most ${range.max.toLocaleString('en')}`
							: undefined;
	if (problem) {
		fail(`${key}="${text}" ${problem}`);
		return undefined;
	}
	return value;
}

function readBoolean(a: Record<string, string>, key: string, fail: (m: string) => void): boolean | undefined {
	const text = a[key];
	if (text === undefined) return false;
	if (text === 'true' || text === '') return true; // {shuffle} alone means true
	if (text === 'false') return false;
	fail(`${key}="${text}" must be true or false`);
	return undefined;
}

/** The named generated data set, checked against the network; undefined for none, null when wrong. */
function readDataset(name: string | undefined, spec: NetworkSpec | undefined, seed: number, fail: (m: string) => void): { name: string; seed: number } | undefined | null {
	if (name === undefined) return undefined;
	const generator = DATASETS[name];
	if (!generator) {
		const names = Object.keys(DATASETS);
		const guess = closest(name, names);
		fail(`there is no data set “${name}”${guess ? `: did you mean “${guess}”?` : ''} (the data sets: ${names.join(', ')}; they are defined in src/lib/lab/datasets.ts)`);
		return null;
	}
	if (spec) {
		const { inputs, outputs } = namesOf(spec);
		if (generator.inputs !== inputs.length || generator.outputs !== outputs.length) {
			fail(
				`the data set “${name}” gives ${generator.inputs} input${generator.inputs === 1 ? '' : 's'} and ${generator.outputs} target${generator.outputs === 1 ? '' : 's'} per example, and the network has ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.join(', ')}) and ${outputs.length} output${outputs.length === 1 ? '' : 's'} (${outputs.join(', ')})`
			);
			return null;
		}
	}
	return { name, seed };
}

/** The named generated model; null (reported) when there is none. */
function readModel(name: string, fail: (m: string) => void): ModelGenerator | null {
	if (Object.hasOwn(MODELS, name)) return MODELS[name] as ModelGenerator;
	const names = Object.keys(MODELS);
	const guess = closest(name, names);
	fail(`there is no generated model “${name}”${guess ? `: did you mean “${guess}”?` : ''} (the models: ${names.join(', ')}; they are defined in src/lib/lab/models.ts)`);
	return null;
}

/** What the pictures are checked against: a network's number of inputs, or a generated model's sizes. */
type Shape = { inputs: number; parameters?: number; model?: string };

function readShow(text: string | undefined, shape: Shape | undefined, fail: (m: string) => void): string[] | undefined {
	const twoInputs = shape ? shape.inputs === 2 : false;
	const what = shape?.model ? `the model “${shape.model}”` : 'this one';
	if (text === undefined) return twoInputs ? ['loss', 'map'] : ['loss'];
	const show = text.split(/[\s,]+/).filter(Boolean);
	let ok = show.length > 0;
	if (!ok) fail(`show="" shows nothing: list any of ${PICTURES.join(', ')}`);
	for (const picture of show) {
		if (!(PICTURES as readonly string[]).includes(picture)) {
			const guess = closest(picture, PICTURES);
			fail(`show="…": “${picture}” is not a picture${guess ? `: did you mean “${guess}”?` : ''} (use ${PICTURES.join(', ')})`);
			ok = false;
		} else if (picture === 'map' && shape && !twoInputs) {
			fail(`show="map" needs a network with two inputs (the map is over the input plane); ${what} has ${shape.inputs.toLocaleString('en')}`);
			ok = false;
		} else if (picture === 'parameters' && shape?.model && (shape.parameters ?? 0) > MAX_SHOWN_PARAMETERS) {
			fail(`show="parameters" lists every weight, at most ${MAX_SHOWN_PARAMETERS}, and ${what} has ${(shape.parameters as number).toLocaleString('en')}: show loss and gradients`);
			ok = false;
		}
	}
	return ok ? [...new Set(show)] : undefined;
}
