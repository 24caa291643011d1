import { useText } from '../../app/language';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { useShareLinkStartup } from '../share/useShareLink';
import '../share/share.css';
import type { PngFailure } from '../share/exports';

type Open = 'share' | 'embed' | 'mermaid' | null;

// The dialogs and the image exports load when first used, not with the editor's first paint.
const OpenShareDialog = lazy(() => import('../share/ShareDialogs'));
const exports = () => import('../share/exports');

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
      const { design, catalogue } = useAppStore.getState();
      await (await exports()).downloadPng(design, catalogue.lang);
    } catch (error) {
      // A PngExportError names its reason, worded here in the UI's language.
      const reason = (error as { reason?: PngFailure } | null)?.reason;
      const detail = reason
        ? text.pngReasons[reason]
        : error instanceof Error
          ? error.message
          : String(error);
      useAppStore.getState().showAlert(text.pngFailed({ detail }));
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
                const { design, catalogue } = useAppStore.getState();
                void exports().then(({ downloadSvg }) => downloadSvg(design, catalogue.lang));
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
                void exports().then(({ downloadJson }) => downloadJson(useAppStore.getState().design));
              }}
            >
              {text.json}
            </button>
          </div>
        )}
      </div>
      {open && (
        <Suspense fallback={null}>
          <OpenShareDialog
            open={open}
            design={design}
            title={{ share: text.share, embed: text.embed, mermaid: text.mermaidTitle }[open]}
            onClose={() => setOpen(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
