// Shows a number to a learner: the one formatter of $lib/number, re-exported where answers are judged.
export { formatNumber } from '$lib/number';
