import { describe, expect, it } from 'vitest';
import { blockTitles, lastHeading, nextOpenIndex, stepMap, tally, type SessionView } from '$lib/lessons/navigation';
import type { Block } from '$lib/lessons/types';

const prose = (html: string): Block => ({ kind: 'prose', html });
const exercise = (id: string, ask: string[]): Block => ({ kind: 'exercise', id, network: 'network', ask, promptHtml: '', hints: [] });

/** A session where some quantities are solved, revealed or carried forward; `w5` is given. */
function session(states: Record<string, 'found' | 'revealed' | { carried: string[] }>): SessionView {
	return {
		entry: (_, q) => {
			const s = states[q];
			if (s === 'revealed') return { revealed: true };
			if (s === 'found') return { revealed: false, judgement: { verdict: 'correct' } };
			if (s) return { revealed: false, judgement: { verdict: 'correct', carriedForward: { from: s.carried } } };
			return { revealed: false };
		},
		step: (_, q) => ({ given: q === 'w5' }),
		derivation: () => [
			{ quantity: 'dE/dout_o1', given: false },
			{ quantity: 'w5', given: true },
			{ quantity: 'dE/dw5', given: false }
		]
	};
}

describe('step map', () => {
	const blocks: Block[] = [
		prose('<p>Intro</p>'),
		exercise('ex-1', ['net_h1', 'out_h1']),
		prose('<h2 id="out">Forward pass: the <em>output</em> &amp; error</h2><p>…</p>'),
		exercise('ex-2', ['net_o1', 'w5']),
		{ kind: 'derivation', id: 'der-1', network: 'network', target: 'w5_new', promptHtml: '', hints: [] },
		{ kind: 'table', id: 'tab-1', network: 'and', inputs: ['x1'], rows: [[0], [1]], ask: ['out_h'], promptHtml: '', hints: [] }
	];

	it('lists each block’s asked steps in page order, with their states and input ids', () => {
		const map = stepMap(blocks, session({ net_h1: 'found', out_h1: 'revealed', 'dE/dw5': { carried: ['out_o1'] } }));
		expect(map.map((b) => b.id)).toEqual(['ex-1', 'ex-2', 'der-1', 'tab-1']);
		expect(map[0]?.steps.map((s) => [s.quantity, s.state, s.inputId])).toEqual([
			['net_h1', 'found', 'ex-1-net_h1'],
			['out_h1', 'revealed', 'ex-1-out_h1']
		]);
		expect(map[2]?.steps.map((s) => [s.quantity, s.state, s.inputId, s.carriedFrom])).toEqual([
			['dE/dout_o1', 'open', 'der-1-dE-dout_o1', undefined],
			['dE/dw5', 'found', 'der-1-dE-dw5', ['out_o1']]
		]);
	});

	it('leaves out values read off the network, which are shown, not asked', () => {
		const map = stepMap(blocks, session({}));
		expect(map[1]?.steps.map((s) => s.quantity)).toEqual(['net_o1']);
	});

	it('gives each table cell its own step, by row', () => {
		const map = stepMap(blocks, session({}));
		expect(map[3]?.steps.map((s) => [s.name, s.row, s.inputId])).toEqual([
			['out_h', 1, 'tab-1-r1-out_h'],
			['out_h', 2, 'tab-1-r2-out_h']
		]);
	});

	it('names blocks by the heading they stand under, or by kind before any heading', () => {
		expect(blockTitles(blocks)).toEqual(['', 'Exercise 1', '', 'Forward pass: the output & error', 'Forward pass: the output & error, part 2', 'Forward pass: the output & error, part 3']);
	});
});

describe('last heading of a prose block', () => {
	it('is the text of the last h2 to h4, without tags', () => {
		expect(lastHeading('<h2>One</h2><p>x</p><h3 id="a">Two <code>b</code></h3>')).toBe('Two b');
	});
	it('is undefined where the block has no heading', () => {
		expect(lastHeading('<p>No heading</p>')).toBeUndefined();
	});
});

describe('next open step', () => {
	it('is the next open one after the current step', () => {
		expect(nextOpenIndex([true, false, true, true], 0)).toBe(2);
	});
	it('wraps around to the top', () => {
		expect(nextOpenIndex([true, false, true, false], 2)).toBe(0);
	});
	it('starts from the top when no step has focus', () => {
		expect(nextOpenIndex([false, true, true], -1)).toBe(1);
	});
	it('stays on the current step when it is the only one open', () => {
		expect(nextOpenIndex([false, true, false], 1)).toBe(1);
	});
	it('is -1 when every step is found', () => {
		expect(nextOpenIndex([false, false], 0)).toBe(-1);
		expect(nextOpenIndex([], -1)).toBe(-1);
	});
});

describe('tally for the summary', () => {
	it('counts a value asked in two blocks once and lists the carried-forward and revealed steps', () => {
		const blocks: Block[] = [exercise('a', ['net_h1', 'out_h1', 'net_o1']), exercise('b', ['out_h1', 'E_total'])];
		const t = tally(stepMap(blocks, session({ net_h1: { carried: ['x'] }, out_h1: 'revealed' })));
		expect(t).toMatchObject({ total: 4, found: 1, revealed: 1, open: 2 });
		expect(t.carried.map((s) => s.quantity)).toEqual(['net_h1']);
		expect(t.revealedSteps.map((s) => s.inputId)).toEqual(['a-out_h1']);
		expect(t.firstOpen?.quantity).toBe('net_o1');
	});
});
