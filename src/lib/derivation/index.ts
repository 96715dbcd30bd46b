export { networkStep, networkDerivation, type Step, type Context } from './network-steps';
export { quantityTex, symbol, num, formatSignificant, type Labels } from './tex';
export { quantitySpeech } from './speech';
