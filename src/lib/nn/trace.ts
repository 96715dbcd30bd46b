import { recomputeAll, topologicalOrder, type Value } from '$lib/autograd';
import { traceArchitecture, type ArchitectureModel } from './architecture';
import { networkCounts } from './counts';
import { graphLocals, type GraphModel } from './graph';
import { gradientCheckTrace } from './gradient-check';
import type { NetworkModel } from './network';
import { softmaxDerivative } from './softmax';
import { trainingTrace } from './training';
import { decayedGradient, updateParameter, velocityAfter } from './update';

export type Model = NetworkModel | GraphModel | ArchitectureModel;

/** Every quantity of a model by name, in full float64: what the learner may be asked. */
export type Trace = Record<string, number>;

/**
 * What a caller already knows of a trace: `training`, the training quantities (trainingTrace) of
 * the same network, computed at build time, so that a page does not train 10,000 updates again.
 */
export type KnownTrace = { training?: Trace };

export function traceModel(model: Model, known: KnownTrace = {}): Trace {
	if (model.kind === 'architecture') return traceArchitecture(model);
	return model.kind === 'network' ? traceNetwork(model, known) : traceGraph(model);
}

function traceGraph(model: GraphModel): Trace {
	const trace: Trace = {};
	for (const [name, node] of model.nodes) trace[name] = node.data;
	model.output.backward();
	const f = model.spec.output;
	for (const [name, node] of model.nodes) if (name !== f) trace[`d${f}/d${name}`] = node.grad;
	Object.assign(trace, graphLocals(model, (name) => (model.nodes.get(name) as Value).grad));
	return trace;
}

function traceNetwork(model: NetworkModel, known: KnownTrace): Trace {
	const trace: Trace = {};
	Object.assign(trace, forwardAndLocal(model));
	Object.assign(trace, backward(model));
	Object.assign(trace, networkCounts(model.spec, model.neurons));
	Object.assign(trace, known.training ?? trainingTrace(model.spec));
	Object.assign(trace, gradientCheckTrace(model.spec));
	return trace;
}

/** Every node's value, and each neuron's local derivatives: dout/dnet, dnet/dP, dnet/dout. */
function forwardAndLocal(model: NetworkModel): Trace {
	const trace: Trace = {};
	const node = (name: string) => model.nodes.get(name) as Value;
	for (const [name, v] of model.nodes) trace[name] = v.data;

	for (const n of model.neurons) {
		if (n.activation.type === 'softmax') {
			// Each softmax out reads every net of its layer: the off-diagonal terms get names too.
			const out = (x: string) => node(`out_${x}`).data;
			for (const m of model.neurons.filter((x) => x.layer === n.layer)) {
				trace[`dout_${n.name}/dnet_${m.name}`] = softmaxDerivative(out(n.name), out(m.name), m === n);
			}
		} else {
			trace[`dout_${n.name}/dnet_${n.name}`] = node(`out_${n.name}`).local[0] as number;
		}
		// A parameter used twice by one neuron (two weights, or a weight and the bias) adds up.
		const addTo = (key: string, x: number) => (trace[key] = (trace[key] ?? 0) + x);
		for (const { source, weight } of n.inputs) {
			if (typeof weight === 'string') addTo(`dnet_${n.name}/d${weight}`, node(outName(model, source)).data);
			// The weight on the connection: ∂net/∂out_H for a neuron H, ∂net/∂I for an input I.
			trace[isInput(model, source) ? `dnet_${n.name}/d${source}` : `dnet_${n.name}/dout_${source}`] = weightValue(model, weight);
		}
		if (typeof n.bias === 'string') addTo(`dnet_${n.name}/d${n.bias}`, 1);
	}
	return trace;
}

/** The gradients of E_total and, with a learning rate (or momentum), one update step. */
function backward(model: NetworkModel): Trace {
	const trace: Trace = {};
	const node = (name: string) => model.nodes.get(name) as Value;
	const loss = model.loss;
	if (!loss) return trace;

	// ∂E_O/∂out_H: the share of each output's error in a hidden neuron's gradient. Only for the
	// H that E_O reads: backward() resets the gradients of E_O's own graph, so any other node
	// would still hold the previous output's gradient (and a sparse network has no such path).
	const hidden = model.neurons.filter((n) => !n.isOutput);
	for (const o of model.neurons.filter((n) => n.isOutput)) {
		const error = node(`E_${o.name}`);
		const reads = new Set(topologicalOrder(error));
		error.backward();
		for (const h of hidden) {
			const out = node(`out_${h.name}`);
			if (reads.has(out)) trace[`dE_${o.name}/dout_${h.name}`] = out.grad;
		}
	}

	loss.backward();
	for (const n of model.neurons) {
		trace[`dE/dout_${n.name}`] = node(`out_${n.name}`).grad;
		trace[`delta_${n.name}`] = node(`net_${n.name}`).grad;
		// The same δ under the name many texts use for it.
		trace[`dE/dnet_${n.name}`] = node(`net_${n.name}`).grad;
	}
	// Gradients with respect to the inputs (how the error changes with x1: saliency, adversarial steps).
	for (const i of Object.keys(model.spec.inputs)) trace[`dE/d${i}`] = node(i).grad;
	const parameters = Object.keys(model.spec.parameters);
	for (const p of parameters) trace[`dE/d${p}`] = node(p).grad;

	const { learningRate: rate, momentum } = model.spec;
	const v0 = (p: string) => model.spec.velocities?.[p] ?? 0;
	// L2 weight decay reaches weights only, never biases (deck 001).
	const decayOf = (p: string) => (model.biases.has(p) ? undefined : model.spec.weightDecay);
	if (momentum !== undefined) {
		for (const p of model.trainable) trace[`v_${p}`] = velocityAfter(v0(p), decayedGradient(node(p).data, node(p).grad, decayOf(p)), momentum);
	}
	if (rate === undefined) return trace;
	for (const p of parameters) {
		trace[`${p}_new`] = model.trainable.includes(p) ? updateParameter(node(p).data, node(p).grad, v0(p), { rate, momentum, decay: decayOf(p) }).value : node(p).data;
	}
	trace.E_total_after_update = lossAfter(model, loss, (p) => trace[`${p}_new`] as number);
	return trace;
}

/** E_total with the parameters set to `next`; the graph is left as it was. */
function lossAfter(model: NetworkModel, loss: Value, next: (p: string) => number): number {
	const parameters = Object.keys(model.spec.parameters).map((p) => model.nodes.get(p) as Value);
	const saved = parameters.map((v) => v.data);
	parameters.forEach((v) => (v.data = next(v.name as string)));
	recomputeAll(loss);
	const after = loss.data;
	parameters.forEach((v, i) => (v.data = saved[i] as number));
	recomputeAll(loss);
	loss.backward();
	return after;
}

const isInput = (model: NetworkModel, source: string) => source in model.spec.inputs;
const outName = (model: NetworkModel, source: string) => (isInput(model, source) ? source : `out_${source}`);
const weightValue = (model: NetworkModel, w: string | number) =>
	typeof w === 'number' ? w : (model.spec.parameters[w] as number);
