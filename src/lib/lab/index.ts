export * from './protocol';
export { DecimatedSeries, applyDelta } from './series';
export { runSlice, type SliceLimits, type SliceResult } from './slice';
export { LabSession, checkOptions, type SessionDeps, type TrainerOptions } from './session';
export { boundsOf, outputGrid, sample } from './grid';
export { examplesOf, ownExamples, namesOf } from './data';
export { DATASETS, type DatasetGenerator, type GeneratedData } from './datasets';
export { MODELS, MODEL_NAMES, generateModel, type GeneratedModel, type ModelGenerator } from './models';
export type { LabTrainer } from './trainer';
