import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedViewer } from './EmbedViewer';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedViewer />
  </StrictMode>,
);
