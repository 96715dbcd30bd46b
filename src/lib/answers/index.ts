// Reading and judging what a learner typed. Pure: no lessons, no DOM.
export { readAnswer, MAX_LENGTH } from './read';
export { judge } from './judge';
export { formatNumber } from './format';
export { acceptedPrecision } from './describe';
export type { Digits, Reading, Verdict, Judgement, JudgeOptions, Slip } from './types';
