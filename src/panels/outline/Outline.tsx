import { useReactFlow } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import { KINDS, summaryOf } from '../../nodes/registry';
import { useAppStore } from '../../store';
import { memoByDesign } from '../../store/selectors';
import { NODE_HEIGHT, NODE_WIDTH } from '../../canvas/layout';
import { LANGS, type Lang } from '../../i18n/lang';
import type { Design } from '../../model/design';
import { outlineOf, type OutlineService } from './outline';
import './outline.css';

/** One memo per language, so switching back and forth reuses each one's last outline. */
const outlineOfDesign = Object.fromEntries(
  LANGS.map((lang) => [lang, memoByDesign((design: Design) => outlineOf(design, lang))]),
) as Record<Lang, (design: Design) => OutlineService[]>;

/** Focus a canvas element (a node, or an edge, which sits outside the Tab order) once it has rendered. */
function focusOnCanvas(selector: string) {
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * The design as a list that mirrors the canvas, for screen readers and quick navigation: services,
 * their nodes, and each node's connections. Choosing an entry selects it on the canvas and centres
 * it; Enter also moves the keyboard focus to it on the canvas.
 */
export function Outline() {
  const design = useAppStore((state) => state.design);
  const selectedNodeIds = useAppStore((state) => state.selectedNodeIds);
  const selectedEdgeIds = useAppStore((state) => state.selectedEdgeIds);
  const text = useAppStore((state) => state.catalogue.ui.outline);
  const lang = useAppStore((state) => state.catalogue.lang);
  const flow = useReactFlow();
  const services = outlineOfDesign[lang](design);

  const centreOn = (nodeIds: string[]) => {
    const nodes = nodeIds.flatMap((id) => {
      const node = flow.getNode(id);
      return node ? [node] : [];
    });
    if (nodes.length === 0) return;
    const centres = nodes.map((node) => ({
      x: node.position.x + (node.measured?.width ?? NODE_WIDTH) / 2,
      y: node.position.y + (node.measured?.height ?? NODE_HEIGHT) / 2,
    }));
    const x = centres.reduce((sum, point) => sum + point.x, 0) / centres.length;
    const y = centres.reduce((sum, point) => sum + point.y, 0) / centres.length;
    void flow.setCenter(x, y, { zoom: flow.getZoom(), duration: 200 });
  };
  const selectNode = (id: string) => {
    useAppStore.getState().select({ nodes: [id] });
    centreOn([id]);
  };
  const selectEdge = (id: string, ends: string[]) => {
    useAppStore.getState().select({ edges: [id] });
    centreOn(ends);
  };
  const onEnter = (event: KeyboardEvent, choose: () => void, selector: string) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    choose();
    focusOnCanvas(selector);
  };

  return (
    <section className="outline" aria-labelledby="outline-heading" data-testid="outline">
      <h2 className="panel-title" id="outline-heading">
        {text.heading}
      </h2>
      <p className="muted outline-hint">{text.hint}</p>
      {services.length === 0 && <p className="muted">{text.empty}</p>}
      <ul className="outline-services">
        {services.map((service) => (
          <li key={service.container ?? ''}>
            <span className="outline-service">
              {service.container === null
                ? text.noService
                : text.service({ name: service.container, count: service.nodes.length })}
            </span>
            <ul className="outline-nodes">
              {service.nodes.map(({ node, calls }) => {
                const summary = summaryOf(node);
                return (
                  <li key={node.id}>
                    <button
                      type="button"
                      className="outline-node"
                      data-outline-node={node.id}
                      aria-current={selectedNodeIds.includes(node.id) ? 'true' : undefined}
                      onClick={() => selectNode(node.id)}
                      onKeyDown={(event) =>
                        onEnter(
                          event,
                          () => selectNode(node.id),
                          `.react-flow__node[data-id="${CSS.escape(node.id)}"]`,
                        )
                      }
                    >
                      <span className="outline-kind">{KINDS[node.kind].label}</span> <span>{node.id}</span>
                      {summary && <code className="outline-summary"> {summary}</code>}
                    </button>
                    {calls.length > 0 && (
                      <ul className="outline-calls">
                        {calls.map(({ edge, what }) => (
                          <li key={edge.id}>
                            <button
                              type="button"
                              className="outline-call"
                              data-outline-edge={edge.id}
                              aria-current={selectedEdgeIds.includes(edge.id) ? 'true' : undefined}
                              onClick={() => selectEdge(edge.id, [edge.source, edge.target])}
                              onKeyDown={(event) =>
                                onEnter(
                                  event,
                                  () => selectEdge(edge.id, [edge.source, edge.target]),
                                  `.react-flow__edge[data-id="${CSS.escape(edge.id)}"]`,
                                )
                              }
                            >
                              <code>{text.calls({ target: edge.target, what })}</code>
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
