import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { AfterCanvasPaint, CanvasPaintWatcher } from './app/CanvasPaint';
import { AlertBanner, ConfirmDialog, HelpDialog, Toast } from './app/Dialogs';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadErrorText, useText } from './app/language';
import { applyPanelLayout, usePanels } from './app/panels';
import { Splitter } from './app/Splitter';
import { useShortcuts } from './app/shortcuts';
import { storedColorMode, useThemeAttribute } from './app/theme';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './panels/inspector/Inspector';
import { LazyConnectDialog } from './panels/connect/LazyConnectDialog';
import { Palette } from './panels/palette/Palette';
import { ProblemsPanel } from './panels/problems/ProblemsPanel';
import { Toolbar } from './panels/toolbar/Toolbar';
import { useAppStore } from './store';
import { autosaveProblem, startAutosave } from './store/autosave';

// The preview (and the exporters it runs) is requested once the canvas has painted (app/firstPaint.ts).
const PreviewPanel = lazy(() =>
  import('./panels/preview/PreviewPanel').then((module) => ({ default: module.PreviewPanel })),
);

// The outline (a list mirroring the canvas) is not needed for the first paint either.
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
  const previewLoading = (
    <section className="preview-loading" aria-label={text.preview.label} aria-busy="true" />
  );
  // Sizes go straight to CSS variables: a drag of a splitter re-renders no panel.
  const main = useRef<HTMLDivElement>(null);
  useEffect(() => {
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
              <Inspector />
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
