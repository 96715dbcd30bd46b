import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page is prerendered: the built site runs from any static server, offline.
		adapter: adapter({ strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
