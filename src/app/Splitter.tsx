import type { KeyboardEvent, PointerEvent } from 'react';
import { PANEL_LIMITS, usePanels, type PanelName } from './panels';
import { useText } from './language';

interface SplitterProps {
  panel: PanelName;
  /** A vertical bar between two columns, or a horizontal one between two rows. */
  vertical: boolean;
  /** Which way a move grows the panel: +1 right or down, -1 left or up. */
  grows: 1 | -1;
}

/**
 * The bar between a panel and the canvas: drag it, or focus it and press the arrow keys, to resize the
 * panel (Enter collapses or restores it, as does the button beside it).
 */
export function Splitter({ panel, vertical, grows }: SplitterProps) {
  const words = useText().panels;
  const size = usePanels((state) => state.panels[panel].size);
  const collapsed = usePanels((state) => state.panels[panel].collapsed);
  const { resize, setCollapsed } = usePanels.getState();
  const { min, max, step, unit } = PANEL_LIMITS[panel];
  const shown = collapsed ? 0 : size;
  const named = { panel: words.names[panel] };
  const toggleLabel = collapsed ? words.expand(named) : words.collapse(named);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    // The column or row the panel lives in: a percentage is of its height.
    const container = handle.parentElement!.parentElement!;
    const pxPerUnit = unit === '%' ? container.clientHeight / 100 : 1;
    const positionOf = (pointer: { clientX: number; clientY: number }) =>
      vertical ? pointer.clientX : pointer.clientY;
    const start = positionOf(event);
    const move = (moved: globalThis.PointerEvent) =>
      resize(panel, shown + (grows * (positionOf(moved) - start)) / pxPerUnit);
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const arrows: Record<string, number> = vertical
      ? { ArrowLeft: -1, ArrowRight: 1 }
      : { ArrowUp: -1, ArrowDown: 1 };
    const change = (arrows[event.key] ?? 0) * grows * step;
    if (event.key === 'Enter') setCollapsed(panel, !collapsed);
    else if (change === 0) return;
    // a collapsed panel opens at its smallest size on the first arrow that grows it
    else if (!collapsed) resize(panel, size + change);
    else if (change > 0) resize(panel, min);
    event.preventDefault();
  };

  return (
    <div
      className={`gutter ${vertical ? 'gutter-columns' : 'gutter-rows'} ${grows > 0 ? 'gutter-panel-before' : 'gutter-panel-after'}`}
    >
      <div
        className="gutter-handle"
        role="separator"
        tabIndex={0}
        aria-orientation={vertical ? 'vertical' : 'horizontal'}
        aria-valuenow={shown}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-label={words.resize(named)}
        data-testid={`resize-${panel}`}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="gutter-toggle"
        aria-expanded={!collapsed}
        aria-label={toggleLabel}
        title={toggleLabel}
        data-testid={`collapse-${panel}`}
        onClick={() => setCollapsed(panel, !collapsed)}
      ></button>
    </div>
  );
}
