import { useText } from '../../app/language';
import { useState, type ChangeEvent } from 'react';
import { replaceAfterAsking } from '../../app/loadFlow';
import type { ReportEntry } from '../../importers/types';
import { formatLoadError } from '../../model/load';
import { useAppStore } from '../../store';
import './import.css';

interface ImportOutcome {
  files: number;
  made: boolean;
  report: ReportEntry[];
}

/**
 * "Import configs…": Compose, nginx, gunicorn, uWSGI and Dockerfiles (or one project .zip) become a new
 * design (asking first over unsaved work; Undo brings the old one back). The report of what was left
 * out stays reachable from the toolbar after it is closed.
 */
export function ImportConfigs() {
  const text = useText().importConfigs;
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [open, setOpen] = useState(false);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    if (picked.length === 0) return;
    // The readers (YAML, zip) load on first use, not with the page.
    const [{ importConfigs }, { readPickedFiles }] = await Promise.all([
      import('../../importers/resolve'),
      import('./readFiles'),
    ]);
    const report: ReportEntry[] = [];
    const files = await readPickedFiles(picked, report);
    const result =
      files.length > 0
        ? importConfigs(files, picked.length === 1 ? picked[0]!.name.replace(/\.zip$/i, '') : undefined)
        : null;
    report.push(...(result?.report ?? []));
    for (const error of result?.loadErrors ?? [])
      report.push({
        file: '',
        line: 0,
        message: `error: the imported design does not load: ${formatLoadError(error)}`,
      });
    const made = result?.design != null;
    setOutcome({ files: files.length, made, report });
    setOpen(true);
    if (result?.design) replaceAfterAsking(result.design, text.replace);
    else useAppStore.getState().showAlert(text.nothingImported);
  };

  return (
    <>
      <label className="button file-button" title={text.title}>
        {text.button}
        <input type="file" multiple data-testid="import-configs" onChange={(event) => void onPick(event)} />
      </label>
      {outcome && !open && (
        <button
          type="button"
          data-testid="import-report-open"
          onClick={() => setOpen(true)}
          title={text.reportTitle}
        >
          {text.reportButton}
        </button>
      )}
      {outcome && open && (
        <section
          className="import-report"
          data-testid="import-report"
          role="dialog"
          aria-label={text.reportButton}
        >
          <header>
            <strong>{text.outcome({ made: outcome.made, files: outcome.files })}</strong>
            <button type="button" data-testid="import-report-close" onClick={() => setOpen(false)}>
              {text.close}
            </button>
          </header>
          <p>
            {outcome.report.length === 0 ? text.understood : text.leftOut({ count: outcome.report.length })}
          </p>
          <ul>
            {outcome.report.map((entry, index) => (
              <li key={index} className={entry.message.startsWith('error:') ? 'import-error' : undefined}>
                <code>
                  {entry.file || '(import)'}
                  {entry.line ? `:${entry.line}` : ''}
                </code>{' '}
                {entry.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
