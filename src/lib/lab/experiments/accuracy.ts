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
