import { describe, expect, it } from 'vitest';
import { backwardWalk, diagramOf, elementsOf, highlightOf, highlightOfStop, layoutDiagram, overlaps, stopSummary, type Box, type Diagram } from '$lib/diagram';
import { stepsFor } from '$lib/derivation';
import { buildModel, traceModel, type GraphModel, type NetworkModel } from '$lib/nn';
import { loadLessonsFromDisk } from '$lib/server/lessons';

const lessons = loadLessonsFromDisk();
const lesson60 = lessons.find((l) => l.slug === 'backprop-step-by-step');
if (!lesson60) throw new Error('lesson 60 is missing');
const spec222 = lesson60.networks.network!;

/** Every network and graph of every lesson, by "slug/name". */
const drawable = lessons.flatMap((lesson) =>
	Object.entries(lesson.networks)
		.filter(([, spec]) => spec.kind === 'network' || spec.kind === 'graph')
		.map(([name, spec]) => ({ id: `${lesson.slug}/${name}`, spec }))
);

describe('the diagram of a network', () => {
	const diagram = diagramOf(buildModel(spec222)) as Diagram;

	it('draws each input, each neuron and the loss once, named as in the lesson', () => {
		const named = diagram.nodes.filter((n) => n.kind !== 'bias').map((n) => n.id);
		expect(named.sort()).toEqual(['E_total', 'h1', 'h2', 'i1', 'i2', 'o1', 'o2']);
	});

	it('puts every weight on the connection it belongs to', () => {
		const weights = Object.fromEntries(diagram.edges.filter((e) => e.param?.startsWith('w')).map((e) => [e.param, `${e.from}->${e.to}`]));
		expect(weights).toEqual({ w1: 'i1->h1', w2: 'i2->h1', w3: 'i1->h2', w4: 'i2->h2', w5: 'h1->o1', w6: 'h2->o1', w7: 'h1->o2', w8: 'h2->o2' });
	});

	it('draws a bias shared by a layer as one node feeding each neuron of that layer', () => {
		const b1 = diagram.edges.filter((e) => e.param === 'b1').map((e) => `${e.from}->${e.to}`);
		expect(b1).toEqual(['bias:b1->h1', 'bias:b1->h2']);
	});

	it('shows net, out, target, ∂E/∂out and delta on an output neuron, in that order', () => {
		const o1 = diagram.nodes.find((n) => n.id === 'o1');
		expect(o1?.slots.map((s) => s.quantity)).toEqual(['net_o1', 'out_o1', 'target_o1', 'dE/dout_o1', 'delta_o1']);
	});

	it('counts one node per input, neuron and loss in every lesson network', () => {
		for (const { id, spec } of drawable) {
			if (spec.kind !== 'network') continue;
			const d = diagramOf(buildModel(spec)) as Diagram;
			const expected = Object.keys(spec.inputs).length + spec.layers.reduce((n, l) => n + Object.keys(l.neurons).length, 0) + (spec.targets ? 1 : 0);
			expect(d.nodes.filter((n) => n.kind !== 'bias').length, id).toBe(expected);
		}
	});
});

describe('the diagram of a computational graph', () => {
	const xyz = lessons.find((l) => l.slug === 'computational-graphs')?.networks.xyz;

	it('draws every value and definition, with each definition’s gate', () => {
		const d = diagramOf(buildModel(xyz!)) as Diagram;
		expect(d.nodes.map((n) => `${n.id}${n.gate ? `(${n.gate})` : ''}`)).toEqual(['x', 'y', 'z', 'q(+)', 'f(×)']);
		expect(d.edges.map((e) => e.id)).toEqual(['x->q', 'y->q', 'q->f', 'z->f']);
	});
});

describe('layout', () => {
	const boxes = (diagramLayout: ReturnType<typeof layoutDiagram>): Array<[string, Box]> => [
		...Object.entries(diagramLayout.nodes),
		...Object.entries(diagramLayout.edges).flatMap(([id, e]) => (e.label ? [[`${id} label`, e.label] as [string, Box]] : []))
	];

	it('never lets a node or a label overlap another, in every lesson, wide and narrow', () => {
		for (const { id, spec } of drawable) {
			const d = diagramOf(buildModel(spec)) as Diagram;
			for (const orientation of ['LR', 'TB'] as const) {
				const all = boxes(layoutDiagram(d, orientation));
				const clashes = all.flatMap(([a, boxA], i) => all.slice(i + 1).filter(([, boxB]) => overlaps(boxA, boxB)).map(([b]) => `${a} × ${b}`));
				expect(clashes, `${id} ${orientation}`).toEqual([]);
			}
		}
	});

	it('lays the 2-2-2 network out in layers from the inputs to the loss', () => {
		const layout = layoutDiagram(diagramOf(buildModel(spec222)) as Diagram, 'LR');
		const x = (id: string) => layout.nodes[id]!.x;
		expect(x('i1')).toBeLessThan(x('h1'));
		expect(x('h1')).toBeLessThan(x('o1'));
		expect(x('o1')).toBeLessThan(x('E_total'));
	});
});

describe('highlights', () => {
	const model = buildModel(spec222) as NetworkModel;
	const diagram = diagramOf(model) as Diagram;
	const steps = stepsFor(model, traceModel(model));

	it('a net input reads every connection into its neuron and produces the neuron', () => {
		const { produces, reads } = highlightOf(diagram, steps.step('net_h1')!);
		expect([...produces.nodes]).toEqual(['h1']);
		expect([...reads.edges].sort()).toEqual(['bias:b1->h1', 'i1->h1', 'i2->h1']);
	});

	it('a hidden neuron’s gradient runs over every path to the loss', () => {
		const { reads } = highlightOf(diagram, steps.step('dE/dout_h1')!);
		expect(reads.edges).toEqual(new Set(['h1->o1', 'h1->o2', 'o1->E_total', 'o2->E_total']));
	});

	it('a weight’s gradient is about its edge', () => {
		expect([...elementsOf(diagram, 'dE/dw5').edges]).toEqual(['h1->o1']);
		expect([...elementsOf(diagram, 'w5_new').edges]).toEqual(['h1->o1']);
	});
});

describe('the backward walk', () => {
	it('starts at the loss and visits the output layer before the hidden one', () => {
		const names = backwardWalk(buildModel(spec222) as NetworkModel).map((s) => s.name);
		expect(names[0]).toBe('E_total');
		expect(names.indexOf('net_o1')).toBeLessThan(names.indexOf('out_h1'));
		expect(names.indexOf('out_h1')).toBeLessThan(names.indexOf('net_h1'));
		expect(names.indexOf('net_h1')).toBeLessThan(names.indexOf('w1'));
	});

	it('visits every input, neuron, parameter and error of the 2-2-2 network', () => {
		const names = new Set(backwardWalk(buildModel(spec222) as NetworkModel).map((s) => s.name));
		const expected = ['E_total', 'E_o1', 'E_o2', 'i1', 'i2', ...['h1', 'h2', 'o1', 'o2'].flatMap((n) => [`net_${n}`, `out_${n}`]), ...Object.keys(spec222.kind === 'network' ? spec222.parameters : {})];
		expect([...names].sort()).toEqual(expected.sort());
	});

	it('gives the engine’s gradients, each the sum of upstream × local, in every lesson', () => {
		for (const { id, spec } of drawable) {
			const model = buildModel(spec) as NetworkModel | GraphModel;
			const trace = traceModel(buildModel(spec));
			for (const stop of backwardWalk(model)) {
				if (stop.terms.length > 0) {
					const sum = stop.terms.reduce((s, t) => s + t.upstream.value * t.local.value, 0);
					expect(sum, `${id} ${stop.name}`).toBeCloseTo(stop.value, 12);
				}
				const traced = trace[stop.quantity];
				if (traced !== undefined) expect(stop.value, `${id} ${stop.quantity}`).toBeCloseTo(traced, 12);
				for (const t of stop.terms) {
					const local = trace[t.local.quantity];
					if (local !== undefined) expect(t.local.value, `${id} ${t.local.quantity}`).toBeCloseTo(local, 12);
				}
			}
		}
	});

	it('agrees with a central finite difference of the loss for every weight of the 2-2-2 network', () => {
		const stops = backwardWalk(buildModel(spec222) as NetworkModel);
		const loss = (p: string, h: number) => {
			if (spec222.kind !== 'network') throw new Error('not a network');
			const parameters = { ...spec222.parameters, [p]: (spec222.parameters[p] as number) + h };
			return traceModel(buildModel({ ...spec222, parameters })).E_total as number;
		};
		for (const p of ['w1', 'w5', 'b1']) {
			const numeric = (loss(p, 1e-6) - loss(p, -1e-6)) / 2e-6;
			expect(stops.find((s) => s.name === p)?.value).toBeCloseTo(numeric, 8);
		}
	});
});

describe('a stop of the backward walk, as the stepper shows it', () => {
	const model = buildModel(spec222) as NetworkModel;
	const diagram = diagramOf(model) as Diagram;
	const stops = backwardWalk(buildModel(spec222) as NetworkModel);
	const outH1 = stops.find((s) => s.name === 'out_h1')!;

	it('highlights the hidden neuron and both paths it is read along', () => {
		const { produces, reads } = highlightOfStop(diagram, outH1);
		expect([...produces.nodes]).toEqual(['h1']);
		expect(reads.edges).toEqual(new Set(['h1->o1', 'h1->o2']));
	});

	it('writes upstream × local for each path, or question marks while they are not found', () => {
		const format = (x: number) => x.toFixed(3);
		const [a, b] = outH1.terms;
		expect(stopSummary(outH1, false, format)).toBe(`${format(a!.upstream.value)} × ${format(a!.local.value)} + ${format(b!.upstream.value)} × ${format(b!.local.value)} = ${format(outH1.value)}`);
		expect(stopSummary(outH1, true, format)).toBe('? × ? + ? × ? = ?');
	});
});
