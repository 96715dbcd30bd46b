export { diagramOf, gateOf, type Diagram, type DiagramNode, type DiagramEdge, type Slot, type Role, type NodeKind } from './structure';
export { layoutDiagram, cachedLayout, overlaps, nodeSize, labelSize, LINE, PAD, type Layout, type Box, type Orientation, type EdgeLayout, type Point } from './layout';
export { elementsOf, highlightOf, highlightOfStop, pathsToEnd, merge, type Elements, type Highlight, type StepShape } from './elements';
export { backwardWalk, quantitiesOfStop, stopSummary, type WalkStop, type WalkTerm } from './walk';
export { diagramNumber } from './number';
