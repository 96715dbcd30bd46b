// The only names an answer may use. Anything else is refused before and while evaluating.

export const CONSTANTS: Readonly<Record<string, number>> = { e: Math.E, pi: Math.PI, π: Math.PI };

/** `log` is the natural logarithm, as in machine-learning texts. */
export const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
	exp: Math.exp,
	ln: Math.log,
	log: Math.log,
	log10: Math.log10,
	log2: Math.log2,
	sqrt: Math.sqrt,
	abs: Math.abs,
	tanh: Math.tanh,
	sigmoid: (x) => 1 / (1 + Math.exp(-x))
};

export const isConstant = (name: string): boolean => Object.hasOwn(CONSTANTS, name);
export const isFunction = (name: string): boolean => Object.hasOwn(FUNCTIONS, name);
