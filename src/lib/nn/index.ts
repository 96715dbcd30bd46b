export { checkModel, loadModel, buildModel, type ModelResult } from './load';
export { traceModel, type Model, type Trace } from './trace';
export { buildNetwork, neuronsOf, type NetworkModel, type NeuronInfo, type Connection } from './network';
export { buildGraph, type GraphModel } from './graph';
export { networkSchema, graphSchema, LOSSES, type NetworkSpec, type GraphSpec, type ModelSpec, type Activation } from './schema';
export { modelsInFile } from './file';
