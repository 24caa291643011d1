import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useEffect } from 'react';
import { AlertBanner, ConfirmDialog, HelpDialog, Toast } from './app/Dialogs';
import { ErrorBoundary } from './app/ErrorBoundary';
import { loadErrorText, useText } from './app/language';
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

// The preview (and the exporters it runs) loads after the canvas has painted.
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
  return (
    <div className="app">
      <Toolbar />
      <AlertBanner />
      <div className="app-main">
        <aside className="palette-column">
          <Palette />
          <Suspense fallback={null}>
            <Outline />
          </Suspense>
        </aside>
        <main className="center-column">
          <Canvas />
          {/* A crash in the preview must not take the canvas down with it. */}
          <ErrorBoundary area="preview">
            <Suspense
              fallback={
                <section className="preview-loading" aria-label={text.preview.label} aria-busy="true" />
              }
            >
              <PreviewPanel />
            </Suspense>
          </ErrorBoundary>
        </main>
        <aside className="side-column">
          <ErrorBoundary area="inspector">
            <Inspector />
          </ErrorBoundary>
          <ProblemsPanel />
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
 * Layout: toolbar on top; palette | canvas | inspector + problems; preview below the canvas.
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
