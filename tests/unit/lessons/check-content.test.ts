import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers';

// Each test starts tsx: seconds, minutes on a loaded machine. The timeout (also spawnSync's, which
// blocks Vitest's own) only stops a check that hangs; speed is not tested here.
const HANG = 300_000;

const run = (...paths: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', ...paths], { encoding: 'utf8', timeout: HANG });
/** stdout and stderr as one stream, in the order printed. */
const together = (...paths: string[]) =>
	spawnSync('sh', ['-c', `"${process.execPath}" --import tsx scripts/check-content.ts ${paths.join(' ')} 2>&1`], { encoding: 'utf8', timeout: HANG });

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

	it('checks one file, printing only that file’s result', () => {
		const result = run(`${FIXTURES}/broken/unknown-quantity.md`);
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe(`${FIXTURES}/broken/unknown-quantity.md:17: unknown quantity “out_h3”: did you mean “out_h1”?`);
		expect(result.stdout.trim()).toBe('check:content: 1 lesson, 0 network files: 1 error, 0 notes on printed values');
	}, HANG);

	it('prints each file’s notes next to its own result, not before the others', () => {
		const result = together(`${FIXTURES}/valid/01-forward-pass.md`, `${FIXTURES}/broken/unknown-quantity.md`, `${FIXTURES}/broken/unknown-block.md`);
		expect(result.status).toBe(1);
		const lines = result.stdout.trim().split('\n');
		expect(lines.map((l) => l.split(':')[0])).toEqual([
			`${FIXTURES}/valid/01-forward-pass.md`,
			`${FIXTURES}/broken/unknown-quantity.md`,
			`${FIXTURES}/broken/unknown-block.md`,
			'check'
		]);
		expect(lines[0]).toContain('note: slide 33 prints 0.1816');
	}, HANG);

	it('reports every file’s errors even when one file crashes its parser', () => {
		const result = run(`${FIXTURES}/crash`);
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(new RegExp(`^${FIXTURES}/crash/01-alias-bomb\\.md:\\d+: `));
		expect(lines[1]).toBe(`${FIXTURES}/crash/02-unknown-quantity.md:17: unknown quantity “out_h3”: did you mean “out_h1”?`);
	}, HANG);

	it('refuses a path that does not exist, with the usage', () => {
		const result = run('no/such/file.md');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('there is no file or folder no/such/file.md');
	}, HANG);
});
