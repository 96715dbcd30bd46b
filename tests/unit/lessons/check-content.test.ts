import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';

// Each test starts tsx: seconds, minutes on a loaded machine. The timeout (also spawnSync's, which
// blocks Vitest's own) only stops a check that hangs; speed is not tested here.
const HANG = 300_000;

const run = (dir: string) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', dir], { encoding: 'utf8', timeout: HANG });

describe('npm run check:content', () => {
	it('lists every error as file:line: message and exits 1', () => {
		const result = run(`${FIXTURES}/broken`);
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(19);
		expect(lines).toContain(`${FIXTURES}/broken/unknown-quantity.md:17: unknown quantity “out_h3”: did you mean “out_h1”?`);
		expect(result.stdout).toContain('check:content: 19 lessons, 0 network files: 19 errors, 0 notes on printed values');
	}, HANG);

	it('checks content/ and the template of the authoring guide when given no folder', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts'], { encoding: 'utf8', timeout: HANG });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/check:content: \d+ lessons? and docs\/template-lesson\.md, .*: 0 errors/);
		expect(result.stdout).not.toContain('docs/template-lesson.md:');
	}, HANG);

	it('prints a slide’s disagreeing number as a note and exits 0', () => {
		const result = run(`${FIXTURES}/valid`);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(
			`${FIXTURES}/valid/01-forward-pass.md:25: note: slide 33 prints 0.1816 for dout_o1/dnet_o1, the engine gives 0.1868`
		);
		expect(result.stdout).toContain('0 errors, 1 note on printed values');
	}, HANG);
});
