import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run trace -- FILE --json with a value that is not finite', () => {
	it('fails with a message naming the quantity and its cause, and writes no null', () => {
		const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', 'tests/fixtures/networks/saturated-bce.yaml', '--json'], { cwd: ROOT, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).not.toContain('null');
		expect(run.stderr).toMatch(/saturated-bce\.yaml:6: .*E_total is not finite \(NaN\): out_y rounds to exactly 1/);
	});
});
