import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { TabConflictBanner } from './app/TabConflictBanner';
import { startPaintFallback, whenCanvasPainted } from './app/firstPaint';
import { initialLang, switchLanguage } from './app/language';
import { installCardStyles } from './nodes/card/categoryStyle';
import { useAppStore } from './store';
import { loadValidation } from './store/validation';
import './styles.css';

installCardStyles();
startPaintFallback();
// The rules arrive as a chunk of their own once the canvas has painted (app/firstPaint.ts).
void whenCanvasPainted()
  .then(loadValidation)
  .catch((error: unknown) => {
    const { catalogue, showAlert } = useAppStore.getState();
    showAlert(
      catalogue.ui.problems.loadFailed({ detail: error instanceof Error ? error.message : String(error) }),
    );
  });
// The first paint is already in the chosen language (Korean arrives as its own small chunk).
// The first render is synchronous: its effects then run before the browser's first frame, so React
// Flow receives the design's nodes in time to draw them in that frame, instead of a frame of the
// whole editor without them first.
void switchLanguage(initialLang(), false)
  .catch(() => undefined)
  .finally(() => {
    const root = createRoot(document.getElementById('root')!);
    flushSync(() =>
      root.render(
        <StrictMode>
          <ErrorBoundary area="app">
            <App />
            <TabConflictBanner />
          </ErrorBoundary>
        </StrictMode>,
      ),
    );
  });
