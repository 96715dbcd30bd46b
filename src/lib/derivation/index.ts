export { networkStep, networkDerivation, engineValues, type Step, type StepKind, type Context } from './network-steps';
export type { Get } from './formula';
export { quantityTex, symbol, num, formatSignificant, type Labels } from './tex';
export { quantitySpeech } from './speech';
export { stepsFor, type Steps } from './steps';
