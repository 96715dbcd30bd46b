import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lessonsFrom, type LessonSource } from './catalogue';
import type { Lesson } from './types';

/** The lesson files of a folder (`*.md`), with paths relative to the working directory. */
export function lessonSourcesOnDisk(dir: string): LessonSource[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => {
			const path = join(dir, name);
			return { file: relative(process.cwd(), path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
		});
}

/** Every lesson in `dir` (default `content`), read with node:fs: for the CLI and tests. */
export function loadLessonsFromDisk(dir = 'content'): Lesson[] {
	return lessonsFrom(lessonSourcesOnDisk(dir));
}
