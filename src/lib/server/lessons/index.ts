export { parseLesson, slugOf } from './lesson';
export { lessonsFrom, catalogueErrors, sortLessons, summaryOf, neighboursOf, type LessonSource } from './catalogue';
export { loadLessons } from './vite';
export { loadLessonsFromDisk, lessonSourcesOnDisk } from './disk';
export { printedAgrees } from './printed';
export { referenceErrors, lessonSlug } from './references';
export type { Lesson, Block, ExerciseBlock, DerivationBlock, TableBlock, PrintedValue, Deck, LessonSummary } from './types';
