import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedViewer } from './EmbedViewer';
import './embed.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedViewer />
  </StrictMode>,
);
