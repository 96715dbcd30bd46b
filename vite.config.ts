import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { lessonReload } from './src/lib/server/lessons/reload';

export default defineConfig({
	plugins: [sveltekit(), lessonReload()],
	server: { fs: { allow: ['content'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		benchmark: { include: ['tests/bench/**/*.bench.ts'] },
		environment: 'node',
		// Generous, only to stop a hang: CI is a loaded 2-core machine, where a test that spawns
		// a process or trains a network takes many times longer than here. Speed is measured in
		// `npm run bench`, never by a test's time limit.
		testTimeout: 300_000,
		hookTimeout: 300_000
	}
});
