import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { ViewportLayer } from '../flow/ViewportLayer';
import { edgeRoute, layoutDiagram, NODE_HEIGHT, NODE_WIDTH, type DiagramFrame } from '../exporters/diagram';
import type { Design, DesignNode } from '../model/design';
import { decodeShareFragment } from '../model/share';
import { KindCard } from '../nodes/card/KindCard';
import { forEveryKind, KINDS, titleOf } from '../nodes/registry';
import type { Diagnostic } from '../validation/types';
import { validate } from '../validation/validate';
import { keySettings } from './settings';
import { embedCatalogue } from './language';
import { useZoomedOutClass } from '../flow/zoomedOut';
import { FAR_READABLE_ZOOM } from '../nodes/card/readable';

/**
 * The whole design when it fits at a zoom its titles are readable at (cards zoomed out that far show
 * only their titles), else its middle at that zoom: the embed can be panned, never shows unreadable text.
 */
const FIT_VIEW_OPTIONS = { padding: 0.12, minZoom: FAR_READABLE_ZOOM };

type EmbedNodeData = { node: DesignNode; errors: number; warnings: number };

/**
 * A read-only node: the editor's card, with a handle on each side an edge may enter or leave by (see
 * edgeRoute), hidden. Every piece of design text is rendered as a text node, never as markup.
 */
const EmbedNode = memo(function EmbedNode({ data }: NodeProps<Node<EmbedNodeData>>) {
  const { node, errors, warnings } = data;
  const { handles } = KINDS[node.kind];
  return (
    <KindCard
      node={node}
      errors={errors}
      warnings={warnings}
      fitText={false}
      inputs={
        handles.target && (
          <>
            <Handle id="in-right" type="target" position={Position.Left} isConnectable={false} />
            <Handle id="in-down" type="target" position={Position.Top} isConnectable={false} />
            <Handle id="in-up" type="target" position={Position.Bottom} isConnectable={false} />
          </>
        )
      }
      outputs={
        handles.source && (
          <>
            <Handle id="out-right" type="source" position={Position.Right} isConnectable={false} />
            <Handle id="out-down" type="source" position={Position.Bottom} isConnectable={false} />
            <Handle id="out-up" type="source" position={Position.Top} isConnectable={false} />
          </>
        )
      }
    />
  );
});

const NODE_TYPES = forEveryKind(EmbedNode);

type Theme = 'light' | 'dark';

/** `?theme=light|dark`, otherwise the system's preference (followed live). */
function useTheme(): Theme {
  const requested = new URLSearchParams(window.location.search).get('theme');
  const fixed = requested === 'light' || requested === 'dark' ? requested : null;
  const query = '(prefers-color-scheme: dark)';
  const [system, setSystem] = useState<Theme>(() => (window.matchMedia?.(query).matches ? 'dark' : 'light'));
  useEffect(() => {
    if (fixed || !window.matchMedia) return;
    const media = window.matchMedia(query);
    const update = () => setSystem(media.matches ? 'dark' : 'light');
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, [fixed]);
  return fixed ?? system;
}

type Loaded = { ok: true; design: Design; fragment: string } | { ok: false; message: string };

function loadFromHash(): Loaded {
  const fragment = window.location.hash.replace(/^#/, '');
  if (fragment === '') return { ok: false, message: embedCatalogue().ui.embed.noDesign };
  const result = decodeShareFragment(fragment);
  if (!result.ok) {
    const { ui, loadError } = embedCatalogue();
    const reason = result.errors[0]!.message;
    return { ok: false, message: ui.embed.cannotShow({ detail: loadError ? loadError(reason) : reason }) };
  }
  return { ok: true, design: result.design, fragment };
}

/** The read-only viewer of embed.html: the design comes from the URL fragment only, nothing is stored. */
export function EmbedViewer() {
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>(loadFromHash);
  useEffect(() => {
    const reload = () => setLoaded(loadFromHash());
    window.addEventListener('hashchange', reload);
    return () => window.removeEventListener('hashchange', reload);
  }, []);
  return (
    <div className={`embed embed--${theme}`} data-theme={theme}>
      {loaded.ok ? (
        <ReactFlowProvider key={loaded.fragment}>
          <EmbedFlow design={loaded.design} fragment={loaded.fragment} theme={theme} />
        </ReactFlowProvider>
      ) : (
        <div className="embed-error" role="alert">
          {loaded.message}
        </div>
      )}
    </div>
  );
}

function EmbedFlow({ design, fragment, theme }: { design: Design; fragment: string; theme: Theme }) {
  const diagnostics = useMemo(() => validate(design, 'compose', embedCatalogue().rules), [design]);
  const diagram = useMemo(() => layoutDiagram(design, embedCatalogue().lang), [design]);
  const nodes = useMemo<Node<EmbedNodeData>[]>(
    () =>
      diagram.nodes.map((placed) => {
        const mine = diagnostics.filter((d) => d.nodes.includes(placed.node.id));
        return {
          id: placed.node.id,
          type: placed.node.kind,
          position: { x: placed.x, y: placed.y },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          draggable: false,
          connectable: false,
          deletable: false,
          data: {
            node: placed.node,
            errors: mine.filter((d) => d.severity === 'error').length,
            warnings: mine.filter((d) => d.severity === 'warning').length,
          },
        };
      }),
    [diagram, diagnostics],
  );
  const edges = useMemo<Edge[]>(() => {
    const placed = new Map(diagram.nodes.map((node) => [node.node.id, node]));
    return diagram.edges.map(({ edge, caption, allowed }) => {
      const broken = diagnostics.some((d) => d.severity === 'error' && d.edges.includes(edge.id));
      const from = placed.get(edge.source);
      const to = placed.get(edge.target);
      const route = from && to ? edgeRoute(from, to) : 'right';
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: `out-${route}`,
        targetHandle: `in-${route}`,
        label: caption ?? undefined,
        deletable: false,
        className: [broken && 'embed-edge--error', !allowed && 'embed-edge--refused']
          .filter(Boolean)
          .join(' '),
        markerEnd: { type: MarkerType.ArrowClosed },
      };
    });
  }, [diagram, diagnostics]);
  const [hovered, setHovered] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const shownId = pinned ?? hovered;
  const shownNode = shownId ? design.nodes.find((node) => node.id === shownId) : undefined;
  const zoomedOutClass = useZoomedOutClass();

  return (
    <ReactFlow
      className={zoomedOutClass}
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      colorMode={theme}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesReconnectable={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={FAR_READABLE_ZOOM}
      onNodeMouseEnter={(_event, node) => setHovered(node.id)}
      onNodeMouseLeave={() => setHovered(null)}
      onNodeClick={(_event, node) => setPinned((current) => (current === node.id ? null : node.id))}
      onPaneClick={() => setPinned(null)}
    >
      <FitOnResize />
      <ViewportLayer>
        {diagram.frames.map((frame) => (
          <FrameBox key={frame.container} frame={frame} />
        ))}
      </ViewportLayer>
      <Background />
      <Controls showInteractive={false} />
      <Panel position="top-left" className="embed-title">
        <span className="embed-title__name">{design.name}</span>
      </Panel>
      <Panel position="bottom-right" className="embed-open">
        <a
          href={`./index.html#${fragment}`}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="open-in-stacksketch"
        >
          {embedCatalogue().ui.embed.open}
        </a>
      </Panel>
      {shownNode && (
        <Panel position="top-right" className="embed-info" data-testid="embed-info">
          <NodeInfo
            title={titleOf(shownNode)}
            settings={keySettings(shownNode, embedCatalogue())}
            id={shownNode.id}
            diagnostics={diagnostics.filter((d) => d.nodes.includes(shownNode.id))}
          />
        </Panel>
      )}
    </ReactFlow>
  );
}

function FrameBox({ frame }: { frame: DiagramFrame }) {
  return (
    <div
      className="embed-frame"
      data-container={frame.container}
      style={{ left: frame.x, top: frame.y, width: frame.width, height: frame.height }}
    >
      <span className="embed-frame__label">{frame.container}</span>
    </div>
  );
}

function NodeInfo(props: {
  title: string;
  id: string;
  settings: { label: string; value: string }[];
  diagnostics: Diagnostic[];
}) {
  return (
    <div>
      <div className="embed-info__title">
        {props.title} <span className="embed-info__id">{props.id}</span>
      </div>
      <dl className="embed-info__settings">
        {props.settings.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {props.diagnostics.length === 0 ? (
        <p className="embed-info__ok">{embedCatalogue().ui.embed.noProblems}</p>
      ) : (
        <ul className="embed-info__problems">
          {props.diagnostics.map((d, index) => (
            <li key={`${d.rule}-${index}`} data-rule={d.rule} data-severity={d.severity}>
              <strong>
                {embedCatalogue().ui.embed[d.severity]} · {d.rule}
              </strong>{' '}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Refit whenever the frame around the embed changes size, so the whole diagram always shows. */
function FitOnResize() {
  const { fitView } = useReactFlow();
  const probe = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const container = probe.current?.closest('.react-flow');
    if (!container || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    });
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fitView]);
  return <span ref={probe} hidden />;
}
