export { checkModel, loadModel, buildModel, type ModelResult } from './load';
export { traceModel, type KnownTrace, type Model, type Trace } from './trace';
export { buildNetwork, neuronsOf, type NetworkModel, type NeuronInfo, type Connection } from './network';
export { buildGraph, type GraphModel } from './graph';
export { buildArchitecture, layerSizes, type ArchitectureModel } from './architecture';
export { networkCounts, layerCounts, type Counts } from './counts';
export { evaluateRows } from './rows';
export { softmax, softmaxDerivative } from './softmax';
export { trainingTrace } from './training';
export { gradientCheckTrace } from './gradient-check';
export { updateParameter, velocityAfter, type UpdateRule } from './update';
export {
	networkSchema, graphSchema, architectureSchema, LOSSES, TRAINING_MODES,
	type NetworkSpec, type GraphSpec, type ArchitectureSpec, type ModelSpec, type Activation, type Loss, type Example, type TrainingMode
} from './schema';
export { modelsInFile } from './file';
export { nonFiniteProblems } from './validate-finite';
export { reservedShape, unreservedName } from './reserved';
