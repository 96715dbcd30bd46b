import { describe, expect, it } from 'vitest';
import { trainingTrace, type NetworkSpec } from '$lib/nn';
import { LessonSession } from '$lib/lessons/session.svelte';
import { loadCatalogue } from '$lib/server/lessons/route';

// The build ships each training network's training quantities with the lesson (Lesson.training),
// so that the page does not train again on the main thread when it opens (lesson 130 trains
// 10,000 updates). Here: what is shipped is what the engine computes, and the page uses it.
const { lessons } = loadCatalogue();
const lesson = (slug: string) => lessons.find((l) => l.slug === slug) ?? expect.fail(`no lesson ${slug}`);

describe('training quantities shipped with a lesson', () => {
	it('are shipped for every network with a data set, and equal the engine’s trainingTrace', () => {
		let networks = 0;
		for (const l of lessons) {
			for (const [name, spec] of Object.entries(l.networks)) {
				if (spec.kind !== 'network') continue;
				const expected = trainingTrace(spec as NetworkSpec);
				if (Object.keys(expected).length === 0) {
					expect(l.training?.[name], `${l.slug} ${name}`).toBeUndefined();
					continue;
				}
				networks++;
				expect(l.training?.[name], `${l.slug} ${name}`).toEqual(expected);
			}
		}
		expect(networks).toBeGreaterThanOrEqual(8);
	}, 600_000);

	it('are what the page judges answers against (it does not train again)', () => {
		const l = lesson('ten-thousand-updates');
		const own = new LessonSession(l);
		const name = Object.keys(l.training ?? {})[0] as string;
		const shipped = l.training?.[name] as Record<string, number>;
		expect(own.expected(name, 'E_total_after_10000')).toBe(shipped.E_total_after_10000);
		// A shipped number that differs from a fresh run is the one the page uses.
		const marked = new LessonSession({ ...l, training: { [name]: { ...shipped, E_total_after_10000: 0.125 } } });
		expect(marked.expected(name, 'E_total_after_10000')).toBe(0.125);
	}, 600_000);

	it('are not used for a variant’s numbers, which train again', () => {
		const l = lesson('training-steps');
		expect(l.variants).toBe(true);
		const name = Object.keys(l.training ?? {})[0] as string;
		const quantity = Object.keys(l.training?.[name] ?? {}).find((q) => q.startsWith('E_total_after')) as string;
		const drawn = new LessonSession({ ...l, training: { [name]: { ...(l.training?.[name] as Record<string, number>), [quantity]: 0.125 } } }, 7);
		expect(drawn.fallback).toBe(false);
		expect(drawn.expected(name, quantity)).toBe(trainingTrace(drawn.networks[name] as NetworkSpec)[quantity]);
	}, 600_000);
});
