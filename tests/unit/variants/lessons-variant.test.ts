import { describe, expect, it } from 'vitest';
import { loadLessonsFromDisk } from '$lib/server/lessons';
import { askedKeys } from '$lib/lessons/asked';
import { lessonSteps } from '$lib/lessons/steps';
import { variantNetworks } from '$lib/lessons/variant';

/**
 * Lessons with `variants: true` that may legitimately keep their own numbers for some seed, with
 * the reason. Empty: every lesson that allows new numbers gets them.
 */
const MAY_FALL_BACK: Record<string, string> = {};

const lessons = loadLessonsFromDisk();
// No time limit here: the speed of a draw is measured by `npm run bench` (tests/bench).

describe('"new numbers" for every lesson in content/', () => {
	it('finds the lessons', () => {
		expect(lessons.length).toBeGreaterThan(0);
	});

	it.each(lessons.map((l) => [l.slug, l] as const))('%s: each seed is drawn when the lesson allows it', (slug, lesson) => {
		const asked = askedKeys(lesson.blocks, lessonSteps(lesson.networks, lesson.labels).steps);
		for (const seed of [1, 17, 999]) {
			const { networks, fallback } = variantNetworks(lesson.networks, asked, seed);
			expect(Object.keys(networks).sort()).toEqual(Object.keys(lesson.networks).sort());
			if (lesson.variants && !(slug in MAY_FALL_BACK)) expect(fallback, `${slug} seed ${seed} fell back`).toBe(false);
		}
	});
});
