import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { toMermaid } from '../../exporters/mermaid';
import type { Design } from '../../model/design';
import { useText } from '../../app/language';
import { useAppStore } from '../../store';
import { copyText } from '../preview/clipboard';
import { downloadMermaid, editorShareUrl, iframeSnippet, markdownSnippet } from './exports';

/** A small modal used by the share, embed and Mermaid views; Escape or the backdrop closes it. */
export function ShareModal(props: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const text = useText().shareDialogs;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('textarea, input, button')?.focus();
  }, []);
  return (
    <div className="share-backdrop" onMouseDown={props.onClose}>
      <div
        ref={box}
        className="share-modal"
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onClose();
        }}
      >
        <div className="share-modal__head">
          <h2>{props.title}</h2>
          <button type="button" aria-label={text.close} data-testid="share-close" onClick={props.onClose}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}

export function CopyButton(props: { text: string; testId: string; label?: string }) {
  const text = useText().shareDialogs;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      data-testid={props.testId}
      onClick={() => void copyText(props.text).then((ok) => setState(ok ? 'copied' : 'failed'))}
    >
      {state === 'copied' ? text.copied : state === 'failed' ? text.copyFailed : (props.label ?? text.copy)}
    </button>
  );
}

/** The share link: the design compressed into the fragment, which browsers never send to a server. */
export function ShareLinkView({ design }: { design: Design }) {
  const text = useText().shareDialogs;
  const url = useMemo(() => editorShareUrl(design), [design]);
  return (
    <div className="share-field">
      <label htmlFor="share-url">{text.link}</label>
      <div className="share-row">
        <input
          id="share-url"
          data-testid="share-url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={url} testId="copy-share-url" />
      </div>
      <p className="share-note">
        {text.linkNote} {url.length > 8000 ? text.linkLong : ''}
      </p>
    </div>
  );
}

export function EmbedView({ design }: { design: Design }) {
  const text = useText().shareDialogs;
  const iframe = useMemo(() => iframeSnippet(design), [design]);
  const markdown = useMemo(() => markdownSnippet(design), [design]);
  return (
    <>
      <div className="share-field">
        <label htmlFor="embed-snippet">{text.iframe}</label>
        <textarea id="embed-snippet" data-testid="embed-snippet" readOnly rows={4} value={iframe} />
        <CopyButton text={iframe} testId="copy-embed-snippet" />
      </div>
      <div className="share-field">
        <label htmlFor="embed-markdown">{text.markdown}</label>
        <textarea id="embed-markdown" data-testid="embed-markdown" readOnly rows={3} value={markdown} />
        <CopyButton text={markdown} testId="copy-embed-markdown" />
        <p className="share-note">{text.markdownNote}</p>
      </div>
    </>
  );
}

export function MermaidView({ design }: { design: Design }) {
  const words = useText().shareDialogs;
  const lang = useAppStore((state) => state.catalogue.lang);
  const text = useMemo(() => toMermaid(design, lang), [design, lang]);
  return (
    <div className="share-field">
      <label htmlFor="mermaid-text">{words.mermaid}</label>
      <textarea id="mermaid-text" data-testid="mermaid-text" readOnly rows={14} value={text} />
      <div className="share-row">
        <CopyButton text={text} testId="copy-mermaid" />
        <button type="button" data-testid="download-mermaid" onClick={() => downloadMermaid(design, lang)}>
          {words.downloadMermaid}
        </button>
      </div>
    </div>
  );
}

/** The open share, embed or Mermaid dialog: the toolbar loads this module when one is first opened. */
export default function OpenShareDialog(props: {
  open: 'share' | 'embed' | 'mermaid';
  design: Design;
  title: string;
  onClose: () => void;
}) {
  const { open, design, title, onClose } = props;
  return (
    <ShareModal title={title} testId={`${open}-dialog`} onClose={onClose}>
      {open === 'share' && <ShareLinkView design={design} />}
      {open === 'embed' && <EmbedView design={design} />}
      {open === 'mermaid' && <MermaidView design={design} />}
    </ShareModal>
  );
}
