/**
 * Straight-line JavaScript for a small tape: the interpreter's kernels (tape.ts) written out op by
 * op with the slots as literals, so that V8 compiles a network's forward and backward like a
 * hand-written loop. The expressions are the interpreter's, character for character; numeric
 * parameters are read from P0/P1 (never written as literals, so that no constant folding can
 * round differently). Long sums (big neurons) stay loops over the argument array A.
 * Returns null where code cannot be generated (e.g. a Content-Security-Policy forbids eval).
 */

export type OpNames = 'DOT' | 'DOT_A' | 'ADD' | 'SUB' | 'MUL' | 'DIV' | 'NEG' | 'POW' | 'EXP' | 'LOG' | 'MAX' | 'SIGMOID' | 'TANH' | 'RELU' | 'STEP' | 'IDENTITY' | 'LEAKY_RELU';

export type Program = {
	code: Uint8Array;
	start: Int32Array;
	count: Int32Array;
	p0: Float64Array;
	p1: Float64Array;
	args: Int32Array;
	paramStart: number;
	opStart: number;
	lossSlot: number;
	slots: number;
};

export type Kernels = { forward(v: Float64Array): number; backward(v: Float64Array, g: Float64Array): void };

/** Beyond this many ops or argument slots, the code would be large for little gain: interpret. */
const MAX_OPS = 4000;
const MAX_UNROLLED_ARGS = 40_000;
/** Sums longer than this stay loops. */
const UNROLL = 32;

export function generateKernels(p: Program, codes: Record<OpNames, number>): Kernels | null {
	const n = p.slots;
	if (n - p.opStart > MAX_OPS) return null;
	const name = new Map(Object.entries(codes).map(([k, c]) => [c, k as OpNames]));
	const fwd: string[] = [];
	const bwd: string[] = [];
	let unrolled = 0;
	for (let i = p.opStart; i < n; i++) {
		const s = p.start[i] as number;
		const c = p.count[i] as number;
		const op = name.get(p.code[i] as number);
		const a = (k: number) => p.args[s + k] as number;
		const loop = c > UNROLL;
		if (!loop) unrolled += c;
		switch (op) {
			case 'DOT':
			case 'DOT_A': {
				if (loop) {
					fwd.push(`{ let acc = 0; for (let k = ${s}; k < ${s + 2 * c}; k += 2) acc += v[A[k]] * v[A[k + 1]]; v[${i}] = acc; }`);
					bwd.push(
						op === 'DOT'
							? `for (let k = ${s + 2 * c - 2}; k >= ${s}; k -= 2) { const a = A[k], b = A[k + 1]; g[a] = g[a] + gi * v[b]; g[b] = g[b] + gi * v[a]; }`
							: `for (let k = ${s + 2 * c - 2}; k >= ${s}; k -= 2) { const a = A[k]; g[a] = g[a] + gi * v[A[k + 1]]; }`
					);
				} else {
					fwd.push(`v[${i}] = 0${Array.from({ length: c }, (_, k) => ` + v[${a(2 * k)}] * v[${a(2 * k + 1)}]`).join('')};`);
					for (let k = c - 1; k >= 0; k--) {
						const [x, y] = [a(2 * k), a(2 * k + 1)];
						bwd.push(`g[${x}] = g[${x}] + gi * v[${y}];`);
						if (op === 'DOT') bwd.push(`g[${y}] = g[${y}] + gi * v[${x}];`);
					}
				}
				break;
			}
			case 'ADD':
				if (loop) {
					fwd.push(`{ let acc = 0; for (let k = ${s}; k < ${s + c}; k++) acc += v[A[k]]; v[${i}] = acc; }`);
					bwd.push(`for (let k = ${s}; k < ${s + c}; k++) { const a = A[k]; g[a] = g[a] + gi; }`);
				} else {
					fwd.push(`v[${i}] = 0${Array.from({ length: c }, (_, k) => ` + v[${a(k)}]`).join('')};`);
					for (let k = 0; k < c; k++) bwd.push(`g[${a(k)}] = g[${a(k)}] + gi;`);
				}
				break;
			case 'SUB':
				fwd.push(`v[${i}] = v[${a(0)}] - v[${a(1)}];`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi;`, `g[${a(1)}] = g[${a(1)}] + gi * -1;`);
				break;
			case 'MUL':
				fwd.push(`v[${i}] = v[${a(0)}] * v[${a(1)}];`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * v[${a(1)}];`, `g[${a(1)}] = g[${a(1)}] + gi * v[${a(0)}];`);
				break;
			case 'DIV':
				fwd.push(`v[${i}] = v[${a(0)}] / v[${a(1)}];`);
				bwd.push(`{ const x = v[${a(0)}], y = v[${a(1)}]; g[${a(0)}] = g[${a(0)}] + gi * (1 / y); g[${a(1)}] = g[${a(1)}] + gi * (-x / (y * y)); }`);
				break;
			case 'NEG':
				fwd.push(`v[${i}] = -v[${a(0)}];`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * -1;`);
				break;
			case 'POW':
				fwd.push(`v[${i}] = v[${a(0)}] ** P0[${i}];`);
				bwd.push(`{ const e = P0[${i}]; g[${a(0)}] = g[${a(0)}] + gi * (e === 0 ? 0 : e * v[${a(0)}] ** (e - 1)); }`);
				break;
			case 'EXP':
				fwd.push(`v[${i}] = Math.exp(v[${a(0)}]);`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * v[${i}];`);
				break;
			case 'LOG':
				fwd.push(`v[${i}] = Math.log(v[${a(0)}]);`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * (1 / v[${a(0)}]);`);
				break;
			case 'MAX':
				// Rare (softmax): the interpreter's loops, the first maximum taking the gradient.
				fwd.push(`{ let best = v[A[${s}]]; for (let k = ${s + 1}; k < ${s + c}; k++) { const x = v[A[k]]; if (x > best) best = x; } v[${i}] = best; }`);
				bwd.push(`{ let best = ${s}; for (let k = ${s + 1}; k < ${s + c}; k++) if (v[A[k]] > v[A[best]]) best = k; for (let k = ${s}; k < ${s + c}; k++) { const a = A[k]; g[a] = g[a] + gi * (k === best ? 1 : 0); } }`);
				break;
			case 'SIGMOID':
				fwd.push(`{ const z = (v[${a(0)}] - P0[${i}]) / P1[${i}]; if (z >= 0) v[${i}] = 1 / (1 + Math.exp(-z)); else { const e = Math.exp(z); v[${i}] = e / (1 + e); } }`);
				bwd.push(`{ const y = v[${i}]; g[${a(0)}] = g[${a(0)}] + gi * ((y * (1 - y)) / P1[${i}]); }`);
				break;
			case 'TANH':
				fwd.push(`v[${i}] = Math.tanh(v[${a(0)}]);`);
				bwd.push(`{ const t = v[${i}]; g[${a(0)}] = g[${a(0)}] + gi * (1 - t * t); }`);
				break;
			case 'RELU':
				fwd.push(`v[${i}] = Math.max(0, v[${a(0)}]);`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * (v[${a(0)}] > 0 ? 1 : 0);`);
				break;
			case 'STEP':
				fwd.push(`{ const x = v[${a(0)}], t = P0[${i}]; v[${i}] = x > t ? 1 : x < t ? 0 : P1[${i}]; }`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * 0;`);
				break;
			case 'IDENTITY':
				fwd.push(`v[${i}] = v[${a(0)}];`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * 1;`);
				break;
			case 'LEAKY_RELU':
				fwd.push(`{ const x = v[${a(0)}]; v[${i}] = x > 0 ? x : P0[${i}] * x; }`);
				bwd.push(`g[${a(0)}] = g[${a(0)}] + gi * (v[${a(0)}] > 0 ? 1 : P0[${i}]);`);
				break;
			default:
				return null;
		}
		// Backward runs the ops last to first: each op's lines become one block, reversed below.
		bwd.push(`\u0000${i}`);
	}
	if (unrolled > MAX_UNROLLED_ARGS) return null;

	// Group the backward lines per op (marked by \0i) and emit the ops in reverse order.
	const blocks: string[][] = [];
	let current: string[] = [];
	for (const line of bwd) {
		if (line.startsWith('\u0000')) {
			blocks.push([`gi = g[${line.slice(1)}];`, ...current]);
			current = [];
		} else current.push(line);
	}
	const zero = (from: number, to: number) => (to - from <= 64 ? Array.from({ length: to - from }, (_, k) => `g[${from + k}] = 0;`).join(' ') : `g.fill(0, ${from}, ${to});`);
	const source = `"use strict";
return {
forward(v) {
${fwd.join('\n')}
return v[${p.lossSlot}];
},
backward(v, g) {
${zero(0, p.paramStart)}
${zero(p.opStart, n)}
g[${p.lossSlot}] = 1;
let gi;
${blocks.reverse().map((b) => b.join('\n')).join('\n')}
}
};`;
	try {
		return new Function('A', 'P0', 'P1', source)(p.args, p.p0, p.p1) as Kernels;
	} catch {
		return null;
	}
}
