import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';
import { filesOf } from '../../store/files';
import { useDiagnostics } from '../../store/selectors';
import { copyText } from './clipboard';
import { fileTreeRows } from './fileTree';
import { filesForNode, shortName } from './nodeFiles';
import { useDarkMode } from './useDarkMode';
import './preview.css';

const MonacoView = lazy(() => import('./MonacoView'));

/** The file opened when nothing else is chosen: the front door's config if there is one. */
function defaultPath(paths: readonly string[]): string | null {
  return (
    paths.find((path) => path.endsWith('/nginx.conf')) ??
    paths.find((path) => path === 'docker-compose.yml') ??
    paths[0] ??
    null
  );
}

const NO_FILES: Record<string, string> = {};

type CopyState = { what: 'file' | 'path'; ok: boolean } | null;

/** Every generated file of the bundle: a tree, and Monaco showing the chosen file live. */
export function PreviewPanel() {
  const design = useAppStore((state) => state.design);
  const target = useAppStore((state) => state.target);
  const catalogue = useAppStore((state) => state.catalogue);
  const diagnostics = useDiagnostics();
  // A generator bug must not take the preview (or the canvas) down: say what failed instead.
  const generated = useMemo(() => {
    try {
      return { files: filesOf(design, target, catalogue), error: null };
    } catch (error) {
      return { files: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [design, target, catalogue]);
  const files = generated.files ?? NO_FILES;
  const selectedNodeIds = useAppStore((state) => state.selectedNodeIds);
  const dark = useDarkMode();
  const paths = useMemo(() => Object.keys(files).sort(), [files]);
  const rows = useMemo(() => fileTreeRows(paths), [paths]);
  const [chosen, setChosen] = useState<string | null>(null);
  const path = chosen && chosen in files ? chosen : defaultPath(paths);

  const focusNodeId = selectedNodeIds.length === 1 ? selectedNodeIds[0]! : null;
  const focusNode = focusNodeId ? design.nodes.find((node) => node.id === focusNodeId) : undefined;
  const nodeFiles = useMemo(
    () => (focusNodeId ? filesForNode(design, focusNodeId, paths) : { main: null, paths: [] }),
    [design, focusNodeId, paths],
  );
  const nodePaths = useMemo(() => new Set(nodeFiles.paths), [nodeFiles]);

  // Selecting a node opens its main file (once per selection, so the user can browse on from there).
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (focusNodeId !== openedFor) {
    setOpenedFor(focusNodeId);
    if (nodeFiles.main) setChosen(nodeFiles.main);
  }

  const [copied, setCopied] = useState<CopyState>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async (what: 'file' | 'path') => {
    if (!path) return;
    const ok = await copyText(what === 'file' ? files[path]! : path);
    setCopied({ what, ok });
  };

  const listRef = useRef<HTMLUListElement>(null);
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-path]') ?? [])];
    if (buttons.length === 0) return;
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : Math.min(buttons.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    buttons[next]!.focus();
    setChosen(buttons[next]!.dataset.path!);
  };

  return (
    <section className="preview" aria-label="Generated files">
      <nav className="preview-files" aria-label="Bundle files">
        {focusNode && nodeFiles.paths.length > 0 && (
          <div className="preview-node-files" data-testid="node-files">
            <span>
              Files for <strong>{focusNode.id}</strong>:
            </span>
            {nodeFiles.paths.map((nodePath) => (
              <button
                key={nodePath}
                type="button"
                className="preview-chip"
                aria-pressed={nodePath === path}
                title={nodePath}
                onClick={() => setChosen(nodePath)}
              >
                {shortName(nodePath)}
              </button>
            ))}
          </div>
        )}
        <ul className="preview-tree" data-testid="files" ref={listRef} onKeyDown={onListKeyDown}>
          {rows.map((row) =>
            row.kind === 'folder' ? (
              <li
                key={`dir:${row.path}`}
                className="preview-folder"
                style={{ paddingLeft: `${row.depth * 12 + 6}px` }}
              >
                {row.name}/
              </li>
            ) : (
              <li key={row.path}>
                <button
                  type="button"
                  data-path={row.path}
                  className={`preview-file${nodePaths.has(row.path) ? ' preview-file-node' : ''}`}
                  aria-current={row.path === path ? 'true' : undefined}
                  tabIndex={row.path === path || (!path && row === rows[0]) ? 0 : -1}
                  style={{ paddingLeft: `${row.depth * 12 + 6}px` }}
                  onClick={() => setChosen(row.path)}
                >
                  {row.name}
                </button>
              </li>
            ),
          )}
        </ul>
      </nav>
      <div className="preview-editor">
        <div className="preview-editor-bar">
          <code className="preview-path" data-testid="preview-path">
            {path ?? 'no file'}
          </code>
          <span className="preview-readonly">read-only</span>
          <button type="button" onClick={() => void copy('path')} disabled={!path} data-testid="copy-path">
            Copy path
          </button>
          <button type="button" onClick={() => void copy('file')} disabled={!path} data-testid="copy-file">
            Copy file
          </button>
          <span role="status" className="preview-copied">
            {copied ? (copied.ok ? 'Copied' : 'Copy failed: select the text and press Ctrl+C') : ''}
          </span>
        </div>
        {generated.error && (
          <p role="alert" className="preview-error">
            The files could not be generated for this design: {generated.error}
          </p>
        )}
        <div className="preview-editor-host">
          <Suspense fallback={<p className="preview-loading">Loading editor…</p>}>
            <MonacoView files={files} path={path} design={design} diagnostics={diagnostics} dark={dark} />
          </Suspense>
        </div>
      </div>
    </section>
  );
}
