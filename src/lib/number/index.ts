// How every number is written for a learner, as text and as TeX (one rule). Pure.
export { formatNumber, formatTex, numberParts, NO_NUMBER, NO_NUMBER_TEX, type NumberParts } from './format';
