import dagre from '@dagrejs/dagre';
import type { Diagram, DiagramEdge, DiagramNode } from './structure';

/**
 * Positions for a diagram, from dagre's layered layout: left to right on a wide screen, top to
 * bottom on a narrow one. Edge labels are laid out as boxes of their own, so that no label
 * covers a node or another label. Sizes depend on the structure only (never on values), so one
 * layout serves every variant of a network.
 */

export type Box = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };
export type EdgeLayout = { points: Point[]; label?: Box };
export type Orientation = 'LR' | 'TB';
export type Layout = {
	orientation: Orientation;
	width: number;
	height: number;
	/** Centre and size of each node. */
	nodes: Record<string, Box>;
	edges: Record<string, EdgeLayout>;
};

/** Line height and padding of the text inside boxes, in SVG units (1 unit = 1 CSS px at scale 1). */
export const LINE = 15;
export const PAD = 6;
const MARGIN = 8;

export function nodeSize(node: DiagramNode): { width: number; height: number } {
	const lines = 1 + node.slots.length;
	switch (node.kind) {
		case 'input':
		case 'bias':
			return { width: 72, height: lines * LINE + PAD * 2 };
		case 'loss':
			return { width: 88, height: lines * LINE + PAD * 2 };
		default:
			return { width: 112, height: lines * LINE + PAD * 2 };
	}
}

/** An edge's label: the weight's name with its value, then its gradient; or a lone number. */
export function labelSize(edge: DiagramEdge): { width: number; height: number } | undefined {
	const lines = edge.slots.length + (edge.constant !== undefined ? 1 : 0);
	if (lines === 0) return undefined;
	return { width: 78, height: lines * LINE + PAD };
}

export function layoutDiagram(diagram: Diagram, orientation: Orientation): Layout {
	const g = new dagre.graphlib.Graph({ multigraph: false });
	const narrow = orientation === 'TB';
	g.setGraph({ rankdir: orientation, nodesep: narrow ? 8 : 14, ranksep: narrow ? 14 : 22, edgesep: 6, marginx: MARGIN, marginy: MARGIN });
	g.setDefaultEdgeLabel(() => ({}));
	for (const node of diagram.nodes) g.setNode(node.id, { ...nodeSize(node) });
	for (const edge of diagram.edges) {
		const label = labelSize(edge);
		g.setEdge(edge.from, edge.to, label ? { ...label, labelpos: 'c' } : { width: 0, height: 0 });
	}
	// Keep the order the lesson wrote (i1 above i2, h1 above h2): the slides draw it so.
	dagre.layout(g, { constraints: orderConstraints(diagram) });

	const nodes: Record<string, Box> = {};
	for (const node of diagram.nodes) {
		const { x, y, width, height } = g.node(node.id);
		nodes[node.id] = { x, y, width, height };
	}
	const edges: Record<string, EdgeLayout> = {};
	for (const edge of diagram.edges) {
		const laid = g.edge(edge.from, edge.to);
		const label = labelSize(edge);
		edges[edge.id] = {
			points: (laid.points ?? []).map((p: Point) => ({ x: p.x, y: p.y })),
			...(label && laid.x !== undefined && laid.y !== undefined ? { label: { x: laid.x, y: laid.y, ...label } } : {})
		};
	}
	const { width = 0, height = 0 } = g.graph();
	return { orientation, width, height, nodes, edges };
}

/** Within each layer of a network, each node stays before the next one, bias nodes last. */
function orderConstraints(diagram: Diagram): Array<{ left: string; right: string }> {
	if (diagram.kind !== 'network') return [];
	const byLayer = new Map<number, string[]>();
	for (const node of diagram.nodes) {
		if (node.layer === undefined) continue;
		byLayer.set(node.layer, [...(byLayer.get(node.layer) ?? []), node.id]);
	}
	return [...byLayer.values()].flatMap((ids) => ids.slice(1).map((right, i) => ({ left: ids[i] as string, right })));
}

/** Two boxes (centre and size) overlap when they share more than a hairline. */
export function overlaps(a: Box, b: Box): boolean {
	return Math.abs(a.x - b.x) * 2 < a.width + b.width - 1 && Math.abs(a.y - b.y) * 2 < a.height + b.height - 1;
}

/** Both orientations, computed once per network structure and kept. */
const cache = new WeakMap<Diagram, Partial<Record<Orientation, Layout>>>();
export function cachedLayout(diagram: Diagram, orientation: Orientation): Layout {
	const entry = cache.get(diagram) ?? {};
	cache.set(diagram, entry);
	return (entry[orientation] ??= layoutDiagram(diagram, orientation));
}
