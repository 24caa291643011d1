import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { TabConflictBanner } from './app/TabConflictBanner';
import { installCategoryStyles } from './nodes/card/categoryStyle';
import './styles.css';

installCategoryStyles();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="app">
      <App />
      <TabConflictBanner />
    </ErrorBoundary>
  </StrictMode>,
);
