import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { stepsFor } from '$lib/derivation';
import { assess } from '$lib/feedback';
import { askedKeys } from '$lib/lessons/asked';
import { lessonSteps } from '$lib/lessons/steps';
import { variantNetworks } from '$lib/lessons/variant';
import { buildModel, traceModel } from '$lib/nn';
import { loadLessonsFromDisk, parseLesson } from '$lib/server/lessons';
import { drawVariant } from '$lib/variants';

// What happens when a learner presses Enter or asks for new numbers: each should fit in a frame (16 ms).
const file = 'content/60-backprop-step-by-step.md';
const lesson = parseLesson(readFileSync(file, 'utf8'), file);
const spec = lesson.networks.network!;
const asked = askedKeys(lesson.blocks, lessonSteps(lesson.networks, lesson.labels).steps);

describe('one answer', () => {
	const model = buildModel(spec);
	const steps = stepsFor(model, traceModel(model));
	bench('build + trace the 2-2-2 network', () => {
		traceModel(buildModel(spec));
	});
	bench('derive w1_new (15 steps)', () => {
		steps.derivation('w1_new');
	});
	bench('assess a wrong dE/dw1 (carried forward, then every named mistake)', () => {
		assess({ steps, quantity: 'dE/dw1', text: '0.0004', earlier: { out_o1: 0.75 } });
	});
});

describe('new numbers', () => {
	bench('draw variant 17 of the lesson (with the named-mistake check)', () => {
		variantNetworks(lesson.networks, asked, 17);
	});
	bench('give up on the 2-2-2 network after 100 refused draws', () => {
		drawVariant(spec, 5, { isDegenerate: () => true });
	});
});

// The unit tests check that every lesson gets new numbers; how long that takes is measured here.
describe('new numbers for every lesson in content/', () => {
	const lessons = loadLessonsFromDisk().map((l) => ({ networks: l.networks, asked: askedKeys(l.blocks, lessonSteps(l.networks, l.labels).steps) }));
	bench(`draw seeds 1, 17 and 999 of each of the ${lessons.length} lessons`, () => {
		for (const l of lessons) for (const seed of [1, 17, 999]) variantNetworks(l.networks, l.asked, seed);
	});
});
