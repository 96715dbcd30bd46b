/**
 * Moves focus to a step of the lesson and brings it into view: its input, or, where the step is
 * folded to one line (found), the button that opens it.
 */
export function goToStep(target: HTMLElement | null): boolean {
	if (!target) return false;
	let el: HTMLElement | null = target;
	if (target.closest('[hidden]')) el = target.closest('li.step')?.querySelector<HTMLElement>('button.toggle') ?? null;
	if (!el) return false;
	el.focus({ preventScroll: true });
	(el.closest('li.step') ?? el).scrollIntoView({ block: 'center' });
	return true;
}

/** A link's click that goes to the step it points at (`href="#input-id"`) instead of jumping. */
export function followStepLink(event: MouseEvent): void {
	const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href') ?? '';
	if (goToStep(document.getElementById(decodeURIComponent(href.slice(1))))) event.preventDefault();
}

/** The step inputs of the page, in page order. */
export const stepInputs = () => [...document.querySelectorAll<HTMLInputElement>('input[data-quantity]')];

/** The index of the last input at or before `el` in page order; -1 if none or no `el`. */
export function positionOf(inputs: HTMLElement[], el: Element | null): number {
	if (!el || !el.isConnected) return -1;
	let at = -1;
	inputs.forEach((input, i) => {
		if (input === el || input.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) at = i;
	});
	return at;
}
