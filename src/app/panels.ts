import { create } from 'zustand';

/**
 * The editor's panel sizes and which panels are collapsed, remembered in this browser. Widths are CSS
 * px; the preview's and the problems panel's heights are percentages of their column, so they follow
 * the window.
 */
export const PANEL_LIMITS = {
  palette: { min: 160, max: 420, initial: 216, step: 16, unit: 'px', cssVariable: '--palette-width' },
  side: { min: 260, max: 640, initial: 336, step: 16, unit: 'px', cssVariable: '--side-width' },
  // the code pane can take most of the column's height
  preview: { min: 15, max: 85, initial: 36, step: 5, unit: '%', cssVariable: '--preview-height' },
  problems: { min: 15, max: 85, initial: 40, step: 5, unit: '%', cssVariable: '--problems-height' },
} as const;

export type PanelName = keyof typeof PANEL_LIMITS;

export interface PanelState {
  size: number;
  collapsed: boolean;
}

export interface PanelLayout {
  panels: Record<PanelName, PanelState>;
  minimapHidden: boolean;
}

export const PANELS_STORAGE_KEY = 'stacksketch:panels';

const PANEL_NAMES = Object.keys(PANEL_LIMITS) as PanelName[];

export function clampPanelSize(name: PanelName, size: number): number {
  const { min, max } = PANEL_LIMITS[name];
  return Math.round(Math.min(max, Math.max(min, size)));
}

/** The layout a stored text describes; anything missing, mistyped or unreadable takes its default. */
export function parsePanelLayout(text: string | null): PanelLayout {
  let stored: {
    panels?: Record<string, Partial<Record<keyof PanelState, unknown>> | null>;
    minimapHidden?: unknown;
  };
  try {
    stored = JSON.parse(text ?? '{}') ?? {};
  } catch {
    stored = {};
  }
  const panelOf = (name: PanelName): PanelState => {
    const { size, collapsed } = stored.panels?.[name] ?? {};
    return {
      size: typeof size === 'number' ? clampPanelSize(name, size) : PANEL_LIMITS[name].initial,
      collapsed: collapsed === true,
    };
  };
  return {
    panels: Object.fromEntries(PANEL_NAMES.map((name) => [name, panelOf(name)])) as PanelLayout['panels'],
    minimapHidden: stored.minimapHidden === true,
  };
}

function storedLayout(): PanelLayout {
  try {
    return parsePanelLayout(localStorage.getItem(PANELS_STORAGE_KEY));
  } catch {
    return parsePanelLayout(null);
  }
}

interface PanelActions {
  resize: (name: PanelName, size: number) => void;
  setCollapsed: (name: PanelName, collapsed: boolean) => void;
  setMinimapHidden: (hidden: boolean) => void;
}

export const usePanels = create<PanelLayout & PanelActions>()((set) => {
  const update = (name: PanelName, change: Partial<PanelState>) =>
    set(({ panels }) => ({ panels: { ...panels, [name]: { ...panels[name], ...change } } }));
  return {
    ...storedLayout(),
    // Resizing a collapsed panel (an arrow key on its splitter) opens it.
    resize: (name, size) => update(name, { size: clampPanelSize(name, size), collapsed: false }),
    setCollapsed: (name, collapsed) => update(name, { collapsed }),
    setMinimapHidden: (minimapHidden) => set({ minimapHidden }),
  };
});

usePanels.subscribe(({ panels, minimapHidden }) => {
  try {
    localStorage.setItem(PANELS_STORAGE_KEY, JSON.stringify({ panels, minimapHidden }));
  } catch {
    // Without storage the layout lasts for this page only.
  }
});

/** Publish a layout on the editor's main area: a CSS variable per size, the collapsed panels in `data-collapsed`. */
export function applyPanelLayout(element: HTMLElement, { panels }: PanelLayout): void {
  for (const name of PANEL_NAMES) {
    const { size, collapsed } = panels[name];
    element.style.setProperty(
      PANEL_LIMITS[name].cssVariable,
      `${collapsed ? 0 : size}${PANEL_LIMITS[name].unit}`,
    );
  }
  element.dataset.collapsed = PANEL_NAMES.filter((name) => panels[name].collapsed).join(' ');
}
