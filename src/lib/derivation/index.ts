export { networkStep, networkDerivation, engineValues, type Step, type StepKind, type StepTerm, type Role, type Context } from './network-steps';
export type { Get } from './formula';
export { quantityTex, symbol, num, formatSignificant, withValue, ruleParts, type Labels } from './tex';
export { texSpeech } from './speech';
export { quantitySpeech } from './speech';
export { stepsFor, type Steps } from './steps';
export { graphContext, graphStep, graphDerivation, graphValues, graphQuantities, isGivenInGraph, localName, type GraphContext } from './graph-steps';
export { localGradient, localValue, type Gate, type Local } from './graph-local';
