// Feedback on a learner's answer: named mistakes, error carried forward, degenerate variants.
export { assess, sameAssessment, type AssessInput } from './assess';
export { diagnose, analyse, type Analysis, type DiagnoseOptions } from './diagnose';
export { mistakeCollisions } from './collisions';
export { MISTAKES, mistakesFor } from './catalogue';
export { valuesUnder, chainOf } from './evaluate';
export type { Assessment, Diagnosis, Mistake, Printed, Scene, Compute } from './types';
export { SLIDE_VALUE } from './slide-value';
