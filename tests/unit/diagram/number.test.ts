import { describe, expect, it } from 'vitest';
import { diagramNumber } from '$lib/diagram';

describe('numbers on the diagram', () => {
	it('are written to four significant digits with a true minus sign', () => {
		expect(diagramNumber(0.593269992)).toBe('0.5933');
		expect(diagramNumber(-0.0821)).toBe('−0.0821');
	});
	it('are a question mark while not found', () => {
		expect(diagramNumber(undefined)).toBe('?');
	});
});
