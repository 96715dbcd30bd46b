import { describe, expect, it } from 'vitest';
import { recomputeAll, type Value } from '$lib/autograd';
import { buildNetwork, updateParameter, type Example, type NetworkSpec } from '$lib/nn';
import { Trainer } from '$lib/tape';
import { close } from './close';
import { MAZUR, ONE, sigmoid } from './mazur-spec';
import { mazurPhasesByHand, type Phase } from './mazur-by-hand';

// Trainer.setOptions: a new rate, momentum, mode or shuffle applies from the next update, with the
// velocities and the place in the epoch kept. Each run is compared with a computation that knows
// nothing of the tape: a hand-written float64 loop (mazur-by-hand.ts, or below), or the Value engine with nn/update.ts's rule.

const WEIGHTS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'];

const weightsOf = (t: Trainer) => WEIGHTS.map((w) => t.parameterValues()[w] as number);
const allClose = (a: number[], b: number[], rel = 1e-12) => a.length === b.length && a.every((x, i) => close(x, b[i] as number, rel));

/** A linear neuron with a bias, y = w·x + b, and six examples: which example an update used is visible in its gradient. */
const LINE: NetworkSpec = {
	inputs: { x: 0 },
	layers: [{ activation: { type: 'linear' }, neurons: { o: { inputs: { x: 'w' }, bias: 'b' } } }],
	parameters: { w: 0.5, b: 0.2 },
	loss: 'half-squared-error',
	update: { biases: true }
};
const SIX: Example[] = [1, 2, 3, 4, 5, 6].map((x) => ({ inputs: { x }, targets: { o: 0.3 * x - 0.1 } }));

/** By hand for LINE: one update from the summed gradient of `examples` (one example: incremental). */
function lineUpdate(state: { w: number; b: number; vw: number; vb: number }, examples: Example[], rate: number, momentum: number) {
	let gw = 0;
	let gb = 0;
	for (const e of examples) {
		const x = e.inputs.x as number;
		const r = state.w * x + state.b - (e.targets.o as number);
		gw += r * x;
		gb += r;
	}
	state.vw = momentum * state.vw - (1 - momentum) * gw;
	state.vb = momentum * state.vb - (1 - momentum) * gb;
	state.w += rate * state.vw;
	state.b += rate * state.vb;
}

describe('Trainer.setOptions: changes from the next update on, velocity and place in the epoch kept', () => {
	it('2-2-2: k updates at η = 0.5, λ = 0.9, then m at η = 0.2, λ = 0.5, then at η = 1, λ = 0 equal a hand-written loop', () => {
		const phases: Phase[] = [
			{ updates: 7, rate: 0.5, momentum: 0.9 },
			{ updates: 9, rate: 0.2, momentum: 0.5 },
			{ updates: 5, rate: 1, momentum: 0 },
			{ updates: 4, rate: 0.3, momentum: 0.95 }
		];
		const expected = mazurPhasesByHand(phases).map((p) => p.weights);
		const t = new Trainer(MAZUR, ONE, { mode: 'incremental', rate: phases[0]!.rate, momentum: phases[0]!.momentum });
		phases.forEach((phase, p) => {
			t.setOptions({ rate: phase.rate, momentum: phase.momentum });
			for (let k = 0; k < phase.updates; k++) t.step();
			expect(allClose(weightsOf(t), expected[p] as number[]), `after phase ${p + 1}: ${weightsOf(t)} vs ${expected[p]}`).toBe(true);
		});
		expect(t.updates).toBe(25);
		// The biases are fixed in this network: no change moved them.
		expect([t.parameterValues().b1, t.parameterValues().b2]).toEqual([0.35, 0.6]);
	});

	it('the velocity matters: a trainer rebuilt at the change (velocity 0) ends elsewhere', () => {
		const phases: Phase[] = [
			{ updates: 7, rate: 0.5, momentum: 0.9 },
			{ updates: 9, rate: 0.2, momentum: 0.5 }
		];
		const [first] = mazurPhasesByHand(phases.slice(0, 1)).map((p) => p.weights);
		const rebuilt = new Trainer(
			{ ...MAZUR, parameters: { ...MAZUR.parameters, ...Object.fromEntries(WEIGHTS.map((w, j) => [w, (first as number[])[j] as number])) } },
			ONE,
			{ mode: 'incremental', rate: 0.2, momentum: 0.5 }
		);
		for (let k = 0; k < 9; k++) rebuilt.step();
		const kept = mazurPhasesByHand(phases)[1]?.weights as number[];
		expect(allClose(weightsOf(rebuilt), kept, 1e-6)).toBe(false);
	});

	it('incremental over six examples: a change after example 3 goes on with example 4, and the epoch count is kept', () => {
		const t = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, momentum: 0.8 });
		const hand = { w: 0.5, b: 0.2, vw: 0, vb: 0 };
		for (let k = 0; k < 3; k++) {
			t.step();
			lineUpdate(hand, [SIX[k] as Example], 0.01, 0.8);
		}
		t.setOptions({ rate: 0.02, momentum: 0.5 });
		// Examples 4, 5, 6, then the next epoch's 1 and 2.
		for (const k of [3, 4, 5, 0, 1]) {
			t.step();
			lineUpdate(hand, [SIX[k] as Example], 0.02, 0.5);
			expect(close(t.parameterValues().w!, hand.w) && close(t.parameterValues().b!, hand.b), `after example ${k + 1}`).toBe(true);
		}
		expect([t.updates, t.epochs]).toEqual([8, 1]);
	});

	it('incremental → batch mid-epoch: the rest of the epoch is one update, then whole passes; batch → incremental goes on example by example', () => {
		const t = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.005, momentum: 0.6 });
		const hand = { w: 0.5, b: 0.2, vw: 0, vb: 0 };
		const check = (what: string) => expect(close(t.parameterValues().w!, hand.w) && close(t.parameterValues().b!, hand.b), what).toBe(true);
		t.step();
		t.step();
		lineUpdate(hand, [SIX[0] as Example], 0.005, 0.6);
		lineUpdate(hand, [SIX[1] as Example], 0.005, 0.6);
		t.setOptions({ mode: 'batch' });
		t.step();
		lineUpdate(hand, SIX.slice(2), 0.005, 0.6);
		check('the rest of epoch 1 as one batch');
		expect([t.updates, t.epochs]).toEqual([3, 1]);
		t.step();
		lineUpdate(hand, SIX, 0.005, 0.6);
		check('epoch 2, a whole batch');
		expect([t.updates, t.epochs]).toEqual([4, 2]);
		t.setOptions({ mode: 'incremental', rate: 0.002 });
		for (const k of [0, 1, 2]) {
			t.step();
			lineUpdate(hand, [SIX[k] as Example], 0.002, 0.6);
		}
		check('epoch 3, example by example');
		expect([t.updates, t.epochs]).toEqual([7, 2]);
	});

	it('equals the Value engine with nn/update.ts’s rule, rate and momentum changed mid-epoch (a 2-2-1 sigmoid network, biases trained)', () => {
		const spec: NetworkSpec = {
			inputs: { x1: 0, x2: 0 },
			layers: [
				{ activation: sigmoid, neurons: { h1: { inputs: { x1: 'a1', x2: 'a2' }, bias: 'c1' }, h2: { inputs: { x1: 'a3', x2: 'a4' }, bias: 'c2' } } },
				{ activation: sigmoid, neurons: { y: { inputs: { h1: 'v1', h2: 'v2' }, bias: 'd' } } }
			],
			parameters: { a1: 0.7, a2: -0.4, a3: -0.9, a4: 0.6, c1: 0.1, c2: -0.2, v1: 1.1, v2: -0.8, d: 0.05 },
			targets: { y: 1 },
			loss: 'half-squared-error',
			update: { biases: true }
		};
		const data: Example[] = [
			[0.2, 0.9, 1],
			[-0.5, 0.1, 0],
			[0.8, -0.7, 0],
			[-0.3, -0.6, 1]
		].map(([x1, x2, y]) => ({ inputs: { x1: x1!, x2: x2! }, targets: { y: y! } }));
		const phases = [
			{ updates: 5, rate: 0.8, momentum: 0.9 },
			{ updates: 6, rate: 0.3, momentum: 0.2 },
			{ updates: 3, rate: 0.6, momentum: 0.7 }
		];
		// The Value engine, as nn/training.ts trains: set an example, recompute, backward, update each parameter.
		const model = buildNetwork(spec);
		const loss = model.loss as Value;
		const node = (name: string) => model.nodes.get(name) as Value;
		const velocity = new Map(model.trainable.map((p) => [p, 0]));
		const t = new Trainer(spec, data, { mode: 'incremental', rate: 0.8, momentum: 0.9 });
		let k = 0;
		for (const phase of phases) {
			t.setOptions({ rate: phase.rate, momentum: phase.momentum });
			for (let u = 0; u < phase.updates; u++, k++) {
				const example = data[k % data.length] as Example;
				for (const [i, x] of Object.entries(example.inputs)) node(i).data = x;
				(model.targets.get('y') as Value).data = example.targets.y as number;
				recomputeAll(loss);
				loss.backward();
				for (const p of model.trainable) {
					const next = updateParameter(node(p).data, node(p).grad, velocity.get(p) as number, { rate: phase.rate, momentum: phase.momentum });
					node(p).data = next.value;
					velocity.set(p, next.velocity as number);
				}
				t.step();
			}
			const engine = Object.fromEntries(model.trainable.map((p) => [p, node(p).data]));
			const tape = t.parameterValues();
			for (const p of model.trainable) expect(close(tape[p]!, engine[p]!), `${p} after ${k} updates: ${tape[p]} vs ${engine[p]}`).toBe(true);
		}
	});

	it('shuffle turned on mid-epoch: this pass keeps its order, the next ones are shuffled; turned off: data order from the next epoch', () => {
		const flat: NetworkSpec = { ...LINE, layers: [{ activation: { type: 'linear' }, neurons: { o: { inputs: { x: 'w' } } } }], parameters: { w: 0.5 } };
		const t = new Trainer(flat, SIX, { mode: 'incremental', rate: 0.001 });
		const seen = (n: number) => Array.from({ length: n }, () => (t.step(), t.tape.value('x')));
		expect(seen(2)).toEqual([1, 2]);
		t.setOptions({ shuffle: true, seed: 5 });
		expect(seen(4)).toEqual([3, 4, 5, 6]);
		const shuffled = seen(12);
		expect([...shuffled.slice(0, 6)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
		expect([...shuffled.slice(6)].sort()).toEqual([1, 2, 3, 4, 5, 6]);
		expect(shuffled).not.toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
		// The orders of a trainer shuffling with seed 5 from the start: the random numbers start again at the change.
		const fresh = new Trainer(flat, SIX, { mode: 'incremental', rate: 0.001, shuffle: true, seed: 5 });
		const freshSeen = Array.from({ length: 18 }, () => (fresh.step(), fresh.tape.value('x')));
		expect(shuffled).toEqual(freshSeen.slice(0, 12));
		expect(seen(2)).toEqual(freshSeen.slice(12, 14));
		t.setOptions({ shuffle: false });
		expect(seen(4)).toEqual(freshSeen.slice(14, 18)); // the pass in progress keeps its shuffled order
		expect(seen(6)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(seen(6)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('refuses what the constructor refuses and then changes nothing', () => {
		const t = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, momentum: 0.5 });
		expect(() => t.setOptions({ rate: 0 })).toThrow(/learning rate/);
		expect(() => t.setOptions({ rate: Infinity })).toThrow(/learning rate/);
		expect(() => t.setOptions({ momentum: 1 })).toThrow(/momentum/);
		expect(() => t.setOptions({ mode: 'online' as 'batch' })).toThrow(/incremental or batch/);
		const same = new Trainer(LINE, SIX, { mode: 'incremental', rate: 0.01, momentum: 0.5 });
		for (let k = 0; k < 8; k++) {
			t.step();
			same.step();
		}
		expect(t.parameterValues()).toEqual(same.parameterValues());
	});
});
