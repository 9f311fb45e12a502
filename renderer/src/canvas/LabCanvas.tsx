/**
 * The design canvas: React Flow over the document. Nodes and edges derive from the document
 * (see flow-model.ts); changes React Flow reports go back through the store's actions — a drag
 * is one undo step, selection is ephemeral. Palette items drop here; links are drawn by
 * dragging from a node's handle to another node and are checked against the format's rules.
 */
import { useCallback, useEffect, useRef, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  SelectionMode,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { NodeKind, Position } from '../../../engine/index.ts';
import { nodeSize } from '../design/node-size.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { useFlowEdges, useFlowNodes, type LabEdge, type LabNode } from './flow-model.ts';
import { HostNode } from './HostNode.tsx';
import { LinkEdge } from './LinkEdge.tsx';
import { RouterNode } from './RouterNode.tsx';
import { PacketLegend } from './PacketLegend.tsx';
import { PacketLayer } from './PacketLayer.tsx';
import { LinkLayer } from './LinkLayer.tsx';
import { useFirstStartLab } from './useFirstStartLab.ts';
import { DesignLockBanner } from './DesignLockBanner.tsx';
import { CanvasDetailContext, FIT, useCanvasDetail } from './useCanvasDetail.ts';
import { AuthorityModeContext, useLabAuthorityMode } from './useAuthorityMode.ts';
import { isRunLive } from '../store/sim-slice.ts';
import '../design.css';
import './canvas-detail.css';

/** The MIME type palette items carry when dragged. */
export const KIND_MIME = 'application/x-srlab-kind';

const nodeTypes: NodeTypes = { router: RouterNode, host: HostNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };
const KINDS = new Set<string>(['client', 'server', 'spoke', 'hub']);
const MULTI_KEYS = ['Shift', 'Meta', 'Control'];
const MINIMAP_SIZE = { width: 160, height: 100 };
const NO_EDGES: LabEdge[] = [];

/** Minimap nodes in their kind's colour (an inline fill, so a CSS variable works in both themes). */
function minimapColor(n: LabNode): string {
  return `var(--kind-${n.data.doc.kind})`;
}

/** Applies React Flow's select changes to a selection list. */
function applySelect(current: readonly string[], changes: readonly { type: string; id?: string; selected?: boolean }[]): string[] | null {
  const set = new Set(current);
  let touched = false;
  for (const c of changes) {
    if (c.type !== 'select' || c.id === undefined) continue;
    touched = true;
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return touched ? [...set] : null;
}

function CanvasInner() {
  useFirstStartLab();
  const store = useLabStore();
  const { nodes, applyDimensions } = useFlowNodes();
  const edges = useFlowEdges();
  const isEmpty = useLab((s) => s.doc.nodes.length === 0);
  const fitSeq = useLab((s) => s.fitViewSeq);
  const isLocked = useLab((s) => isRunLive(s.live));
  const { detail, minZoom } = useCanvasDetail();
  const { isFar, isBig } = detail;
  const authority = useLabAuthorityMode();
  const { screenToFlowPosition, fitView } = useReactFlow<LabNode, LabEdge>();
  const dragKey = useRef<string | null>(null);
  const drags = useRef(0);

  useEffect(() => {
    if (fitSeq === 0) return;
    // After React Flow has measured the new nodes.
    const t = setTimeout(() => void fitView({ ...FIT, duration: 200 }), 50);
    return () => clearTimeout(t);
  }, [fitSeq, fitView]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LabNode>[]) => {
      applyDimensions(changes);
      const s = store.getState();
      const moves: Record<string, Position> = {};
      let moved = false;
      // While a run is live nodes stay where they are (the design is locked; see below).
      const canMove = !isRunLive(s.live);
      for (const c of changes) {
        if (canMove && c.type === 'position' && c.position) {
          moves[c.id] = c.position;
          moved = true;
        }
      }
      if (moved) s.moveNodes(moves, dragKey.current ? { key: dragKey.current } : {});
      const sel = applySelect(s.selectedNodes, changes);
      if (sel) s.select(sel, store.getState().selectedLinks);
    },
    [store, applyDimensions],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<LabEdge>[]) => {
      const s = store.getState();
      const sel = applySelect(s.selectedLinks, changes);
      if (sel) s.select(s.selectedNodes, sel);
    },
    [store],
  );
  const onDragStart = useCallback(() => {
    if (isRunLive(store.getState().live)) return;
    store.getState().sealHistory();
    dragKey.current = `drag:${++drags.current}`;
  }, [store]);
  const onDragStop = useCallback(() => {
    dragKey.current = null;
    store.getState().sealHistory();
  }, [store]);
  const onConnect = useCallback((c: Connection) => void store.getState().addLink(c.source, c.target), [store]);
  const isValidConnection = useCallback(() => !isRunLive(store.getState().live), [store]);
  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!KINDS.has(kind)) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const size = nodeSize(kind);
      const snap = (v: number) => Math.round(v / 10) * 10;
      // A drop without coordinates (synthetic events) still adds the node, at a free spot.
      const position = Number.isFinite(at.x) && Number.isFinite(at.y) ? { x: snap(at.x - size.width / 2), y: snap(at.y - size.height / 2) } : undefined;
      store.getState().addNode(kind as NodeKind, position);
    },
    [store, screenToFlowPosition],
  );

  return (
    <CanvasDetailContext.Provider value={detail}>
      <AuthorityModeContext.Provider value={authority}>
        <ReactFlow<LabNode, LabEdge>
          nodes={nodes}
          // A big lab zoomed out draws its links on a canvas (LinkLayer.tsx), not as edges.
          edges={isFar ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onDragStart}
          onNodeDragStop={onDragStop}
          onSelectionDragStart={onDragStart}
          onSelectionDragStop={onDragStop}
          onConnect={onConnect}
          onDragOver={onDragOver}
          onDrop={onDrop}
          connectionMode={ConnectionMode.Loose}
          // Locked while a run is live (the run keeps the lab it started with); selecting stays, to
          // pick fault targets. Not by turning nodesDraggable/nodesConnectable off: React Flow hands
          // those to every node, so starting a run re-rendered the whole canvas (seconds on a big
          // lab). Drags are dropped in onNodesChange, connections refused by isValidConnection (and
          // the store), and the design-locked class hides the handles and the grab cursor.
          isValidConnection={isValidConnection}
          deleteKeyCode={null}
          // Space is run/pause in this app; panning is by dragging the pane.
          panActivationKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_KEYS}
          selectionMode={SelectionMode.Partial}
          snapToGrid
          snapGrid={[10, 10]}
          fitView
          fitViewOptions={FIT}
          onlyRenderVisibleElements={isBig}
          className={`lab-flow${isFar ? ' detail-far' : ''}${isBig ? ' lab-big' : ''}${isLocked ? ' design-locked' : ''}`}
          minZoom={minZoom}
          maxZoom={2.5}
          colorMode="system"
          attributionPosition="top-right"
          aria-label="Lab topology"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          <Controls position="bottom-left" />
          <MiniMap position="bottom-right" pannable zoomable ariaLabel="Overview of the lab" nodeColor={minimapColor} nodeStrokeWidth={0} nodeBorderRadius={4} style={MINIMAP_SIZE} />
          <PacketLegend />
          {isFar && <LinkLayer edges={edges} />}
          <PacketLayer edges={edges} />
          <Panel position="bottom-center">
            <DesignLockBanner />
          </Panel>
          {isEmpty && !isLocked && (
            <Panel position="top-center" className="canvas-hint">
              Drag a Client, Spoke, Hub or Server from the palette onto the canvas — or pick a template.
            </Panel>
          )}
        </ReactFlow>
      </AuthorityModeContext.Provider>
    </CanvasDetailContext.Provider>
  );
}

/** The canvas, with its own React Flow provider. */
export function LabCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}
