import { add, max, type Value } from '$lib/autograd';

/**
 * The softmax of one layer, from engine nodes: out_X = e^(net_X − m) / Σ_j e^(net_j − m) with
 * m = max_j net_j. Subtracting m cancels out (so its gradient is 0 up to rounding) and keeps e^x
 * from overflowing. Each out_X reads every net of the layer, so gradients reach them all.
 */
export function softmax(nets: Value[]): Value[] {
	const m = max(...nets);
	const exps = nets.map((net) => net.sub(m).exp());
	const sum = add(...exps);
	return exps.map((e) => e.div(sum));
}

/** ∂out_X/∂net_Y of a softmax layer: out_X(1 − out_X) when X = Y, −out_X·out_Y otherwise. */
export const softmaxDerivative = (outX: number, outY: number, same: boolean) => (same ? outX * (1 - outX) : -outX * outY);
