import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { bundleFolderName } from '../exporters/folder';
import { serializeDesign } from '../model/serialize';
import { useAppStore } from '../store';
import { AUTOSAVE_KEY } from '../store/autosave';
import { useText } from './language';
import './errorBoundary.css';

declare global {
  interface Window {
    /**
     * Test-only crash switch (see SECURITY.md): `true` or `'app'` crashes the whole editor, a panel
     * name (`'preview'`, `'problems'`, `'inspector'`) crashes that panel, on its next render. Nothing in
     * the UI sets it.
     */
    __stacksketchCrashForTest?: boolean | string;
  }
}

/** The panels a crash can stop on their own (their names are in the catalogues). */
type PanelArea = 'preview' | 'problems' | 'inspector';

interface ErrorBoundaryProps {
  /** `app` for the whole editor; otherwise the panel, named in the message. */
  area: 'app' | PanelArea;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Catches a render crash below it. The design lives in the store and the autosave, outside React, so the
 * crash path only reads it: it offers a download and never clears or rewrites the saved copy.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`StackSketch: the ${this.props.area} crashed`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    const { area, children } = this.props;
    if (!error) {
      return (
        <>
          <CrashForTest area={area} />
          {children}
        </>
      );
    }
    return area === 'app' ? (
      <AppCrashed error={error} />
    ) : (
      <PanelCrashed area={area} error={error} onRetry={this.retry} />
    );
  }
}

function AppCrashed({ error }: { error: Error }) {
  const autosaved = useIsAutosaved();
  const text = useText().crash;
  return (
    <div className="crash crash-app" role="alert" data-testid="crash">
      <h1>{text.appTitle}</h1>
      <p>
        {text.appNotLost} {autosaved === true && text.autosaved}
        {autosaved === false && text.notAutosaved}
      </p>
      <CrashActions />
      <details>
        <summary>{text.whatWentWrong}</summary>
        <pre>{error.message}</pre>
      </details>
    </div>
  );
}

/**
 * Whether the autosave holds exactly the design on screen. Checked after the crashed editor has
 * unmounted (its autosave flushes a pending save then); only reads the slot.
 */
function useIsAutosaved(): boolean | null {
  const [autosaved, setAutosaved] = useState<boolean | null>(null);
  useEffect(() => {
    const check = window.setTimeout(() => {
      let same = false;
      try {
        same = localStorage.getItem(AUTOSAVE_KEY) === serializeDesign(useAppStore.getState().design);
      } catch {
        same = false;
      }
      setAutosaved(same);
    }, 0);
    return () => window.clearTimeout(check);
  }, []);
  return autosaved;
}

function PanelCrashed({ area, error, onRetry }: { area: PanelArea; error: Error; onRetry: () => void }) {
  const text = useText().crash;
  return (
    <div className="crash crash-panel" role="alert" data-testid={`crash-${area}`}>
      <p>{text.panel({ panel: text.panels[area] })}</p>
      <details>
        <summary>{text.whatWentWrong}</summary>
        <pre>{error.message}</pre>
      </details>
      <div className="crash-actions">
        <button type="button" onClick={onRetry}>
          {text.tryAgain}
        </button>
        <DownloadDesignButton />
      </div>
    </div>
  );
}

function CrashActions() {
  const text = useText().crash;
  return (
    <div className="crash-actions">
      <DownloadDesignButton />
      <button type="button" data-testid="reload" onClick={() => window.location.reload()}>
        {text.reload}
      </button>
    </div>
  );
}

function DownloadDesignButton() {
  const text = useText().crash;
  return (
    <button type="button" data-testid="download-design" onClick={downloadCurrentDesign}>
      {text.downloadDesign}
    </button>
  );
}

/** The last design the store holds, as a file; read-only towards the store and the autosave. */
function downloadCurrentDesign() {
  const design = useAppStore.getState().design;
  let text: string;
  try {
    text = serializeDesign(design);
  } catch {
    // If the design itself is what broke, the raw data is still better than nothing.
    text = `${JSON.stringify(design, null, 2)}\n`;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${bundleFolderName(design.name)}.stacksketch.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Throws while the test-only switch names this area. It re-renders on design and selection changes, so
 * a test can trigger the crash by selecting a node, without changing the design it then checks is kept.
 */
function CrashForTest({ area }: { area: string }) {
  useAppStore((state) => state.design);
  useAppStore((state) => state.selectedNodeIds);
  const flag = typeof window === 'undefined' ? undefined : window.__stacksketchCrashForTest;
  if (flag === area || (flag === true && area === 'app')) {
    throw new Error(`crash requested by the test switch in the ${area}`);
  }
  return null;
}
