/**
 * Depth-first post-order without recursion, so that a derivation over a chain thousands of steps
 * long cannot overflow the call stack. Each key is opened once; `open` gives its value and the
 * keys it needs (visited first, in the order given), or undefined to leave it out. This is the
 * order of the plain recursive walk `visit(k) { value = open(k); needs.forEach(visit); push(value) }`.
 */
export function postOrder<K, V>(root: K, open: (key: K) => { value: V; needs: readonly K[] } | undefined): V[] {
	const out: V[] = [];
	const seen = new Set<K>();
	const stack: Array<{ value: V; needs: readonly K[]; next: number }> = [];
	const enter = (key: K) => {
		if (seen.has(key)) return;
		seen.add(key);
		const opened = open(key);
		if (opened) stack.push({ value: opened.value, needs: opened.needs, next: 0 });
	};
	enter(root);
	while (stack.length > 0) {
		const top = stack[stack.length - 1] as { value: V; needs: readonly K[]; next: number };
		if (top.next < top.needs.length) enter(top.needs[top.next++] as K);
		else {
			stack.pop();
			out.push(top.value);
		}
	}
	return out;
}

/** Every key reachable from `root` (root included), without recursion. */
export function reachable<K>(root: K, next: (key: K) => readonly K[]): Set<K> {
	const found = new Set<K>([root]);
	const todo = [root];
	while (todo.length > 0) {
		for (const k of next(todo.pop() as K)) {
			if (!found.has(k)) {
				found.add(k);
				todo.push(k);
			}
		}
	}
	return found;
}
