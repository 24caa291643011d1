import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedViewer } from './EmbedViewer';
import { installCategoryStyles } from '../nodes/card/categoryStyle';
import './embed.css';

installCategoryStyles();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedViewer />
  </StrictMode>,
);
