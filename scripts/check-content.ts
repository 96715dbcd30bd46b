/**
 * npm run check:content [-- PATH…]
 * Checks lessons (`*.md`) and network files (`*.yaml`, and DIR/networks/*.yaml) the way the build
 * reads them. Each PATH is a folder (every lesson in it) or a file (only that file: a lesson is
 * still checked against its folder, for links to other lessons and shared slugs, but only its own
 * result is printed). Without PATH: `content` and docs/template-lesson.md, the template the
 * authoring guide points to (kept out of the catalogue).
 *
 * For each file, in order: its errors as `file:line: message` (stderr), then its notes, each
 * number a slide printed that the engine disagrees with (stdout; none for the template, whose
 * disagreement is there on purpose). A file that crashes a parser is an error of that file; every
 * other file is still checked. Exits 1 if there is any error, 2 on a wrong PATH.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lessonSourcesOnDisk } from '../src/lib/server/lessons';
import { checkFile, type CheckTarget } from '../src/lib/server/lessons/check-file';

const TEMPLATE = 'docs/template-lesson.md';
const USAGE = 'usage: npm run check:content [-- FOLDER or FILE …]';

type Target = CheckTarget;

function main(argv: string[]): number {
	if (argv.some((a) => a.startsWith('-'))) {
		console.error(USAGE);
		return 2;
	}
	const paths = argv.length > 0 ? argv : ['content'];
	const targets: Target[] = [];
	for (const path of paths) {
		if (!existsSync(path)) {
			console.error(`check:content: there is no file or folder ${path}\n${USAGE}`);
			return 2;
		}
		if (statSync(path).isDirectory()) {
			targets.push(...lessonSourcesOnDisk(path).map(({ file }) => ({ file, kind: 'lesson' as const })));
			const networks = join(path, 'networks');
			if (existsSync(networks)) {
				const names = readdirSync(networks).filter((f) => /\.ya?ml$/.test(f)).sort();
				targets.push(...names.map((name) => ({ file: rel(join(networks, name)), kind: 'network' as const })));
			}
		} else if (/\.md$/i.test(path)) targets.push({ file: rel(path), kind: rel(path) === TEMPLATE ? 'template' : 'lesson' });
		else if (/\.ya?ml$/i.test(path)) targets.push({ file: rel(path), kind: 'network' });
		else {
			console.error(`check:content: ${path} is neither a lesson (.md) nor a network file (.yaml)\n${USAGE}`);
			return 2;
		}
	}
	if (argv.length === 0 && existsSync(TEMPLATE)) targets.push({ file: TEMPLATE, kind: 'template' });
	const unique = [...new Map(targets.map((t) => [t.file, t])).values()];

	let errors = 0;
	let notes = 0;
	for (const target of unique) {
		const result = checkFile(target);
		for (const e of result.errors) console.error(e.message);
		for (const n of result.notes) console.log(n);
		errors += result.errors.length;
		notes += result.notes.length;
	}

	const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
	const lessons = unique.filter((t) => t.kind === 'lesson').length;
	const networks = unique.filter((t) => t.kind === 'network').length;
	const template = unique.some((t) => t.kind === 'template') ? ` and ${TEMPLATE}` : '';
	console.log(
		`check:content: ${count(lessons, 'lesson')}${template}, ${count(networks, 'network file')}: ` +
			`${count(errors, 'error')}, ${count(notes, 'note')} on printed values`
	);
	return errors > 0 ? 1 : 0;
}

function rel(path: string): string {
	return relative(process.cwd(), path).split('\\').join('/');
}

process.exitCode = main(process.argv.slice(2));
