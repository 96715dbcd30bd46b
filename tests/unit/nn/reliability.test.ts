import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadModel, traceModel } from '$lib/nn';
import { ContentErrors } from '$lib/source';

/**
 * Random networks, some with extreme numbers: each one either loads with every quantity finite,
 * or is refused with located errors (file:line) that say which quantity is not finite and why.
 * Nothing crashes and no NaN or Infinity reaches a page.
 */
describe('random networks (property)', () => {
	const number = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(0, 40, -40, 800, -800, 1e308));
	const activation = fc.constantFrom('sigmoid', 'tanh', 'relu', 'linear');
	const loss = fc.constantFrom('half-squared-error', 'binary-cross-entropy', 'squared-error');
	const network = fc.record({ x: number, w1: number, w2: number, b: number, hidden: activation, loss, t: fc.constantFrom(0, 1, 0.5), rate: fc.constantFrom(0.5, 1e308) });

	it('load with finite quantities, or are refused at a line, naming what is not finite', () => {
		fc.assert(
			fc.property(network, (n) => {
				const spec = {
					inputs: { x: n.x },
					layers: [
						{ activation: n.hidden, neurons: { h: { inputs: { x: 'w1' }, bias: 'b' } } },
						{ activation: 'sigmoid', neurons: { y: { inputs: { h: 'w2' } } } }
					],
					parameters: { w1: n.w1, w2: n.w2, b: n.b },
					targets: { y: n.t },
					loss: n.loss,
					learningRate: n.rate
				};
				// JSON is YAML: one key per line so that lines mean something.
				const text = JSON.stringify(spec, null, 1);
				try {
					const model = loadModel({ text, file: 'random.yaml' });
					expect(Object.values(traceModel(model.build())).every(Number.isFinite)).toBe(true);
				} catch (e) {
					expect(e).toBeInstanceOf(ContentErrors);
					for (const error of (e as ContentErrors).errors) {
						expect(error.message).toMatch(/^random\.yaml:\d+: /);
						expect(error.message).toMatch(/is not finite \((NaN|-?Infinity)\): \S/);
					}
				}
			}),
			{ numRuns: 150 }
		);
	});
});
