import { formatNumber } from '$lib/answers';

/** A number as the diagram writes it: 4 significant digits, a true minus sign; "?" while not found. */
export const diagramNumber = (x: number | undefined): string => (x === undefined ? '?' : formatNumber(x, 4).replace('-', '−'));
