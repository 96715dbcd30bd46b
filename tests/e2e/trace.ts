import { execFileSync } from 'node:child_process';

/** The engine's values for a lesson, from the trace command, so that no expected number is typed in a test. */
export function traceOf(file: string, ...flags: string[]): Record<string, number> {
	const args = ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', file, '--json', ...flags];
	return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
}

/** A value typed as a learner would: five significant digits. */
export const typed = (trace: Record<string, number>, quantity: string) => (trace[quantity] as number).toPrecision(5);
