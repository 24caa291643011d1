import { useText } from '../../app/language';
import { useState } from 'react';
import { useAppStore } from '../../store';
import { diagnosticsOf } from '../../store/selectors';
import { loadValidation } from '../../store/validation';
import { downloadBundle } from '../preview/download';
import { downloadDecision } from '../preview/downloadPolicy';

/**
 * Downloads exactly the files the preview shows, as the same zip the CLI's `export --out FILE.zip`
 * writes. Errors ask first (saying what will not work); unsafe input values refuse.
 */
export function DownloadZipButton() {
  const text = useText().download;
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const { design, target, markClean, showAlert } = useAppStore.getState();
    setBusy(true);
    try {
      // The exporters load with the preview panel; importing here too keeps a click before that working.
      const { filesOf } = await import('../../store/files');
      await downloadBundle(filesOf(design, target), design.name);
      markClean();
    } catch (error) {
      showAlert(text.failed({ detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const onClick = async () => {
    // A click before the rules have loaded waits for them: a bundle is never judged unchecked.
    await loadValidation();
    const { design, target, askConfirm, showAlert } = useAppStore.getState();
    const decision = downloadDecision(diagnosticsOf(design, target), text);
    if (decision.kind === 'refuse') return showAlert(decision.message);
    if (decision.kind === 'confirm')
      return askConfirm({
        title: decision.title,
        message: decision.message,
        confirmLabel: text.anyway,
        onConfirm: () => void start(),
      });
    void start();
  };

  return (
    <button
      type="button"
      data-testid="download-zip"
      onClick={() => void onClick()}
      disabled={busy}
      title={text.title}
    >
      {text.button}
    </button>
  );
}
