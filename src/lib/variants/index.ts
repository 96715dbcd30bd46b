// "New numbers": a lesson's network or graph with fresh, seeded values, every answer recomputed by the engine.
export { drawVariant, variantSpec, type Variant, type VariantOptions } from './variant';
export { degeneracies, type Degeneracy } from './degenerate';
export { drawLike } from './draw';
export { mulberry32, type Random } from './random';
export { MAX_SEED, parseVariantParam, readVariantParam, type VariantParam } from './param';
