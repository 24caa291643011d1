import type { Page } from '@playwright/test';
import type { Design } from '../../src/model/design';
import { median, percentile, round } from './stats';

/**
 * In-page watcher for one inspector edit: the time of the first `input` event on the field, and the time
 * the watched Monaco model (or, without access to Monaco, the editor's rendered lines) first contains
 * the wanted text. Monaco's own change events give the end time, so no polling delay is added.
 */
const EDIT_WATCHER = `
window.__benchEdit = (() => {
  const state = { want: null, t0: null, t1: null, source: null, armed: false };
  const monaco = window.__stacksketchMonaco || window.monaco || null;
  const PATH = '__PATH__';
  const modelOf = () => monaco && monaco.editor.getModels().find((m) => m.uri.path.replace(/^\\//, '') === PATH);
  const check = (source) => {
    if (!state.armed || state.t1 !== null || state.t0 === null) return;
    let text = null;
    const model = modelOf();
    if (model) text = model.getValue();
    else {
      const lines = document.querySelector('.monaco-editor .view-lines');
      text = lines ? lines.textContent.replace(/\\u00a0/g, ' ') : null;
    }
    if (text !== null && text.includes(state.want)) { state.t1 = performance.now(); state.source = source; }
  };
  document.addEventListener('input', (event) => {
    if (!state.armed || state.t0 !== null) return;
    if (event.target instanceof Element && event.target.matches('__FIELD__')) state.t0 = performance.now();
  }, true);
  const watched = new WeakSet();
  const watchModels = () => {
    if (!monaco) return;
    for (const model of monaco.editor.getModels()) {
      if (watched.has(model)) continue;
      watched.add(model);
      model.onDidChangeContent(() => check('model'));
    }
  };
  if (monaco) { watchModels(); monaco.editor.onDidCreateModel(() => { watchModels(); check('model'); }); }
  else new MutationObserver(() => check('dom')).observe(document.body, { childList: true, subtree: true, characterData: true });
  return {
    usesModel: Boolean(monaco && modelOf()),
    arm(want) { state.want = want; state.t0 = null; state.t1 = null; state.source = null; state.armed = true; },
    result() { return { t0: state.t0, t1: state.t1, source: state.source }; },
  };
})();
`;

export interface PreviewResult {
  p95Ms: number;
  medianMs: number;
  edits: number;
  samplesMs: number[];
  readVia: 'monaco model' | 'rendered lines';
  commit: 'input event' | 'Enter' | 'blur';
}

async function openPreviewOf(page: Page, path: string): Promise<void> {
  const entry = page.locator(`[data-testid="files"] [data-path="${path}"]`).first();
  if ((await entry.count()) > 0) await entry.click();
  await page.waitForFunction(
    `(() => { const m = window.__stacksketchMonaco || window.monaco;
      if (m) return m.editor.getModels().some((x) => x.uri.path.replace(/^\\//, '') === ${JSON.stringify(path)});
      return Boolean(document.querySelector('.monaco-editor .view-lines')); })()`,
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Select a node, then type `count` new values into one inspector field; each time, measure from the
 * field's input event to the new text in the previewed file. A warm-up edit comes first.
 */
export async function benchPreviewUpdate(
  page: Page,
  options: { nodeId: string; field: string; path: string; values: (i: number) => string; count: number },
): Promise<PreviewResult> {
  const fieldSelector = `[data-testid="prop-${options.field}"]`;
  await page.locator(`.react-flow__node[data-id="${options.nodeId}"]`).first().click();
  const field = page.locator(fieldSelector).first();
  await field.waitFor({ state: 'visible', timeout: 10_000 });
  await openPreviewOf(page, options.path);
  await page.evaluate(EDIT_WATCHER.replace('__PATH__', options.path).replace('__FIELD__', fieldSelector));
  const usesModel = (await page.evaluate('window.__benchEdit.usesModel')) as boolean;

  let commit: PreviewResult['commit'] = 'input event';
  const edit = async (value: string): Promise<number> => {
    await page.evaluate(`window.__benchEdit.arm(${JSON.stringify(value)})`);
    await field.fill(value);
    const done = () =>
      page.waitForFunction('window.__benchEdit.result().t1 !== null', undefined, { timeout: 3_000 });
    try {
      await done();
    } catch {
      // the field may apply on Enter or on leaving it rather than on every keystroke
      if (commit === 'input event') commit = 'Enter';
      if (commit === 'Enter') await field.press('Enter');
      try {
        await done();
      } catch {
        commit = 'blur';
        await field.blur();
        await done();
      }
    }
    const { t0, t1 } = (await page.evaluate('window.__benchEdit.result()')) as { t0: number; t1: number };
    return t1 - t0;
  };

  await edit(options.values(-1));
  const samples: number[] = [];
  for (let i = 0; i < options.count; i++) samples.push(await edit(options.values(i)));
  return {
    p95Ms: round(percentile(samples, 95)),
    medianMs: round(median(samples)),
    edits: samples.length,
    samplesMs: samples.map((s) => round(s)),
    readVia: usesModel ? 'monaco model' : 'rendered lines',
    commit,
  };
}

export interface ZipResult {
  medianMs: number;
  runs: number;
  samplesMs: number[];
  zipBytes: number;
  confirmed: boolean;
  failedAttempts: string[];
}

/**
 * Click the real download button `runs` times (after one warm-up that also loads JSZip) and measure from
 * the click to the zip Blob being handed to URL.createObjectURL (DOWNLOAD_PROBE), checking that the
 * browser really starts each download.
 */
export async function benchTemplateZip(page: Page, design: Design, runs: number): Promise<ZipResult> {
  void design;
  const button = page.locator('[data-testid="download-zip"]').first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  let confirmed = false;
  const once = async (): Promise<{ ms: number; size: number }> => {
    const before = (await page.evaluate('window.__benchDownloads.blobs.length')) as number;
    let downloaded = false;
    const download = page.waitForEvent('download', { timeout: 15_000 }).then((d) => {
      downloaded = true;
      return d;
    });
    // handled below; this keeps an early failure from leaving the rejection unhandled
    download.catch(() => undefined);
    await button.click();
    // a design with problems asks first; the dialog may come a moment after the click
    const confirm = page.locator('[data-testid="confirm"]').first();
    const deadline = Date.now() + 15_000;
    while (!downloaded && Date.now() < deadline) {
      if (await confirm.isVisible().catch(() => false)) {
        confirmed = true;
        await confirm.click();
        break;
      }
      await page.waitForTimeout(20);
    }
    await download.catch(async (error) => {
      const alert = await page
        .locator('[role="alert"]')
        .first()
        .textContent()
        .catch(() => null);
      throw new Error(
        `${error instanceof Error ? error.message : error}${alert ? `; the page says: ${alert}` : ''}`,
      );
    });
    const probe = (await page.evaluate('window.__benchDownloads')) as {
      clicks: { at: number; testid: string }[];
      blobs: { at: number; size: number; type: string }[];
    };
    const blob = probe.blobs[before];
    if (!blob) throw new Error('the download did not go through URL.createObjectURL');
    const click = [...probe.clicks].reverse().find((c) => c.at <= blob.at);
    if (!click) throw new Error('no click on download-zip was seen before the zip');
    return { ms: blob.at - click.at, size: blob.size };
  };
  await once();
  const samples: number[] = [];
  const failures: string[] = [];
  let size = 0;
  for (let attempt = 0; samples.length < runs && attempt < runs + 5; attempt++) {
    // the button is disabled while a download is being prepared
    await page.waitForFunction(
      `!document.querySelector('[data-testid="download-zip"]')?.disabled`,
      undefined,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(100);
    try {
      const { ms, size: bytes } = await once();
      samples.push(ms);
      size = bytes;
    } catch (error) {
      failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
    }
  }
  if (samples.length < runs)
    throw new Error(
      `only ${samples.length} of ${runs} downloads arrived: ${failures.slice(0, 2).join('; ')}`,
    );
  return {
    medianMs: round(median(samples)),
    runs,
    samplesMs: samples.map((s) => round(s)),
    zipBytes: size,
    confirmed,
    failedAttempts: failures,
  };
}
