import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type AriaLabelConfig,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
  type OnConnectEnd,
  type OnConnectStart,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { Design, Position } from '../model/design';
import { categoryColors } from '../nodes/palette';
import { KINDS, isClient, isNodeKind } from '../nodes/registry';
import { NODE_VIEWS } from '../nodes/views';
import { useAppStore } from '../store';
import { edgeSeverities } from '../store/selectors';
import { PALETTE_MIME, useAddNodeAt } from './addNode';
import { connect, connectionProblem, deleteElements, moveNodesTo, moveNodesToContainer } from '../model/edit';
import type { ConnectionProblem } from '../model/edit';
import {
  createEdgeDeriver,
  createNodeDeriver,
  type CanvasWords as CanvasWordsOf,
  type FlowNode,
} from './flowState';
import { computeFrames, emptyFramesOf, frameAt, serviceBoxesOf, type Frame } from './frames';
import { servicesOf } from '../model/services';
import { ServiceBoxes } from './ServiceBoxes';
import { FramesLayer } from './FramesLayer';
import { LabelledEdge } from './LabelledEdge';
import { createFrameSharer } from './frames';
import { AfterCanvasPaint } from '../app/CanvasPaint';
import { useText } from '../app/language';
import { loadConnectionWords, useConnectionWords } from '../app/connectionWords';
import { useZoomedOutClass } from '../flow/zoomedOut';
import { usePanels } from '../app/panels';
import { FAR_READABLE_ZOOM, READABLE_ZOOM } from '../nodes/card/readable';
import {
  FIT_VIEW,
  layoutEngineReady,
  NODE_HEIGHT,
  NODE_WIDTH,
  positionsFor,
  subscribeLayoutEngine,
} from './layout';

// Props React Flow copies into its store are module constants: a new array on every render would
// count as a change and make every node, handle and edge re-run its store selectors on each drag frame.
const SNAP_GRID: [number, number] = [16, 16];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const EDGE_TYPES = { labelled: LabelledEdge };
// Smaller than the library's 200 × 150 so it covers less of the design (and it can be hidden).
const MINIMAP_SIZE = { width: 160, height: 110 };

/** Module-level so the MiniMap sees the same function every render and skips unchanged nodes. */
function minimapNodeColor(node: Node): string {
  return categoryColors(KINDS[(node as FlowNode).data.node.kind].category, 'light').accent;
}

const ARROW_STEPS: Record<string, { x: number; y: number; direction: 'up' | 'down' | 'left' | 'right' }> = {
  ArrowUp: { x: 0, y: -1, direction: 'up' },
  ArrowDown: { x: 0, y: 1, direction: 'down' },
  ArrowLeft: { x: -1, y: 0, direction: 'left' },
  ArrowRight: { x: 1, y: 0, direction: 'right' },
};

/** React Flow's own words (keyboard help of nodes and edges, controls, minimap) in the UI's language. */
function ariaLabelsFrom(words: CanvasWordsOf): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': words.nodeHelp,
    'node.a11yDescription.keyboardDisabled': words.nodeHelp,
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      words.moved({
        direction: words.directions[direction as keyof CanvasWordsOf['directions']] ?? direction,
        x,
        y,
      }),
    'edge.a11yDescription.default': words.edgeHelp,
    'controls.ariaLabel': words.controls,
    'controls.zoomIn.ariaLabel': words.zoomIn,
    'controls.zoomOut.ariaLabel': words.zoomOut,
    'controls.fitView.ariaLabel': words.fitView,
    'controls.interactive.ariaLabel': words.interactive,
    'minimap.ariaLabel': words.minimap,
    'handle.ariaLabel': words.handle,
  };
}

function centreOf(node: Node): Position {
  return {
    x: node.position.x + (node.measured?.width ?? NODE_WIDTH) / 2,
    y: node.position.y + (node.measured?.height ?? NODE_HEIGHT) / 2,
  };
}

function placedOf(nodes: readonly Node[], skipDragging: boolean) {
  return nodes
    .filter((node) => !(skipDragging && node.dragging))
    .map((node) => ({
      id: node.id,
      container: (node as FlowNode).data.node.container,
      position: node.position,
      width: node.measured?.width,
      height: node.measured?.height,
    }));
}

/** A connection being dragged: from which node and end, and the nodes that would accept it. */
interface PendingConnection {
  from: string;
  fromSource: boolean;
  validTargets: ReadonlySet<string>;
}

/** The nodes a connection dragged from this node's source (or target) end may be dropped on. */
function validTargetsOf(design: Design, from: string, fromSource: boolean): Set<string> {
  return new Set(
    design.nodes
      .filter((node) =>
        fromSource
          ? connectionProblem(design, from, node.id) === null
          : connectionProblem(design, node.id, from) === null,
      )
      .map((node) => node.id),
  );
}

/** Where the pointer is over a refused target while a connection is dragged, and why it is refused. */
interface RefusedHover {
  target: string;
  x: number;
  y: number;
}

/**
 * The canvas. The store's design is the source of truth; React Flow's nodes are derived from it,
 * and only a drag in progress lives in local state (committed as one undo step on drag stop).
 */
export function Canvas() {
  const text = useText().canvas;
  const lang = useAppStore((state) => state.catalogue.lang);
  const design = useAppStore((state) => state.design);
  const selectedNodeIds = useAppStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useAppStore((state) => state.selectedEdgeIds);
  const colorMode = useAppStore((state) => state.colorMode);
  const draftFrames = useAppStore((state) => state.draftFrames);
  const loadCount = useAppStore((state) => state.loadCount);
  const flow = useReactFlow();
  const addNodeAt = useAddNodeAt();
  const zoomedOutClass = useZoomedOutClass();
  const minimapHidden = usePanels((state) => state.minimapHidden);
  const panelWords = useText().panels;
  const minimapLabel = minimapHidden ? panelWords.showMinimap : panelWords.hideMinimap;

  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  // Re-derive once dagre has loaded, for a design that has nodes without positions.
  const layoutReady = useSyncExternalStore(subscribeLayoutEngine, layoutEngineReady);
  const derivedNodes = useMemo(
    () => deriveNodes(design, positionsFor(design), selectedNodes, text),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deriveNodes, design, selectedNodes, layoutReady, text],
  );
  // Re-derive once the rules have loaded (edges then show their problems).
  const validationReady = useAppStore((state) => state.validationReady);
  const edges = useMemo(
    () => deriveEdges(design, edgeSeverities(design), selectedEdges, text, lang),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deriveEdges, design, selectedEdges, validationReady, text, lang],
  );

  // Local copy for React Flow: it adds measured sizes and moves a dragged node between commits.
  const [nodes, setNodes] = useState<Node[]>(derivedNodes);
  const [syncedFrom, setSyncedFrom] = useState(derivedNodes);
  if (syncedFrom !== derivedNodes) {
    const previousDerived = new Map(syncedFrom.map((node) => [node.id, node]));
    setSyncedFrom(derivedNodes);
    setNodes((current) => {
      const currentById = new Map(current.map((node) => [node.id, node]));
      return derivedNodes.map((next) => {
        const local = currentById.get(next.id);
        if (!local) return next;
        if (previousDerived.get(next.id) === next) return local;
        if (local.dragging)
          return { ...next, measured: local.measured, position: local.position, dragging: true };
        return local.measured ? { ...next, measured: local.measured } : next;
      });
    });
  }

  // While a connection is dragged, the nodes that accept it carry a class (computed once at its start).
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const [refusedHover, setRefusedHover] = useState<RefusedHover | null>(null);
  const shownNodes = useMemo(
    () =>
      pending
        ? nodes.map((node) =>
            pending.validTargets.has(node.id) ? { ...node, className: 'is-connect-target' } : node,
          )
        : nodes,
    [nodes, pending],
  );

  const designRef = useRef(design);
  useEffect(() => {
    designRef.current = design;
  }, [design]);

  useEffect(() => {
    if (loadCount === 0) return;
    const timer = window.setTimeout(() => {
      // An empty canvas starts at a fixed zoom: fitting nothing would zoom to the maximum.
      if (useAppStore.getState().design.nodes.length === 0)
        void flow.setViewport({ x: 0, y: 0, zoom: READABLE_ZOOM });
      else void flow.fitView(FIT_VIEW);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [loadCount, flow]);

  // Frames keep their identity while a drag moves only the dragged node (they leave it out).
  const emptyFrames = useMemo(() => emptyFramesOf(design, draftFrames), [design, draftFrames]);
  const computedFrames = useMemo(
    () => computeFrames(placedOf(nodes, true), emptyFrames),
    [nodes, emptyFrames],
  );
  const [keepFrames] = useState(createFrameSharer);
  const frames = useMemo(() => keepFrames(computedFrames), [keepFrames, computedFrames]);
  // The services the bundle splits a container into, from the planner's own grouping.
  const services = useMemo(() => servicesOf(design), [design]);
  const serviceBoxes = useMemo(() => serviceBoxesOf(services, placedOf(nodes, false)), [services, nodes]);
  const dragging = useMemo(() => nodes.filter((node) => node.dragging), [nodes]);
  const dropTarget = useMemo(() => {
    const first = dragging.find((node) => !isClient((node as FlowNode).data.node));
    if (!first) return null;
    const frame = frameAt(frames, centreOf(first));
    return frame && frame.container !== (first as FlowNode).data.node.container ? frame.container : null;
  }, [dragging, frames]);
  const framesRef = useRef<Frame[]>(frames);
  useEffect(() => {
    framesRef.current = frames;
  }, [frames]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const selectChanges = changes.filter((change) => change.type === 'select');
    if (selectChanges.length > 0) {
      const { selectedNodeIds: current, selectedEdgeIds: edgesNow, select } = useAppStore.getState();
      const next = new Set(current);
      for (const change of selectChanges) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      select({ nodes: [...next], edges: edgesNow });
    }
    const local = changes.filter((change) => change.type === 'position' || change.type === 'dimensions');
    if (local.length > 0) setNodes((current) => applyNodeChanges(local, current));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selectChanges = changes.filter((change) => change.type === 'select');
    if (selectChanges.length === 0) return;
    const { selectedNodeIds: nodesNow, selectedEdgeIds: current, select } = useAppStore.getState();
    const next = new Set(current);
    for (const change of selectChanges) {
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    select({ nodes: nodesNow, edges: [...next] });
  }, []);

  const onNodeDragStop = useCallback((_event: unknown, _node: Node, dragged: Node[]) => {
    const before = positionsFor(useAppStore.getState().design);
    const actuallyMoved = dragged.filter((node) => {
      const was = before.get(node.id);
      return !was || was.x !== node.position.x || was.y !== node.position.y;
    });
    // A click is a drag of zero length (the drag threshold is 0 so a single pointer move drags).
    if (actuallyMoved.length === 0) return;
    const moved = new Map<string, Position>(actuallyMoved.map((node) => [node.id, node.position]));
    const moves = new Map<string, string>();
    for (const node of actuallyMoved) {
      const designNode = (node as FlowNode).data.node;
      if (isClient(designNode)) continue;
      const frame = frameAt(framesRef.current, centreOf(node));
      if (frame && frame.container !== designNode.container) moves.set(node.id, frame.container);
    }
    useAppStore.getState().commit((current) => {
      // A design drawn by auto-layout gets all its positions written on the first move.
      const positions = positionsFor(current);
      for (const [id, position] of moved) positions.set(id, position);
      let next = moveNodesTo(current, positions);
      for (const [id, container] of moves) next = moveNodesToContainer(next, [id], container);
      return next;
    });
  }, []);

  const connectionWords = useConnectionWords();
  // Null when allowed, and for the moment after startup while the words load.
  const refusalText = useCallback(
    (current: Design, source: string, target: string): string | null => {
      const problem = connectionProblem(current, source, target);
      if (problem === null || connectionWords === null) return null;
      return text.connectRefused({ source, target, reason: connectionWords.problem(problem) });
    },
    [text, connectionWords],
  );
  /** A refused drop: the toast says why, once the words are there. */
  const refuse = useCallback((source: string, target: string, problem: ConnectionProblem) => {
    const { catalogue, showToast } = useAppStore.getState();
    void loadConnectionWords(catalogue).then((words) =>
      showToast(catalogue.ui.canvas.connectRefused({ source, target, reason: words.problem(problem) })),
    );
  }, []);
  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      connectionProblem(designRef.current, connection.source, connection.target) === null,
    [],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const problem = connectionProblem(designRef.current, connection.source, connection.target);
      if (problem) refuse(connection.source, connection.target, problem);
      else useAppStore.getState().commit((current) => connect(current, connection.source, connection.target));
    },
    [refuse],
  );

  const onConnectStart: OnConnectStart = useCallback((_event, { nodeId, handleType }) => {
    if (!nodeId) return;
    const fromSource = handleType !== 'target';
    setPending({
      from: nodeId,
      fromSource,
      validTargets: validTargetsOf(designRef.current, nodeId, fromSource),
    });
  }, []);

  // Only the hovered node's id is kept per move; the reason is worded when it changes.
  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      if (!pending) return;
      const element = event.target instanceof Element ? event.target : null;
      const over = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      const refused = over !== undefined && over !== pending.from && !pending.validTargets.has(over);
      if (!refused) {
        setRefusedHover((current) => (current ? null : current));
        return;
      }
      const bounds = event.currentTarget.getBoundingClientRect();
      setRefusedHover({ target: over, x: event.clientX - bounds.left, y: event.clientY - bounds.top });
    },
    [pending],
  );

  const refusedReason = useMemo(() => {
    if (!pending || !refusedHover) return null;
    const [source, target] = pending.fromSource
      ? [pending.from, refusedHover.target]
      : [refusedHover.target, pending.from];
    return refusalText(design, source, target);
  }, [design, pending, refusedHover, refusalText]);

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState) => {
      setPending(null);
      setRefusedHover(null);
      if (state.isValid || !state.fromNode) return;
      // Released on a node's body rather than on its handle: connect to that node all the same.
      let toId = state.toNode?.id;
      if (!toId) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        const element = point ? document.elementFromPoint(point.clientX, point.clientY) : null;
        toId = element?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      }
      if (!toId || toId === state.fromNode.id) return;
      const fromSource = state.fromHandle?.type !== 'target';
      const source = fromSource ? state.fromNode.id : toId;
      const target = fromSource ? toId : state.fromNode.id;
      const problem = connectionProblem(designRef.current, source, target);
      if (problem) refuse(source, target, problem);
      else if (!state.toNode) useAppStore.getState().commit((current) => connect(current, source, target));
    },
    [refuse],
  );

  const onDelete = useCallback(({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
    const { commit, select } = useAppStore.getState();
    commit((current) =>
      deleteElements(
        current,
        gone.map((node) => node.id),
        cut.map((edge) => edge.id),
      ),
    );
    select({});
  }, []);

  const ariaLabelConfig = useMemo(() => ariaLabelsFrom(text), [text]);
  const flowStore = useStoreApi();

  /**
   * Arrow keys on a focused node move the selected nodes one grid step (Shift: four) and commit the
   * move to the design; the presses of one run share an undo step. A node moved this way keeps its
   * service: joining another takes an explicit drop into its frame.
   */
  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent) => {
      const step = ARROW_STEPS[event.key];
      const target = event.target as HTMLElement;
      if (!step || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!target.closest('.react-flow__node, .react-flow__nodesselection-rect')) return;
      const { selectedNodeIds: moving, commit } = useAppStore.getState();
      if (moving.length === 0) return;
      // React Flow would move its own copy of the nodes only; the design is the source of truth.
      event.preventDefault();
      event.stopPropagation();
      const distance = SNAP_GRID[0] * (event.shiftKey ? 4 : 1);
      let moved: Position = { x: 0, y: 0 };
      commit(
        (current) => {
          const positions = positionsFor(current);
          for (const id of moving) {
            const was = positions.get(id);
            if (!was) continue;
            moved = { x: was.x + step.x * distance, y: was.y + step.y * distance };
            positions.set(id, moved);
          }
          return moveNodesTo(current, positions);
        },
        { coalesce: `keyboard-move:${moving.join(',')}` },
      );
      flowStore.setState({
        ariaLiveMessage: text.moved({ direction: text.directions[step.direction], x: moved.x, y: moved.y }),
      });
    },
    [flowStore, text],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      addNodeAt(kind, { x: event.clientX, y: event.clientY });
    },
    [addNodeAt],
  );

  return (
    <div
      className={`canvas-wrap${pending ? ' is-connecting' : ''}`}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerMove={pending ? onPointerMove : undefined}
      onKeyDownCapture={onKeyDownCapture}
    >
      <ReactFlow
        className={zoomedOutClass}
        nodes={shownNodes}
        edges={edges}
        nodeTypes={NODE_VIEWS}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        nodeDragThreshold={0}
        selectNodesOnDrag={false}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP_GRID}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={FAR_READABLE_ZOOM}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ariaLabelConfig}
      >
        <FramesLayer frames={frames} dropTarget={dropTarget} />
        {serviceBoxes.length > 0 && <ServiceBoxes boxes={serviceBoxes} />}
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        {!minimapHidden && (
          // an overview of what the canvas already shows: drawn after it
          <AfterCanvasPaint>
            <MiniMap pannable zoomable nodeColor={minimapNodeColor} style={MINIMAP_SIZE} />
          </AfterCanvasPaint>
        )}
        <Controls fitViewOptions={FIT_VIEW}>
          <ControlButton
            onClick={() => usePanels.getState().setMinimapHidden(!minimapHidden)}
            aria-label={minimapLabel}
            title={minimapLabel}
            data-testid="toggle-minimap"
            className="minimap-toggle"
          />
        </Controls>
      </ReactFlow>
      {refusedHover && refusedReason && (
        <div
          className="connect-refusal"
          role="status"
          data-testid="connect-refusal"
          style={{ left: refusedHover.x + 14, top: refusedHover.y + 14 }}
        >
          {refusedReason}
        </div>
      )}
      {design.nodes.length === 0 && (
        <div className="canvas-empty">
          <strong>{text.emptyTitle}</strong>
          <span>{text.emptyHint}</span>
        </div>
      )}
    </div>
  );
}
