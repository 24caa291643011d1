import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { TabConflictBanner } from './app/TabConflictBanner';
import { initialLang, switchLanguage } from './app/language';
import { installCategoryStyles } from './nodes/card/categoryStyle';
import './styles.css';

installCategoryStyles();
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
