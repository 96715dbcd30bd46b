export { parseLesson, slugOf } from './lesson';
export { lessonsFrom, lessonsOf, readCatalogue, lessonErrors, catalogueErrors, sortLessons, summaryOf, neighboursOf, type LessonSource, type Catalogue, type BrokenLesson } from './catalogue';
export { loadLessons, loadLessonCatalogue } from './vite';
export { loadLessonsFromDisk, lessonSourcesOnDisk } from './disk';
export { printedAgrees } from './printed';
export { referenceErrors, lessonSlug } from './references';
export type { Lesson, Block, ExerciseBlock, DerivationBlock, TableBlock, PrintedValue, Deck, LessonSummary } from './types';
