// The compiled tape: a network's Value graph recorded once, replayed on typed arrays for training.
export { compileTape, compileGraph, type NetworkTape, type GraphRecording, type TapeOptions } from './tape';
export { Trainer, type TrainOptions, type TrainerChanges } from './trainer';
