import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { TabConflictBanner } from './app/TabConflictBanner';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="app">
      <App />
      <TabConflictBanner />
    </ErrorBoundary>
  </StrictMode>,
);
