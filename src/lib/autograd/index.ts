export { Value, add, max, lift, topologicalOrder, recomputeAll } from './value';
export { gradCheck, type GradCheckRow } from './gradcheck';
export { OPS, type Op, type OpParams, type StepOptions, type SigmoidOptions } from './ops';
