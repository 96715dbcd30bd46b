import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DECK_ACCURACY, shuffleExperiment } from '$lib/lab/experiments/shuffle';
import { networkSchema } from '$lib/nn/schema';

// The accuracies typed in content/120-shuffling-the-data.md are those of the full run (10,000
// points, 20 epochs, η = 0.5, seed 1) on the tape; the deck's next to them are slide 21's.
const LESSON = readFileSync('content/120-shuffling-the-data.md', 'utf8');
const front = parse(LESSON.split('---')[1] as string);
const SPEC = networkSchema.parse(front.networks.shuffle);
const LABEL = { shuffled: 'shuffled', 'random-first': 'random points first', 'parabola-first': 'parabola points first' } as const;

describe('lesson 120: the numbers typed about the full shuffle experiment', () => {
	const runs = shuffleExperiment(SPEC, { seed: 1, epochs: 20, rate: 0.5 });

	it('uses the same network as content/networks/deck002-shuffle-2-3-1.yaml and the lab blocks (η, epochs, seed)', () => {
		expect(SPEC).toEqual(networkSchema.parse(parse(readFileSync('content/networks/deck002-shuffle-2-3-1.yaml', 'utf8'))));
		for (const lab of LESSON.match(/^:::training\{.*\}$/gm) ?? []) expect(lab).toMatch(/rate="0\.5" epochs="20" seed="1"/);
	});

	it('states each run’s accuracy to one decimal next to the deck’s, and its final error', () => {
		for (const run of runs) {
			const row = `| ${LABEL[run.order]} | ${DECK_ACCURACY[run.order] * 100} % | ${(run.accuracy * 100).toFixed(1)} % | ${run.error.toFixed(1)} |`;
			expect(LESSON).toContain(row);
		}
	});

	it('says rightly that both unshuffled runs give every point the answer of the class seen last', () => {
		const [, randomFirst, parabolaFirst] = runs;
		expect(randomFirst?.saidParabola).toBe(1);
		expect(parabolaFirst?.saidParabola).toBe(0);
		expect(LESSON).toContain('every point gets the answer of the class seen last');
	});
}, 300_000);
