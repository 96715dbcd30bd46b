/**
 * A formula wider than the screen scrolls sideways; keyboard users must be able to scroll it too,
 * so such a region gets a tab stop and a name. Only regions that really overflow get one: a tab
 * stop on every formula would slow down everyone who uses the keyboard.
 */
function mark(region: HTMLElement): void {
	if (region.scrollWidth > region.clientWidth + 1) {
		region.tabIndex = 0;
		region.setAttribute('role', 'region');
		region.setAttribute('aria-label', region.tagName === 'PRE' ? 'Code (scrolls sideways)' : 'Formula (scrolls sideways)');
	} else if (region.hasAttribute('role')) {
		region.removeAttribute('tabindex');
		region.removeAttribute('role');
		region.removeAttribute('aria-label');
	}
}

/** Svelte attachment-style action: marks `node` (or, with a selector, its matching descendants). */
export function scrollableRegions(node: HTMLElement, selector?: string) {
	const regions = () => (selector ? [...node.querySelectorAll<HTMLElement>(selector)] : [node]);
	const update = () => regions().forEach(mark);
	const resizes = new ResizeObserver(update);
	resizes.observe(node);
	// Formulas are also replaced in place (a variant's numbers): check the new ones too.
	const changes = new MutationObserver(update);
	changes.observe(node, { childList: true, subtree: true });
	update();
	return {
		destroy: () => {
			resizes.disconnect();
			changes.disconnect();
		}
	};
}
