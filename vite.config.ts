import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { lessonReload } from './src/lib/server/lessons/reload';

export default defineConfig({
	plugins: [sveltekit(), lessonReload()],
	server: { fs: { allow: ['content'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		benchmark: { include: ['tests/bench/**/*.bench.ts'] },
		environment: 'node'
	}
});
