import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { backwardWalk, diagramOf, layoutDiagram, quantitiesOfStop, type Diagram } from '$lib/diagram';
import { askedKeys, splitKey } from '$lib/lessons/asked';
import { withCachedNeeds, withheld, type ValueSource } from '$lib/lessons/diagram-values';
import { lessonSteps } from '$lib/lessons/steps';
import { buildModel, type NetworkModel } from '$lib/nn';
import { parseLesson } from '$lib/server/lessons';

// The diagram's work: laid out once per network (at page load), its values after every answer (in a frame).
const file = 'content/60-backprop-step-by-step.md';
const lesson = parseLesson(readFileSync(file, 'utf8'), file);
const spec = lesson.networks.network!;
const { steps, traces } = lessonSteps(lesson.networks, lesson.labels);
const asked = new Set(askedKeys(lesson.blocks, steps));
const session: ValueSource = {
	isAsked: (n, q) => asked.has(`${n}:${q}`),
	isSettled: () => false,
	askedOf: (n) => [...asked].map(splitKey).filter(([a]) => a === n).map(([, q]) => q),
	step: (n, q) => steps[n]?.step(q),
	valueOf: (n, q) => traces[n]?.[q]
};
const diagram = diagramOf(buildModel(spec)) as Diagram;
const stops = backwardWalk(buildModel(spec) as NetworkModel);
const onDisplay = [...[...diagram.nodes, ...diagram.edges].flatMap((x) => x.slots.map((s) => s.quantity)), ...stops.flatMap(quantitiesOfStop)];

describe('the 2-2-2 diagram', () => {
	bench('lay it out top to bottom (once per network)', () => {
		layoutDiagram(diagram, 'TB');
	});
	bench('walk the backward pass (once per variant)', () => {
		backwardWalk(buildModel(spec) as NetworkModel);
	});
	const cached = withCachedNeeds(session);
	cached.step('network', 'w1_new');
	bench('which values to show after an answer (needs cached)', () => {
		withheld(cached, 'network', onDisplay);
	});
});
