import { useEffect, useMemo, useRef } from 'react';
import { connect } from '../../model/edit';
import { KINDS } from '../../nodes/registry';
import { useAppStore } from '../../store';
import { connectionChoices, type ConnectChoice } from './choices';
import './connect.css';

/** Give the keyboard back to the node the dialog was opened from. */
function focusNode(nodeId: string) {
  window.requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(nodeId)}"]`)?.focus(),
  );
}

/**
 * Connecting without a mouse: C on a selected node opens this list of the nodes it may call and of
 * those that may call it (only connections the matrix accepts); choosing one adds the edge as one undo
 * step. Its confirming buttons are the choices themselves; Escape closes it.
 */
export function ConnectDialog() {
  const nodeId = useAppStore((state) => state.connectFrom);
  const design = useAppStore((state) => state.design);
  const ui = useAppStore((state) => state.catalogue.ui);
  const lang = useAppStore((state) => state.catalogue.lang);
  const text = ui.connect;
  const setConnectFrom = useAppStore((state) => state.setConnectFrom);
  const dialog = useRef<HTMLDivElement>(null);
  const choices = useMemo(
    () => (nodeId ? connectionChoices(design, nodeId, lang) : null),
    [design, nodeId, lang],
  );
  const open = nodeId !== null;
  useEffect(() => {
    // The first choice, or Cancel when there is none.
    if (open) dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);
  if (!nodeId || !choices) return null;

  const close = () => {
    setConnectFrom(null);
    focusNode(nodeId);
  };
  const choose = (source: string, target: string) => {
    const { commit, showToast } = useAppStore.getState();
    commit((current) => connect(current, source, target));
    showToast(text.connected({ source, target }));
    close();
  };
  const list = (entries: ConnectChoice[], toChoice: boolean, labelId: string) =>
    entries.length === 0 ? (
      <p className="muted">{text.none}</p>
    ) : (
      <ul className="connect-choices" aria-labelledby={labelId}>
        {entries.map(({ node, what }) => {
          return (
            <li key={node.id}>
              <button
                type="button"
                data-testid={`connect-${toChoice ? 'to' : 'from'}-${node.id}`}
                onClick={() => (toChoice ? choose(nodeId, node.id) : choose(node.id, nodeId))}
              >
                {text.choice({ kind: KINDS[node.kind].label, id: node.id, what })}
              </button>
            </li>
          );
        })}
      </ul>
    );

  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div
        ref={dialog}
        className="modal connect-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        data-testid="connect-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            close();
          }
        }}
      >
        <h2 id="connect-title">{text.title({ id: nodeId })}</h2>
        <h3 id="connect-calls">{text.calls({ id: nodeId })}</h3>
        {list(choices.calls, true, 'connect-calls')}
        <h3 id="connect-called-by">{text.calledBy({ id: nodeId })}</h3>
        {list(choices.calledBy, false, 'connect-called-by')}
        {choices.leftOut > 0 && <p className="muted">{text.refused({ count: choices.leftOut })}</p>}
        <div className="modal-actions">
          <button type="button" data-testid="connect-close" onClick={close}>
            {ui.dialogs.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
