import { useText } from '../../app/language';
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { EmbedView, MermaidView, ShareLinkView, ShareModal } from '../share/ShareDialogs';
import { downloadJson, downloadPng, downloadSvg } from '../share/exports';
import { useShareLinkStartup } from '../share/useShareLink';
import '../share/share.css';

type Open = 'share' | 'embed' | 'mermaid' | null;

/** Share link, embed snippets and exports (SVG, PNG, Mermaid, design JSON). */
export function ShareMenu() {
  const text = useText().share;
  useShareLinkStartup();
  const design = useAppStore((state) => state.design);
  const [open, setOpen] = useState<Open>(null);
  const [menu, setMenu] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setMenu(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu]);

  const exportPng = async () => {
    setMenu(false);
    setBusy(true);
    try {
      await downloadPng(useAppStore.getState().design);
    } catch (error) {
      useAppStore
        .getState()
        .showAlert(`The PNG export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share-menu">
      <button type="button" data-testid="share" onClick={() => setOpen('share')} title={text.shareTitle}>
        {text.share}
      </button>
      <button type="button" data-testid="embed" onClick={() => setOpen('embed')} title={text.embedTitle}>
        {text.embed}
      </button>
      <div
        className="share-export"
        ref={menuRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setMenu(false);
        }}
      >
        <button
          type="button"
          data-testid="export-menu"
          aria-haspopup="menu"
          aria-expanded={menu}
          disabled={busy}
          onClick={() => setMenu((value) => !value)}
        >
          {busy ? text.exporting : text.exportMenu}
        </button>
        {menu && (
          <div className="share-export__items" role="menu">
            <button
              type="button"
              role="menuitem"
              data-testid="export-svg"
              onClick={() => {
                setMenu(false);
                downloadSvg(useAppStore.getState().design);
              }}
            >
              {text.svg}
            </button>
            <button type="button" role="menuitem" data-testid="export-png" onClick={() => void exportPng()}>
              {text.png}
            </button>
            <button
              type="button"
              role="menuitem"
              data-testid="export-mermaid"
              onClick={() => {
                setMenu(false);
                setOpen('mermaid');
              }}
            >
              {text.mermaid}
            </button>
            <button
              type="button"
              role="menuitem"
              data-testid="export-json"
              onClick={() => {
                setMenu(false);
                downloadJson(useAppStore.getState().design);
              }}
            >
              {text.json}
            </button>
          </div>
        )}
      </div>
      {open === 'share' && (
        <ShareModal title={text.share} testId="share-dialog" onClose={() => setOpen(null)}>
          <ShareLinkView design={design} />
        </ShareModal>
      )}
      {open === 'embed' && (
        <ShareModal title={text.embed} testId="embed-dialog" onClose={() => setOpen(null)}>
          <EmbedView design={design} />
        </ShareModal>
      )}
      {open === 'mermaid' && (
        <ShareModal title={text.mermaidTitle} testId="mermaid-dialog" onClose={() => setOpen(null)}>
          <MermaidView design={design} />
        </ShareModal>
      )}
    </div>
  );
}
