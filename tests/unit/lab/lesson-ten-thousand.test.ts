import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { traceData } from '../nn/trace-data';

// content/130-ten-thousand-updates.md says the printed 0.0000351085 is the error after 9,999
// updates (not 10,000) and that it agrees to all six printed digits; its own network says so.
const LESSON = readFileSync('content/130-ten-thousand-updates.md', 'utf8');
const MAZUR = parse(LESSON.split(/^---$/m)[1] as string).networks.mazur;

describe('lesson 130: the printed 0.0000351085', () => {
	const t = traceData(MAZUR);
	it('is E_total after 9,999 updates to six significant digits, and not after 10,000', () => {
		expect(LESSON).toContain('0.0000351085');
		expect((t.E_total_after_9999 as number).toExponential(5)).toBe('3.51085e-5');
		expect((t.E_total_after_10000 as number).toExponential(5)).not.toBe('3.51085e-5');
		expect(t.E_total_epoch_10000).toBe(t.E_total_after_9999);
	});
	it('trains the network of content/networks/mazur-2-2-2.yaml', () => {
		const { data: _d, training: _t, ...network } = MAZUR;
		expect(network).toEqual(parse(readFileSync('content/networks/mazur-2-2-2.yaml', 'utf8')));
	});
});
