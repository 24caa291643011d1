import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { AfterCanvasPaint, CanvasPaintWatcher } from './app/CanvasPaint';
import { AlertBanner, ConfirmDialog, HelpDialog, Toast } from './app/Dialogs';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadErrorText, useText } from './app/language';
import { applyPanelLayout, usePanels } from './app/panels';
import { Splitter } from './app/Splitter';
import { useShortcuts } from './app/shortcuts';
import { storedColorMode, useThemeAttribute } from './app/theme';
import { Canvas } from './canvas/Canvas';
import { LazyConnectDialog } from './panels/connect/LazyConnectDialog';
import { Palette } from './panels/palette/Palette';
import { ProblemsPanel } from './panels/problems/ProblemsPanel';
import { Toolbar } from './panels/toolbar/Toolbar';
import { useAppStore } from './store';
import { autosaveProblem, startAutosave } from './store/autosave';

// Requested once the canvas has painted (app/firstPaint.ts): the preview (and the exporters it runs),
// the inspector's forms (nothing is selected at start) and the outline (a list mirroring the canvas).
const PreviewPanel = lazy(() =>
  import('./panels/preview/PreviewPanel').then((module) => ({ default: module.PreviewPanel })),
);
const Inspector = lazy(() =>
  import('./panels/inspector/Inspector').then((module) => ({ default: module.Inspector })),
);
const Outline = lazy(() =>
  import('./panels/outline/Outline').then((module) => ({ default: module.Outline })),
);

if (typeof window !== 'undefined') useAppStore.setState({ colorMode: storedColorMode() });

function Editor() {
  const colorMode = useAppStore((state) => state.colorMode);
  const text = useText();
  useThemeAttribute(colorMode);
  useShortcuts();
  useEffect(() => {
    const problem = autosaveProblem();
    const { showToast, catalogue } = useAppStore.getState();
    if (problem) showToast(catalogue.ui.startup.autosaveUnreadable({ detail: loadErrorText(problem) }));
    return startAutosave(useAppStore);
  }, []);
  const inspectorLoading = (
    <section className="inspector" aria-label={text.inspector.title} aria-busy="true">
      <h2 className="panel-title">{text.inspector.title}</h2>
    </section>
  );
  const previewLoading = (
    <section className="preview-loading" aria-label={text.preview.label} aria-busy="true" />
  );
  // Sizes go straight to CSS variables: a drag of a splitter re-renders no panel. The first sizes are
  // set before the browser paints, so the page is not laid out twice on its way to the first paint.
  const main = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    applyPanelLayout(main.current!, usePanels.getState());
    return usePanels.subscribe((layout) => applyPanelLayout(main.current!, layout));
  }, []);
  return (
    <div className="app">
      <Toolbar />
      <AlertBanner />
      <div className="app-main" ref={main}>
        <aside className="palette-column">
          <Palette />
          <AfterCanvasPaint>
            <Suspense fallback={null}>
              <Outline />
            </Suspense>
          </AfterCanvasPaint>
        </aside>
        <Splitter panel="palette" vertical grows={1} />
        <main className="center-column">
          <Canvas />
          <CanvasPaintWatcher />
          <Splitter panel="preview" vertical={false} grows={-1} />
          <div className="preview-slot">
            {/* A crash in the preview must not take the canvas down with it. */}
            <ErrorBoundary area="preview">
              <AfterCanvasPaint fallback={previewLoading}>
                <Suspense fallback={previewLoading}>
                  <PreviewPanel />
                </Suspense>
              </AfterCanvasPaint>
            </ErrorBoundary>
          </div>
        </main>
        <Splitter panel="side" vertical grows={-1} />
        <aside className="side-column">
          <div className="inspector-slot">
            <ErrorBoundary area="inspector">
              <AfterCanvasPaint fallback={inspectorLoading}>
                <Suspense fallback={inspectorLoading}>
                  <Inspector />
                </Suspense>
              </AfterCanvasPaint>
            </ErrorBoundary>
          </div>
          <Splitter panel="problems" vertical={false} grows={-1} />
          <div className="problems-slot">
            <ProblemsPanel />
          </div>
        </aside>
      </div>
      <Toast />
      <ConfirmDialog />
      <HelpDialog />
      <LazyConnectDialog />
    </div>
  );
}

/**
 * Layout: toolbar on top; palette | canvas | inspector + problems; preview below the canvas. The
 * panels are resized and collapsed with the splitters between them (see app/panels.ts).
 * Each panel lives in its own folder under src/panels and is mounted here. One React Flow provider
 * sits above the canvas and the panels, so panels can centre the view.
 */
export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
