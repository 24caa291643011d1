import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedViewer } from './EmbedViewer';
import { installCardStyles } from '../nodes/card/categoryStyle';
import './embed.css';
import { chooseEmbedLanguage } from './language';

installCardStyles();
void chooseEmbedLanguage()
  .catch(() => undefined)
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <EmbedViewer />
      </StrictMode>,
    ),
  );
