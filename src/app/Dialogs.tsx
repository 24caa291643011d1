import { useText } from './language';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../store';

/** The one confirmation dialog (native confirm() is never used); its confirming button is data-testid="confirm". */
export function ConfirmDialog() {
  const text = useText().dialogs;
  const request = useAppStore((state) => state.confirm);
  const askConfirm = useAppStore((state) => state.askConfirm);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (request) confirmButton.current?.focus();
  }, [request]);
  if (!request) return null;
  const close = () => askConfirm(null);
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <h2 id="confirm-title">{request.title}</h2>
        <p>{request.message}</p>
        <div className="modal-actions">
          <button type="button" data-testid="cancel" onClick={close}>
            {text.cancel}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="confirm"
            ref={confirmButton}
            onClick={() => {
              close();
              request.onConfirm();
            }}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

export function AlertBanner() {
  const text = useText().dialogs;
  const alert = useAppStore((state) => state.alert);
  const showAlert = useAppStore((state) => state.showAlert);
  if (!alert) return null;
  return (
    <div className="alert-banner" role="alert" data-testid="alert">
      <span>{alert}</span>
      <button type="button" aria-label={text.dismiss} onClick={() => showAlert(null)}>
        ×
      </button>
    </div>
  );
}

/** Short notices (why a connection was refused, an ignored autosave); they fade after a few seconds. */
export function Toast() {
  const toast = useAppStore((state) => state.toast);
  const showToast = useAppStore((state) => state.showToast);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => showToast(null), 6000);
    return () => window.clearTimeout(timer);
  }, [toast, showToast]);
  return (
    <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
      {toast && (
        <div className="toast" key={toast.serial}>
          {toast.message}
        </div>
      )}
    </div>
  );
}

export function HelpDialog() {
  const text = useText().dialogs;
  const open = useAppStore((state) => state.helpOpen);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => setHelpOpen(false);
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div
        className="modal modal-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <h2 id="help-title">{text.shortcuts}</h2>
        <table className="shortcuts">
          <tbody>
            {text.shortcutList.map(({ keys, what }) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{text.frames}</p>
        <div className="modal-actions">
          <button type="button" className="primary" ref={closeButton} onClick={close}>
            {text.close}
          </button>
        </div>
      </div>
    </div>
  );
}
