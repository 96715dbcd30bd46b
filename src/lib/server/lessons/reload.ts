import type { Plugin } from 'vite';

/**
 * Live reload for lesson files in `npm run dev`. Lessons are read by server code only, so Vite
 * reloads its server-side modules when one is saved but tells no browser: this plugin sends the
 * open pages a full reload once the server side has dropped its copy. Content and errors then
 * show in both directions (a saved mistake shows the error page; the fix brings the lesson back).
 * Imported by vite.config.ts: no `$lib` imports here.
 */
export function lessonReload(folder = 'content'): Plugin {
	const isLesson = (file: string) => new RegExp(`[\\\\/]${folder}[\\\\/][^\\\\/]+\\.md$`).test(file);
	return {
		name: 'backprop-tutor:lesson-reload',
		apply: 'serve',
		hotUpdate({ file, server }) {
			if (this.environment.name !== 'ssr' || !isLesson(file)) return;
			server.environments.client.hot.send({ type: 'full-reload', path: '*' });
		}
	};
}
