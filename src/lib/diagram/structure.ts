import type { GraphModel, NetworkModel, NeuronInfo } from '$lib/nn';
import { parseExpression, type Expression } from '$lib/nn/expr';
import { graphContext, localName } from '$lib/derivation';

/**
 * What a diagram draws of a network or a computational graph, read off the engine's own model:
 * nodes and edges, and for each the quantities it shows. No values: those come from the page,
 * which knows what the learner has found.
 */

/** value: a forward value; gradient: ∂E/∂· or ∂F/∂·; local: a local derivative. */
export type Role = 'value' | 'gradient' | 'local';

/** One number a node or an edge shows: a quantity of the trace, with a short caption. */
export type Slot = { role: Role; quantity: string; caption: string };

export type NodeKind = 'input' | 'neuron' | 'bias' | 'loss' | 'value' | 'definition';

export type DiagramNode = {
	/** The `data-node` name: an input, a neuron, `E_total`, or a graph name. Bias nodes: `bias:b1`. */
	id: string;
	kind: NodeKind;
	/** The name as drawn (`h1`, `b1`, `E_total`, `q`). */
	name: string;
	/** The gate of a graph definition, as drawn (`+`, `×`, `exp`, `σ` …). */
	gate?: string;
	/** Column of a network's node: 0 for inputs, l + 1 for layer l, a bias with the column before its neurons. */
	layer?: number;
	/** The activation of a neuron (sigmoid, relu …). */
	activation?: string;
	/** Forward values first, then gradients. */
	slots: Slot[];
};

export type DiagramEdge = {
	id: string;
	from: string;
	to: string;
	/** The parameter on a weight or bias connection: the `data-edge` name. */
	param?: string;
	/** A fixed weight that is not a parameter (drawn as its number). */
	constant?: number;
	slots: Slot[];
};

export type Diagram = { kind: 'network' | 'graph'; nodes: DiagramNode[]; edges: DiagramEdge[] };

/** The diagram of a network or a computational graph; undefined for anything else. */
export function diagramOf(model: { kind: string }): Diagram | undefined {
	if (model.kind === 'network') return networkDiagram(model as NetworkModel);
	if (model.kind === 'graph') return graphDiagram(model as GraphModel);
	return undefined;
}

const slot = (role: Role, quantity: string, caption: string): Slot => ({ role, quantity, caption });

function networkDiagram(model: NetworkModel): Diagram {
	const { spec, neurons } = model;
	const hasLoss = model.loss !== undefined;
	const nodes: DiagramNode[] = Object.keys(spec.inputs).map((name) => ({ id: name, kind: 'input', name, layer: 0, slots: [slot('value', name, '')] }));
	const edges: DiagramEdge[] = [];
	const parameterSlots = (p: string) => [slot('value', p, ''), ...(hasLoss ? [slot('gradient', `dE/d${p}`, '∂E')] : [])];

	for (const n of neurons) {
		const slots = [slot('value', `net_${n.name}`, 'net'), slot('value', `out_${n.name}`, 'out')];
		if (n.isOutput && spec.targets) slots.push(slot('value', `target_${n.name}`, 'target'));
		if (hasLoss) slots.push(slot('gradient', `dE/dout_${n.name}`, '∂E/∂out'), slot('gradient', `delta_${n.name}`, 'δ'));
		nodes.push({ id: n.name, kind: 'neuron', name: n.name, layer: n.layer + 1, activation: n.activation.type, slots });
		for (const { source, weight } of n.inputs) {
			edges.push(
				typeof weight === 'string'
					? { id: `${source}->${n.name}`, from: source, to: n.name, param: weight, slots: parameterSlots(weight) }
					: { id: `${source}->${n.name}`, from: source, to: n.name, constant: weight, slots: [] }
			);
		}
	}
	// A bias is drawn as a node of its own, one per parameter and layer, as in the slides' pictures;
	// a fixed number as bias gets one per neuron.
	const biasId = (n: NeuronInfo) =>
		typeof n.bias !== 'string' ? `bias:${n.name}` : biasLayers(neurons, n.bias) > 1 ? `bias:${n.bias}@${n.layer}` : `bias:${n.bias}`;
	const drawn = new Set<string>();
	for (const n of neurons) {
		if (n.bias === undefined) continue;
		const id = biasId(n);
		const bias = n.bias;
		if (!drawn.has(id)) {
			drawn.add(id);
			// The bias's value and gradient sit on its node: its edges would repeat them.
			nodes.push({ id, kind: 'bias', name: String(bias), layer: n.layer, slots: typeof bias === 'string' ? parameterSlots(bias) : [] });
		}
		const edge = { id: `${id}->${n.name}`, from: id, to: n.name, slots: [] };
		edges.push(typeof bias === 'string' ? { ...edge, param: bias } : edge);
	}
	if (hasLoss) {
		nodes.push({ id: 'E_total', kind: 'loss', name: 'E_total', layer: spec.layers.length + 1, slots: [slot('value', 'E_total', '')] });
		for (const o of neurons.filter((n) => n.isOutput)) {
			edges.push({ id: `${o.name}->E_total`, from: o.name, to: 'E_total', slots: [slot('value', `E_${o.name}`, '')] });
		}
	}
	return { kind: 'network', nodes, edges };
}

const biasLayers = (neurons: NeuronInfo[], bias: string) => new Set(neurons.filter((n) => n.bias === bias).map((n) => n.layer)).size;

function graphDiagram(model: GraphModel): Diagram {
	const context = graphContext(model, {});
	const F = model.spec.output;
	const named = (name: string): DiagramNode['slots'] => [slot('value', name, ''), slot('gradient', `d${F}/d${name}`, `∂${F}`)];
	const nodes: DiagramNode[] = Object.keys(model.spec.values).map((name) => ({ id: name, kind: 'value', name, slots: named(name) }));
	const edges: DiagramEdge[] = [];
	for (const name of model.definitions) {
		const expr = context.expressions.get(name) as Expression;
		nodes.push({ id: name, kind: 'definition', name, gate: gateOf(expr), slots: named(name) });
		for (const input of expr.names) {
			edges.push({ id: `${input}->${name}`, from: input, to: name, slots: [slot('local', localName(context, name, input), 'local')] });
		}
	}
	return { kind: 'graph', nodes, edges };
}

/** The outermost operation of a definition, as a gate symbol. */
export function gateOf(expr: Expression | string): string {
	const tree = (typeof expr === 'string' ? parseExpression(expr) : expr).tree as unknown as GateNode;
	return gateSymbol(tree);
}

type GateNode = { type: string; op?: string; fn?: string | { name: string }; args?: GateNode[]; content?: GateNode; name?: string };

const OPERATORS: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': 'pow' };
const FUNCTIONS: Record<string, string> = { sigmoid: 'σ', exp: 'exp', log: 'log', tanh: 'tanh', relu: 'ReLU', max: 'max', unaryMinus: '−' };

function gateSymbol(node: GateNode): string {
	if (node.type === 'ParenthesisNode' && node.content) return gateSymbol(node.content);
	if (node.type === 'OperatorNode') {
		const [base] = node.args ?? [];
		if (node.op === '^' && base?.type === 'SymbolNode' && base.name === 'e') return 'exp';
		if (node.fn === 'unaryMinus') return '−';
		return OPERATORS[node.op ?? ''] ?? String(node.op);
	}
	if (node.type === 'FunctionNode') {
		const name = typeof node.fn === 'string' ? node.fn : (node.fn?.name ?? '');
		return FUNCTIONS[name] ?? name;
	}
	// `b: a` or `c: 3`: the value is passed on as it is.
	return '=';
}
