/**
 * npm run check:content [-- DIR]
 * Checks every lesson (DIR/*.md) and network file (DIR/networks/*.yaml) the way the build reads
 * them, DIR being `content` unless given; without DIR it also checks docs/template-lesson.md, the
 * template the authoring guide points to (kept out of the catalogue). Prints `file:line: message`
 * for each error and exits 1 if there is any; prints each number a slide printed that the engine
 * disagrees with as a note (not for the template, whose disagreement is there on purpose).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueErrors, lessonSourcesOnDisk, parseLesson, referenceErrors, type Lesson, type PrintedValue } from '../src/lib/server/lessons';
import { loadModel } from '../src/lib/nn';
import { ContentError, ContentErrors } from '../src/lib/source';

const TEMPLATE = 'docs/template-lesson.md';

function main(argv: string[]): number {
	const [dir = 'content', extra] = argv;
	const withTemplate = argv.length === 0 && existsSync(TEMPLATE);
	if (extra !== undefined || dir.startsWith('-')) {
		console.error('usage: npm run check:content [-- DIR]');
		return 2;
	}
	if (!existsSync(dir)) {
		console.error(`check:content: there is no folder ${dir}`);
		return 2;
	}
	const errors: ContentError[] = [];
	const collect = (run: () => void) => {
		try {
			run();
		} catch (e) {
			if (e instanceof ContentErrors) errors.push(...e.errors);
			else if (e instanceof ContentError) errors.push(e);
			else throw e;
		}
	};

	const lessons: Lesson[] = [];
	const sources = lessonSourcesOnDisk(dir);
	for (const { file, text } of sources) collect(() => lessons.push(parseLesson(text, file)));
	errors.push(...catalogueErrors(lessons), ...referenceErrors(sources));
	if (withTemplate) collect(() => parseLesson(readFileSync(TEMPLATE, 'utf8'), TEMPLATE));

	const networkDir = join(dir, 'networks');
	const networkFiles = existsSync(networkDir) ? readdirSync(networkDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
	for (const name of networkFiles) {
		const path = join(networkDir, name);
		collect(() => loadModel({ text: readFileSync(path, 'utf8'), file: relative(process.cwd(), path) }));
	}

	for (const e of errors) console.error(e.message);
	const notes = lessons.flatMap((l) => l.printed.filter((p) => !p.agrees).map((p) => note(l.file, p)));
	for (const n of notes) console.log(n);

	const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
	console.log(
		`check:content: ${count(sources.length, 'lesson')}${withTemplate ? ` and ${TEMPLATE}` : ''}, ${count(networkFiles.length, 'network file')}: ` +
			`${count(errors.length, 'error')}, ${count(notes.length, 'note')} on printed values`
	);
	return errors.length > 0 ? 1 : 0;
}

function note(file: string, p: PrintedValue): string {
	const where = p.slide === undefined ? 'the slide' : `slide ${p.slide}`;
	return `${file}:${p.line}: note: ${where} prints ${p.text} for ${p.quantity}, the engine gives ${p.rounded} (${p.engine.toPrecision(9)}): ${p.cutOff ? 'cut off rather than rounded' : 'the page shows a correction'}`;
}

process.exitCode = main(process.argv.slice(2));
