import { topologicalOrder, type Value } from '$lib/autograd';
import { buildNetwork, neuronsOf, type NetworkSpec } from '$lib/nn';
import { generateKernels, type Kernels, type OpNames } from './generate';

/**
 * A network's computation recorded once by the Value engine and compiled to flat typed arrays,
 * replayed forward and backward without allocating. Every kernel below uses the very float64
 * expressions of src/lib/autograd/ops.ts (value and local derivative), so the tape gives the
 * engine's numbers; the engine stays the one place where the math is written for people.
 */
export interface NetworkTape {
	/** Input names, in the order setExample reads them (the spec's inputs). */
	readonly inputs: string[];
	/** Output neuron names (the last layer), in the order setExample reads targets and output(i) gives. */
	readonly outputs: string[];
	/** Parameter names (the spec's parameters), the order of params and grads. */
	readonly parameters: string[];
	setExample(inputs: ArrayLike<number>, targets: ArrayLike<number>): void;
	/** E_total of the current example at the current params. */
	forward(): number;
	/** Adds ∂E_total/∂P of the current example (at the last forward) into grads. */
	backward(): void;
	zeroGrads(): void;
	/** Parameter values, read and write (a view into the tape's values). */
	readonly params: Float64Array;
	/** ∂E/∂parameter, summed since the last zeroGrads. */
	readonly grads: Float64Array;
	/** Output i (out_X of outputs[i]) after forward(). */
	output(i: number): number;
	/** Indices into parameters of those an update changes (biases may be kept fixed: update.biases). */
	readonly trainable: Int32Array;
	/** A named quantity (net_h1, out_o1, E_o1, E_total, an input or parameter) after forward(). */
	value(name: string): number;
	/** Size of the compiled tape: slots (values) and ops replayed per forward. */
	readonly size: { slots: number; ops: number; fusedNeurons: number };
	/** 'generated' when forward and backward run as generated JavaScript, else 'interpreted'. */
	readonly runs: 'generated' | 'interpreted';
}

// Op codes. Not exported: a const enum is inlined only inside its own file.
const enum Code {
	/** Fused weighted sum: 0 + Σ a_k·b_k over pairs (a bias is the pair (bias, 1)). */
	DOT = 1,
	/** DOT whose b_k need no gradient (no parameter below them, e.g. the first layer's inputs). */
	DOT_A,
	ADD,
	SUB,
	MUL,
	DIV,
	NEG,
	POW,
	EXP,
	LOG,
	MAX,
	SIGMOID,
	TANH,
	RELU,
	STEP,
	IDENTITY,
	LEAKY_RELU
}

/** The codes by name, for the code generator (a const enum does not exist at run time). */
const CODES: Record<OpNames, number> = {
	DOT: Code.DOT, DOT_A: Code.DOT_A, ADD: Code.ADD, SUB: Code.SUB, MUL: Code.MUL, DIV: Code.DIV, NEG: Code.NEG,
	POW: Code.POW, EXP: Code.EXP, LOG: Code.LOG, MAX: Code.MAX, SIGMOID: Code.SIGMOID, TANH: Code.TANH,
	RELU: Code.RELU, STEP: Code.STEP, IDENTITY: Code.IDENTITY, LEAKY_RELU: Code.LEAKY_RELU
};

/**
 * How forward and backward run: 'generate' writes the ops out as JavaScript (fastest for small
 * and middle-sized networks; falls back to the interpreter where eval is forbidden or the tape is
 * large), 'interpret' loops over the op codes. Both give the same numbers.
 */
export type TapeOptions = { run?: 'generate' | 'interpret' };

/** The engine op → tape code and the two numbers the code reads. */
function codeOf(node: Value): [Code, number, number] {
	const p = node.params as Record<string, unknown>;
	const num = (key: string) => {
		const x = p[key];
		if (typeof x !== 'number') throw new Error(`the tape cannot compile ${node.op}${node.name ? ` (${node.name})` : ''}: its parameter ${key} is not a number`);
		return x;
	};
	switch (node.op as string) {
		case 'add': return [Code.ADD, 0, 0];
		case 'sub': return [Code.SUB, 0, 0];
		case 'mul': return [Code.MUL, 0, 0];
		case 'div': return [Code.DIV, 0, 0];
		case 'neg': return [Code.NEG, 0, 0];
		case 'pow': return [Code.POW, num('exponent'), 0];
		case 'exp': return [Code.EXP, 0, 0];
		case 'log': return [Code.LOG, 0, 0];
		case 'max': return [Code.MAX, 0, 0];
		case 'sigmoid': return [Code.SIGMOID, num('threshold'), num('temperature')];
		case 'tanh': return [Code.TANH, 0, 0];
		case 'relu': return [Code.RELU, 0, 0];
		case 'step': return [Code.STEP, num('threshold'), num('atThreshold')];
		case 'identity': return [Code.IDENTITY, 0, 0];
		case 'leaky_relu': return [Code.LEAKY_RELU, num('slope'), 0];
		default:
			throw new Error(`the tape cannot compile the engine op “${node.op}”${node.name ? ` (${node.name})` : ''}: teach it to src/lib/tape/tape.ts (codeOf and both kernels) with the expressions of autograd/ops.ts`);
	}
}

/** Records buildNetwork(spec) once and compiles it. A spec without targets gets targets 0 (set them with setExample). */
export function compileTape(spec: NetworkSpec, options: TapeOptions = {}): NetworkTape {
	const outputs = neuronsOf(spec).filter((n) => n.isOutput).map((n) => n.name);
	const targets = spec.targets ?? Object.fromEntries(outputs.map((o) => [o, 0]));
	const model = buildNetwork({ ...spec, targets });
	const node = (name: string) => model.nodes.get(name) as Value;
	const biases = model.biases;
	return compileGraph({
		root: model.loss as Value,
		inputs: Object.keys(spec.inputs).map((i) => [i, node(i)]),
		outputs: outputs.map((o) => [o, node(`out_${o}`), model.targets.get(o) as Value]),
		parameters: Object.keys(spec.parameters).map((p) => [p, node(p)]),
		trainable: (p) => spec.update.biases || !biases.has(p),
		names: model.nodes
	}, options);
}

/** What compileGraph needs to know of a recorded graph besides its root (the loss). */
export type GraphRecording = {
	root: Value;
	/** Leaves set by setExample, in order. */
	inputs: [string, Value][];
	/** Each output's name, its node, and its target leaf (set by setExample). */
	outputs: [string, Value, Value][];
	/** Leaves that are parameters (params and grads), in order; every other leaf is a constant. */
	parameters: [string, Value][];
	trainable?: (parameter: string) => boolean;
	/** Named nodes that value(name) reads. */
	names?: Map<string, Value>;
};

/** Compiles any engine graph: the root is what forward() returns and backward() differentiates. */
export function compileGraph(recording: GraphRecording, options: TapeOptions = {}): NetworkTape {
	const { root: loss } = recording;
	const order = topologicalOrder(loss);

	// Uses of each node, and which nodes lead back to a parameter (only those need a gradient).
	const uses = new Map<Value, number>();
	const paramNodes = new Set(recording.parameters.map(([, v]) => v));
	const needsGrad = new Set<Value>();
	for (const node of order) {
		for (const x of node.inputs) uses.set(x, (uses.get(x) ?? 0) + 1);
		if (paramNodes.has(node) || node.inputs.some((x) => needsGrad.has(x))) needsGrad.add(node);
	}
	// A neuron's net is add(mul(w, x), …, bias): fuse an add with the unnamed muls only it reads.
	const fusable = (x: Value) => x.op === 'mul' && x.name === undefined && uses.get(x) === 1;
	const fusedMuls = new Set<Value>();
	for (const node of order) {
		if (node.op === 'add' && node.inputs.some(fusable)) for (const x of node.inputs) if (fusable(x)) fusedMuls.add(x);
	}

	// Slots: [1, inputs, targets, other leaves (constants), parameters, ops in topological order].
	const slot = new Map<Value, number>();
	const leafValues: number[] = [1];
	const place = (v: Value) => {
		if (v.op !== 'leaf') throw new Error(`the tape sets ${v.name ?? 'a node'} directly, so it must be a leaf, not the result of ${v.op}`);
		if (!slot.has(v)) (slot.set(v, leafValues.length), leafValues.push(v.data));
	};
	// setExample writes inputs then targets as one run of slots: each must be a leaf of its own.
	for (const v of [...recording.inputs.map(([, x]) => x), ...recording.outputs.map(([, , t]) => t)]) {
		if (slot.has(v)) throw new Error(`${v.name ?? 'a leaf'} is given twice as an input or target`);
		place(v);
	}
	for (const node of order) if (node.op === 'leaf' && !paramNodes.has(node)) place(node);
	const paramStart = leafValues.length;
	for (const [, v] of recording.parameters) {
		if (slot.has(v)) throw new Error(`${v.name ?? 'a leaf'} is given as a parameter and as an input, a target or another parameter`);
		place(v);
	}
	const opStart = leafValues.length;
	const ops = order.filter((node) => node.op !== 'leaf' && !fusedMuls.has(node));
	ops.forEach((node, k) => slot.set(node, opStart + k));
	const n = opStart + ops.length;

	const code = new Uint8Array(n);
	const start = new Int32Array(n);
	const count = new Int32Array(n);
	const p0 = new Float64Array(n);
	const p1 = new Float64Array(n);
	const args: number[] = [];
	const at = (v: Value) => {
		const s = slot.get(v);
		if (s === undefined) throw new Error(`${v.name ?? 'a node'} is not part of the graph below the root`);
		return s;
	};
	let fusedNeurons = 0;
	ops.forEach((node, k) => {
		const i = opStart + k;
		start[i] = args.length;
		if (node.op === 'add' && node.inputs.some((x) => fusedMuls.has(x))) {
			// Pairs (a, b), with b the operand that needs no gradient when only one does.
			let bNeedsGrad = false;
			for (const x of node.inputs) {
				let [a, b] = fusedMuls.has(x) ? [x.inputs[0] as Value, x.inputs[1] as Value] : [x, null];
				if (b !== null && needsGrad.has(b) && !needsGrad.has(a)) [a, b] = [b, a];
				if (b !== null && needsGrad.has(b)) bNeedsGrad = true;
				args.push(at(a), b === null ? 0 : at(b));
			}
			code[i] = bNeedsGrad ? Code.DOT : Code.DOT_A;
			count[i] = node.inputs.length;
			fusedNeurons++;
			return;
		}
		const [c, a0, a1] = codeOf(node);
		code[i] = c;
		p0[i] = a0;
		p1[i] = a1;
		for (const x of node.inputs) args.push(at(x));
		count[i] = node.inputs.length;
	});

	const names = new Map<string, number>();
	for (const [name, v] of recording.names ?? []) if (slot.has(v)) names.set(name, at(v));
	const parameters = recording.parameters.map(([p]) => p);
	const trainable = recording.trainable ?? (() => true);
	return new Tape({
		inputs: recording.inputs.map(([i]) => i),
		outputs: recording.outputs.map(([o]) => o),
		parameters,
		trainable: Int32Array.from(parameters.flatMap((p, k) => (trainable(p) ? [k] : []))),
		names,
		code, start, count, p0, p1, args: Int32Array.from(args),
		values: Float64Array.from({ length: n }, (_, k) => (k < opStart ? (leafValues[k] as number) : 0)),
		outSlots: Int32Array.from(recording.outputs.map(([, v]) => at(v))),
		paramStart, opStart, lossSlot: at(loss), fusedNeurons
	}, options.run ?? 'generate');
}

type Compiled = {
	inputs: string[];
	outputs: string[];
	parameters: string[];
	trainable: Int32Array;
	names: Map<string, number>;
	code: Uint8Array;
	start: Int32Array;
	count: Int32Array;
	p0: Float64Array;
	p1: Float64Array;
	args: Int32Array;
	values: Float64Array;
	outSlots: Int32Array;
	paramStart: number;
	opStart: number;
	lossSlot: number;
	fusedNeurons: number;
};

// The engine's logistic, to the letter (two branches so that neither exp() overflows).
// exp(z) is computed once in the second branch: the same number the engine computes twice.
const logistic = (z: number) => {
	if (z >= 0) return 1 / (1 + Math.exp(-z));
	const e = Math.exp(z);
	return e / (1 + e);
};

class Tape implements NetworkTape {
	readonly inputs: string[];
	readonly outputs: string[];
	readonly parameters: string[];
	readonly trainable: Int32Array;
	readonly params: Float64Array;
	readonly grads: Float64Array;
	readonly size: NetworkTape['size'];
	private readonly c: Compiled;
	private readonly v: Float64Array;
	private readonly g: Float64Array;
	private readonly targetStart: number;
	private readonly kernels: Kernels | null;
	readonly runs: 'generated' | 'interpreted';

	constructor(c: Compiled, run: 'generate' | 'interpret') {
		this.c = c;
		this.inputs = c.inputs;
		this.outputs = c.outputs;
		this.parameters = c.parameters;
		this.trainable = c.trainable;
		this.v = c.values;
		this.g = new Float64Array(c.values.length);
		this.params = this.v.subarray(c.paramStart, c.paramStart + c.parameters.length);
		this.grads = this.g.subarray(c.paramStart, c.paramStart + c.parameters.length);
		this.targetStart = 1 + c.inputs.length;
		this.size = { slots: c.values.length, ops: c.values.length - c.opStart, fusedNeurons: c.fusedNeurons };
		this.kernels = run === 'generate' ? generateKernels({ ...c, slots: c.values.length }, CODES) : null;
		this.runs = this.kernels ? 'generated' : 'interpreted';
	}

	setExample(inputs: ArrayLike<number>, targets: ArrayLike<number>): void {
		if (inputs.length !== this.inputs.length || targets.length !== this.outputs.length) {
			throw new Error(`setExample takes ${this.inputs.length} inputs (${this.inputs.join(', ')}) and ${this.outputs.length} targets (${this.outputs.join(', ')}), got ${inputs.length} and ${targets.length}`);
		}
		// Loops, not TypedArray.set: a few numbers per example, where set's call costs more.
		const v = this.v;
		for (let k = 0; k < inputs.length; k++) v[1 + k] = inputs[k] as number;
		const t0 = this.targetStart;
		for (let k = 0; k < targets.length; k++) v[t0 + k] = targets[k] as number;
	}

	output(i: number): number {
		return this.v[this.c.outSlots[i] as number] as number;
	}

	value(name: string): number {
		const s = this.c.names.get(name);
		if (s === undefined) throw new Error(`the tape has no quantity named “${name}”`);
		return this.v[s] as number;
	}

	zeroGrads(): void {
		const grads = this.grads;
		for (let k = 0; k < grads.length; k++) grads[k] = 0;
	}

	forward(): number {
		return this.kernels ? this.kernels.forward(this.v) : this.interpretForward();
	}

	backward(): void {
		if (this.kernels) this.kernels.backward(this.v, this.g);
		else this.interpretBackward();
	}

	private interpretForward(): number {
		const { code, start, count, p0, p1, args, opStart, lossSlot } = this.c;
		const v = this.v;
		const n = v.length;
		for (let i = opStart; i < n; i++) {
			const s = start[i] as number;
			switch (code[i]) {
				case Code.DOT:
				case Code.DOT_A: {
					let acc = 0;
					for (let k = s, end = s + 2 * (count[i] as number); k < end; k += 2) acc += (v[args[k] as number] as number) * (v[args[k + 1] as number] as number);
					v[i] = acc;
					break;
				}
				case Code.ADD: {
					let acc = 0;
					for (let k = s, end = s + (count[i] as number); k < end; k++) acc += v[args[k] as number] as number;
					v[i] = acc;
					break;
				}
				case Code.SUB:
					v[i] = (v[args[s] as number] as number) - (v[args[s + 1] as number] as number);
					break;
				case Code.MUL:
					v[i] = (v[args[s] as number] as number) * (v[args[s + 1] as number] as number);
					break;
				case Code.DIV:
					v[i] = (v[args[s] as number] as number) / (v[args[s + 1] as number] as number);
					break;
				case Code.NEG:
					v[i] = -(v[args[s] as number] as number);
					break;
				case Code.POW:
					v[i] = (v[args[s] as number] as number) ** (p0[i] as number);
					break;
				case Code.EXP:
					v[i] = Math.exp(v[args[s] as number] as number);
					break;
				case Code.LOG:
					v[i] = Math.log(v[args[s] as number] as number);
					break;
				case Code.MAX: {
					// The first input holding the maximum, as the engine's tie rule.
					let best = v[args[s] as number] as number;
					for (let k = s + 1, end = s + (count[i] as number); k < end; k++) {
						const x = v[args[k] as number] as number;
						if (x > best) best = x;
					}
					v[i] = best;
					break;
				}
				case Code.SIGMOID:
					v[i] = logistic(((v[args[s] as number] as number) - (p0[i] as number)) / (p1[i] as number));
					break;
				case Code.TANH:
					v[i] = Math.tanh(v[args[s] as number] as number);
					break;
				case Code.RELU:
					v[i] = Math.max(0, v[args[s] as number] as number);
					break;
				case Code.STEP: {
					const x = v[args[s] as number] as number;
					const t = p0[i] as number;
					v[i] = x > t ? 1 : x < t ? 0 : (p1[i] as number);
					break;
				}
				case Code.IDENTITY:
					v[i] = v[args[s] as number] as number;
					break;
				case Code.LEAKY_RELU: {
					const x = v[args[s] as number] as number;
					v[i] = x > 0 ? x : (p0[i] as number) * x;
					break;
				}
				default:
					throw new Error(`tape op code ${code[i]} has no forward kernel`);
			}
		}
		return v[lossSlot] as number;
	}

	private interpretBackward(): void {
		const { code, start, count, p0, p1, args, opStart, paramStart, lossSlot } = this.c;
		const v = this.v;
		const g = this.g;
		const n = v.length;
		// Parameters keep what earlier examples added; everything else starts from 0, as in the engine.
		g.fill(0, 0, paramStart);
		g.fill(0, opStart, n);
		g[lossSlot] = 1;
		for (let i = n - 1; i >= opStart; i--) {
			const gi = g[i] as number;
			const s = start[i] as number;
			switch (code[i]) {
				case Code.DOT:
					// The engine visits a neuron's products last to first: the same order of sums.
					for (let k = s + 2 * (count[i] as number) - 2; k >= s; k -= 2) {
						const a = args[k] as number;
						const b = args[k + 1] as number;
						g[a] = (g[a] as number) + gi * (v[b] as number);
						g[b] = (g[b] as number) + gi * (v[a] as number);
					}
					break;
				case Code.DOT_A:
					for (let k = s + 2 * (count[i] as number) - 2; k >= s; k -= 2) {
						const a = args[k] as number;
						g[a] = (g[a] as number) + gi * (v[args[k + 1] as number] as number);
					}
					break;
				case Code.ADD:
					for (let k = s, end = s + (count[i] as number); k < end; k++) {
						const a = args[k] as number;
						g[a] = (g[a] as number) + gi;
					}
					break;
				case Code.SUB: {
					const a = args[s] as number;
					const b = args[s + 1] as number;
					g[a] = (g[a] as number) + gi;
					g[b] = (g[b] as number) + gi * -1;
					break;
				}
				case Code.MUL: {
					const a = args[s] as number;
					const b = args[s + 1] as number;
					g[a] = (g[a] as number) + gi * (v[b] as number);
					g[b] = (g[b] as number) + gi * (v[a] as number);
					break;
				}
				case Code.DIV: {
					const a = args[s] as number;
					const b = args[s + 1] as number;
					const x = v[a] as number;
					const y = v[b] as number;
					g[a] = (g[a] as number) + gi * (1 / y);
					g[b] = (g[b] as number) + gi * (-x / (y * y));
					break;
				}
				case Code.NEG: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * -1;
					break;
				}
				case Code.POW: {
					const a = args[s] as number;
					const e = p0[i] as number;
					g[a] = (g[a] as number) + gi * (e === 0 ? 0 : e * (v[a] as number) ** (e - 1));
					break;
				}
				case Code.EXP: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * (v[i] as number);
					break;
				}
				case Code.LOG: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * (1 / (v[a] as number));
					break;
				}
				case Code.MAX: {
					let best = s;
					for (let k = s + 1, end = s + (count[i] as number); k < end; k++) if ((v[args[k] as number] as number) > (v[args[best] as number] as number)) best = k;
					for (let k = s, end = s + (count[i] as number); k < end; k++) {
						const a = args[k] as number;
						g[a] = (g[a] as number) + gi * (k === best ? 1 : 0);
					}
					break;
				}
				case Code.SIGMOID: {
					const a = args[s] as number;
					const y = v[i] as number;
					g[a] = (g[a] as number) + gi * ((y * (1 - y)) / (p1[i] as number));
					break;
				}
				case Code.TANH: {
					const a = args[s] as number;
					const t = v[i] as number;
					g[a] = (g[a] as number) + gi * (1 - t * t);
					break;
				}
				case Code.RELU: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * ((v[a] as number) > 0 ? 1 : 0);
					break;
				}
				case Code.STEP: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * 0;
					break;
				}
				case Code.IDENTITY: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * 1;
					break;
				}
				case Code.LEAKY_RELU: {
					const a = args[s] as number;
					g[a] = (g[a] as number) + gi * ((v[a] as number) > 0 ? 1 : (p0[i] as number));
					break;
				}
				default:
					throw new Error(`tape op code ${code[i]} has no backward kernel`);
			}
		}
	}
}
