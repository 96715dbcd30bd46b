import { OPS, type LeakyReluOptions, type Op, type OpParams, type SigmoidOptions, type StepOptions } from './ops';

type Operand = Value | number;

let nextId = 0;

/**
 * A scalar in a computation graph. It records how it was made (op, inputs in order, parameters)
 * and, as data, the local derivative of its value with respect to each input.
 */
export class Value {
	readonly id = nextId++;
	data: number;
	grad = 0;
	/** local[i] = ∂this/∂inputs[i], evaluated at the current data. */
	local: number[];
	/** A quantity name such as `net_h1`; a TeX label such as `\mathrm{net}_{h1}`. */
	name?: string;
	tex?: string;

	constructor(
		data: number,
		readonly op: Op = 'leaf',
		readonly inputs: readonly Value[] = [],
		readonly params: OpParams[Op] = {}
	) {
		if (op === 'leaf') {
			this.data = data;
			this.local = [];
		} else {
			const { data: out, local } = evaluate(op, inputs, params);
			this.data = out;
			this.local = local;
		}
	}

	/** Re-evaluates this node from its inputs' current data (after a leaf changed). */
	recompute(): void {
		if (this.op === 'leaf') return;
		const { data, local } = evaluate(this.op, this.inputs, this.params);
		this.data = data;
		this.local = local;
	}

	label(name: string, tex?: string): this {
		this.name = name;
		if (tex !== undefined) this.tex = tex;
		return this;
	}

	add(...others: Operand[]): Value {
		return add(this, ...others);
	}
	sub(other: Operand): Value {
		return new Value(0, 'sub', [this, lift(other)]);
	}
	mul(other: Operand): Value {
		return new Value(0, 'mul', [this, lift(other)]);
	}
	div(other: Operand): Value {
		return new Value(0, 'div', [this, lift(other)]);
	}
	neg(): Value {
		return new Value(0, 'neg', [this]);
	}
	pow(exponent: number): Value {
		return new Value(0, 'pow', [this], { exponent });
	}
	exp(): Value {
		return new Value(0, 'exp', [this]);
	}
	log(): Value {
		return new Value(0, 'log', [this]);
	}
	sigmoid(options: Partial<SigmoidOptions> = {}): Value {
		const params = { threshold: options.threshold ?? 0, temperature: options.temperature ?? 1 };
		return new Value(0, 'sigmoid', [this], params);
	}
	tanh(): Value {
		return new Value(0, 'tanh', [this]);
	}
	relu(): Value {
		return new Value(0, 'relu', [this]);
	}
	leakyRelu(options: Partial<LeakyReluOptions> = {}): Value {
		return new Value(0, 'leaky_relu', [this], { slope: options.slope ?? 0.01 });
	}
	step(options: Partial<StepOptions> = {}): Value {
		const params = { threshold: options.threshold ?? 0, atThreshold: options.atThreshold ?? 1 };
		return new Value(0, 'step', [this], params);
	}
	identity(): Value {
		return new Value(0, 'identity', [this]);
	}

	/**
	 * Sets every gradient in this node's graph to ∂this/∂node. Gradients are reset first, so
	 * calling backward twice gives the same result; fan-out gradients are summed.
	 */
	backward(): void {
		const order = topologicalOrder(this);
		for (const node of order) node.grad = 0;
		this.grad = 1;
		for (let i = order.length - 1; i >= 0; i--) {
			const node = order[i] as Value;
			node.inputs.forEach((input, k) => {
				input.grad += node.grad * (node.local[k] as number);
			});
		}
	}
}

function evaluate(op: Op, inputs: readonly Value[], params: OpParams[Op]) {
	const def = OPS[op];
	const arityOk = def.arity === 'n' ? inputs.length >= 1 : inputs.length === def.arity;
	if (!arityOk) throw new Error(`${op} takes ${def.arity} input(s), got ${inputs.length}`);
	// The op table is keyed by op, so its params type matches; TypeScript cannot see that here.
	const run = def.evaluate as (x: readonly number[], p: OpParams[Op]) => ReturnType<typeof def.evaluate>;
	return run(
		inputs.map((v) => v.data),
		params
	);
}

export function lift(x: Operand): Value {
	return x instanceof Value ? x : new Value(x);
}

export function add(...terms: Operand[]): Value {
	return new Value(0, 'add', terms.map(lift));
}

export function max(...terms: Operand[]): Value {
	return new Value(0, 'max', terms.map(lift));
}

/**
 * Every node that `root` depends on, inputs before the nodes that use them. Iterative (no
 * recursion limit) and deterministic: inputs are visited in the order they were given.
 */
export function topologicalOrder(root: Value): Value[] {
	const order: Value[] = [];
	const done = new Set<Value>();
	const stack: Array<{ node: Value; next: number }> = [{ node: root, next: 0 }];
	const onStack = new Set<Value>([root]);
	while (stack.length > 0) {
		const top = stack[stack.length - 1] as { node: Value; next: number };
		const child = top.node.inputs[top.next];
		if (child === undefined) {
			stack.pop();
			onStack.delete(top.node);
			done.add(top.node);
			order.push(top.node);
		} else {
			top.next++;
			if (!done.has(child) && !onStack.has(child)) {
				onStack.add(child);
				stack.push({ node: child, next: 0 });
			}
		}
	}
	return order;
}

/** Re-evaluates the whole graph below `root`, after leaf values were changed. */
export function recomputeAll(root: Value): void {
	for (const node of topologicalOrder(root)) node.recompute();
}
