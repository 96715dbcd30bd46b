// Expected values computed here, independently of the app's engine: the classic
// 2-2-2 sigmoid network (inputs 0.05, 0.10; targets 0.01, 0.99).
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const netH1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35;
const netH2 = 0.25 * 0.05 + 0.3 * 0.1 + 0.35;
const outH1 = sigmoid(netH1);
const outH2 = sigmoid(netH2);
const outO1 = sigmoid(0.4 * outH1 + 0.45 * outH2 + 0.6);

export const network = {
	netH1, // 0.3775
	outH1, // 0.593269992…
	outO1, // 0.751365069…
	lossO1: 0.5 * (0.01 - outO1) ** 2, // 0.274811083…
	/** ∂E/∂w5 = (out_o1 − target) · out_o1(1 − out_o1) · out_h1 = 0.082167041… */
	gradW5: (outO1 - 0.01) * outO1 * (1 - outO1) * outH1
};
