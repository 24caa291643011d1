import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { TabConflictBanner } from './app/TabConflictBanner';
import { startPaintFallback, whenCanvasPainted } from './app/firstPaint';
import { initialLang, switchLanguage } from './app/language';
import { installCategoryStyles } from './nodes/card/categoryStyle';
import { useAppStore } from './store';
import { loadValidation } from './store/validation';
import './styles.css';

installCategoryStyles();
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
void switchLanguage(initialLang(), false)
  .catch(() => undefined)
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary area="app">
          <App />
          <TabConflictBanner />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
