// The models the feedback tests run on, built from the content files as the app builds them.
import { readFileSync } from 'node:fs';
import { stepsFor, type Steps } from '$lib/derivation';
import { modelsInFile, traceModel, type Model } from '$lib/nn';

export function stepsOf(file: string, edit: (text: string) => string = (t) => t): Steps {
	const model = modelsInFile(edit(readFileSync(file, 'utf8')), file).get('network')?.build() as Model;
	return stepsFor(model, traceModel(model));
}

/** Deck 002's 2-2-2 network (the step-by-step example). */
export const DECK_002 = 'content/networks/mazur-2-2-2.yaml';
export const deck002 = stepsOf(DECK_002);

/** w1, w5 and each of their factors, and the forward quantities they rest on. */
export const asked = [
	...new Set([
		...deck002.derivation('w5_new').map((s) => s.quantity),
		...deck002.derivation('w1_new').map((s) => s.quantity),
		'net_h1',
		'out_h1',
		'E_o1',
		'E_total'
	])
];

// Hand-derived values of the example, computed without the engine.
const sig = (x: number) => 1 / (1 + Math.exp(-x));
export const hand = (() => {
	const outH1 = sig(0.15 * 0.05 + 0.2 * 0.1 + 0.35);
	const outH2 = sig(0.25 * 0.05 + 0.3 * 0.1 + 0.35);
	const outO1 = sig(0.4 * outH1 + 0.45 * outH2 + 0.6);
	const outO2 = sig(0.5 * outH1 + 0.55 * outH2 + 0.6);
	const deltaO1 = (outO1 - 0.01) * outO1 * (1 - outO1);
	const dEdw5 = deltaO1 * outH1;
	return { outH1, outO1, outO2, deltaO1, dEdw5, w5New: 0.4 - 0.5 * dEdw5 };
})();
