import { useState, type DragEvent } from 'react';
import { AfterCanvasPaint } from '../../app/CanvasPaint';
import { PALETTE_MIME, useAddNodeAt } from '../../canvas/addNode';
import { KindIcon } from '../../canvas/icons';
import { categoryClass } from '../../nodes/palette';
import { KINDS } from '../../nodes/registry';
import { NODE_KINDS, type NodeKind } from '../../nodes/registry';
import { TemplatesList } from './TemplatesList';
import { useAppStore } from '../../store';

/** The seven kinds: drag one onto the canvas, or click to add it at the centre of the view. */
export function Palette() {
  const [query, setQuery] = useState('');
  const { ui, kinds: translated } = useAppStore((state) => state.catalogue);
  const text = ui.palette;
  const wordsOf = (kind: NodeKind) => translated?.[kind] ?? KINDS[kind];
  const addNodeAt = useAddNodeAt();
  const needle = query.trim().toLowerCase();
  const kinds = NODE_KINDS.filter((kind) => {
    if (!needle) return true;
    const d = KINDS[kind];
    return `${d.kind} ${d.label} ${d.role} ${wordsOf(kind).role} ${d.category}`
      .toLowerCase()
      .includes(needle);
  });

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.setData('text/plain', kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label={text.label}>
      <h2 className="panel-title">{text.heading}</h2>
      <input
        type="search"
        className="palette-search"
        placeholder={text.search}
        aria-label={text.search}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {/* The kinds and the templates are most of the page's text: they come in the frame after the
          canvas's first paint, so laying them out does not hold the canvas back. Nothing outside the
          column moves when they come (its width is the layout's), and nothing in it sits below them. */}
      <AfterCanvasPaint>
        <ul className="palette-list">
          {kinds.map((kind) => {
            const d = KINDS[kind];
            return (
              <li key={kind}>
                <button
                  type="button"
                  draggable
                  className={`palette-item ${categoryClass(d.category)}`}
                  data-testid={`palette-${kind}`}
                  title={`${wordsOf(d.kind).doc}\n\n${text.dragHint}`}
                  onDragStart={(event) => onDragStart(event, kind)}
                  onClick={() => addNodeAt(kind)}
                >
                  <span className="node-icon">
                    <KindIcon icon={d.icon} />
                  </span>
                  <span className="palette-text">
                    <span className="palette-name">{d.label}</span>
                    <span className="palette-role">{wordsOf(d.kind).role}</span>
                  </span>
                </button>
              </li>
            );
          })}
          {kinds.length === 0 && <li className="muted">{text.noMatch({ query })}</li>}
        </ul>
        <TemplatesList />
      </AfterCanvasPaint>
    </nav>
  );
}
