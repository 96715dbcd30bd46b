/**
 * The share of examples classified right: the output read as "class 1" when it is above 0.5
 * (a sigmoid output, target 1 or 0). `predict` gives the network's output for some inputs.
 */
export function accuracy(predict: (inputs: number[]) => number, inputs: number[][], targets: number[]): number {
	if (inputs.length !== targets.length) throw new Error(`accuracy needs one target per example: ${inputs.length} examples, ${targets.length} targets`);
	if (inputs.length === 0) throw new Error('accuracy needs at least one example');
	let right = 0;
	inputs.forEach((x, i) => {
		if ((predict(x) > 0.5 ? 1 : 0) === targets[i]) right++;
	});
	return right / inputs.length;
}

/**
 * How a network's outputs name a class, when its targets are class labels: one output, "class 1"
 * above 0.5 (`threshold`); several, the largest output (`argmax`). Undefined when they are not
 * labels: a target other than 0 or 1, or with several outputs not exactly one 1 per example.
 */
export function classReading(targets: number[][]): 'threshold' | 'argmax' | undefined {
	if (targets.length === 0) return undefined;
	const width = (targets[0] as number[]).length;
	if (width === 0 || !targets.every((t) => t.length === width && t.every((y) => y === 0 || y === 1))) return undefined;
	if (width === 1) return 'threshold';
	return targets.every((t) => t.filter((y) => y === 1).length === 1) ? 'argmax' : undefined;
}

/**
 * The share of examples classified right, for targets that are class labels (see classReading):
 * one output read by `accuracy`'s 0.5 threshold, several by their largest (the first of equals).
 * `predict` gives the network's outputs for some inputs.
 */
export function classAccuracy(predict: (inputs: number[]) => number[], inputs: number[][], targets: number[][]): number {
	const reading = classReading(targets);
	if (reading === undefined) throw new Error('accuracy needs targets that are class labels: 0 or 1, and one 1 per example with several outputs');
	if (reading === 'threshold') return accuracy((x) => predict(x)[0] as number, inputs, targets.map((t) => t[0] as number));
	if (inputs.length !== targets.length) throw new Error(`accuracy needs one target per example: ${inputs.length} examples, ${targets.length} targets`);
	let right = 0;
	inputs.forEach((x, i) => {
		const out = predict(x);
		let best = 0;
		for (let k = 1; k < out.length; k++) if ((out[k] as number) > (out[best] as number)) best = k;
		if ((targets[i] as number[])[best] === 1) right++;
	});
	return right / inputs.length;
}
