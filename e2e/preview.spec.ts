import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';

const TEMPLATES = [
  'gunicorn-flask-sqlite',
  'uwsgi-unix-socket',
  'react-nginx-gunicorn',
  'flask-dev-server',
  'django-gunicorn-nginx',
];
const ROOT = join(import.meta.dirname, '..');

async function loadTemplate(page: Page, id: string) {
  await page.getByTestId(`template-${id}`).click();
  // Replacing a design may ask first; the confirming button is data-testid="confirm".
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
}

/** The bundle the CLI exports for a template: `templates ID > design.json`, then `export --out x.zip`. */
function cliExport(id: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'stacksketch-preview-'));
  try {
    const design = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'templates', id], { cwd: ROOT });
    writeFileSync(join(dir, 'design.json'), design);
    execFileSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'export', join(dir, 'design.json'), '--out', join(dir, 'x.zip')],
      {
        cwd: ROOT,
      },
    );
    return readFileSync(join(dir, 'x.zip'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function downloadZip(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-zip').click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** The text of the preview's Monaco model for a bundle path (read from the model, not the DOM). */
function modelText(page: Page, path: string): Promise<string | null> {
  return page.evaluate((bundlePath) => {
    const monaco = window.__stacksketchMonaco;
    const model = monaco?.editor.getModels().find((candidate) => candidate.uri.path === `/${bundlePath}`);
    return model ? model.getValue() : null;
  }, path);
}

async function waitForEditor(page: Page) {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.keyboard.press('Escape');
});

for (const id of TEMPLATES) {
  test(`${id}: the downloaded zip is the CLI's export, byte for byte, and what the preview shows`, async ({
    page,
  }) => {
    await loadTemplate(page, id);
    await waitForEditor(page);
    const { name, bytes } = await downloadZip(page);
    // A template has no errors: nothing to confirm.
    await expect(page.getByTestId('confirm')).toHaveCount(0);
    const expected = cliExport(id);

    const zip = await JSZip.loadAsync(bytes);
    const cliZip = await JSZip.loadAsync(expected);
    const folder = name.replace(/\.zip$/, '');
    expect(Object.keys(zip.files).every((entry) => entry.startsWith(`${folder}/`))).toBe(true);
    expect(Object.keys(zip.files).sort()).toEqual(Object.keys(cliZip.files).sort());
    const files = Object.values(zip.files).filter((entry) => !entry.dir);
    expect(files.length).toBeGreaterThan(5);
    for (const entry of files) {
      const ours = await entry.async('uint8array');
      const theirs = await cliZip.file(entry.name)!.async('uint8array');
      expect(Buffer.from(ours).equals(Buffer.from(theirs)), entry.name).toBe(true);
      expect(entry.unixPermissions, entry.name).toBe(cliZip.file(entry.name)!.unixPermissions);
      // The preview shows exactly these bytes.
      const path = entry.name.slice(folder.length + 1);
      expect(await modelText(page, path), path).toBe(new TextDecoder().decode(ours));
      await expect(page.getByTestId('files').locator(`[data-path="${path}"]`)).toHaveCount(1);
    }
    const script = files.find((entry) => entry.name.endsWith('.sh'));
    expect(Number(script?.unixPermissions) & 0o777).toBe(0o755);
    // No --force involved: the archives themselves are identical.
    expect(bytes.equals(expected)).toBe(true);
  });
}

test('changing a prop in the inspector updates the previewed nginx.conf in place', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await waitForEditor(page);
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toMatch(/listen\s+80;/);

  // Put the cursor somewhere; an update must not move it or replace the model.
  await page.evaluate(() => {
    const monaco = window.__stacksketchMonaco!;
    const editor = monaco.editor.getEditors()[0]!;
    const model = editor.getModel()!;
    const record = window as unknown as { shownModel: unknown; highlighted: string[] };
    record.shownModel = model;
    record.highlighted = [];
    // Which lines get the "changed" highlight (recorded as it happens; it fades after a moment).
    model.onDidChangeDecorations(() => {
      for (const decoration of model.getAllDecorations())
        if (decoration.options.className === 'ss-changed-line')
          for (let line = decoration.range.startLineNumber; line <= decoration.range.endLineNumber; line++)
            record.highlighted.push(model.getLineContent(line).trim());
    });
    editor.setPosition({ lineNumber: 3, column: 2 });
  });

  await page.locator('.react-flow__node-nginx').click();
  const listen = page.getByTestId('prop-listen');
  await listen.fill('8080');
  await listen.press('Tab');
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toMatch(/listen\s+8080;/);
  expect(await modelText(page, 'web/nginx.conf')).not.toMatch(/listen\s+80;/);

  const kept = await page.evaluate(() => {
    const monaco = window.__stacksketchMonaco!;
    const editor = monaco.editor.getEditors()[0]!;
    const model = editor.getModel();
    return {
      sameModel: model === (window as unknown as { shownModel: unknown }).shownModel,
      position: editor.getPosition(),
      models: monaco.editor.getModels().filter((candidate) => candidate.uri.path === '/web/nginx.conf')
        .length,
    };
  });
  expect(kept.sameModel).toBe(true);
  expect(kept.models).toBe(1);
  expect(kept.position).toEqual({ lineNumber: 3, column: 2 });
  const highlighted = await page.evaluate(() => (window as unknown as { highlighted: string[] }).highlighted);
  expect(highlighted).toContain('listen 8080;');
  expect(highlighted.every((line) => line.includes('8080'))).toBe(true);
});

test('the editor theme follows the colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/\bvs-dark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('.monaco-editor').first()).not.toHaveClass(/\bvs-dark\b/);
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/\bvs\b/);
});

test('selecting a node offers its files and opens the main one', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await waitForEditor(page);
  await page.locator('.react-flow__node-gunicorn').click();
  await expect(page.getByTestId('preview-path')).toHaveText('app/gunicorn.conf.py');
  await expect(page.getByTestId('node-files')).toContainText('gunicorn.conf.py');
  const shown = await page.evaluate(
    () => window.__stacksketchMonaco!.editor.getEditors()[0]!.getModel()?.uri.path,
  );
  expect(shown).toBe('/app/gunicorn.conf.py');

  // Keyboard: arrows move through the file list and open the file.
  const current = page.getByTestId('files').locator('[data-path="app/gunicorn.conf.py"]');
  await current.focus();
  await page.keyboard.press('ArrowDown');
  const next = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path);
  expect(next).toBeTruthy();
  expect(next).not.toBe('app/gunicorn.conf.py');
  await expect(page.getByTestId('preview-path')).toHaveText(next!);
});

test('copy buttons put the file and its path on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await waitForEditor(page);
  await page.getByTestId('copy-path').click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('web/nginx.conf');
  await page.getByTestId('copy-file').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await modelText(page, 'web/nginx.conf'),
  );
});

test('a design with errors asks before downloading and marks the failing lines', async ({ page }) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await waitForEditor(page);
  await page.locator('.react-flow__node-uwsgi').click();
  await page.getByTestId('prop-protocol').selectOption('http');

  // The mismatch is marked on the uwsgi_pass line of nginx.conf and the http-socket line of uwsgi.ini.
  const markerLines = (path: string) =>
    page.evaluate((bundlePath) => {
      const monaco = window.__stacksketchMonaco!;
      const model = monaco.editor.getModels().find((candidate) => candidate.uri.path === `/${bundlePath}`)!;
      return monaco.editor
        .getModelMarkers({ resource: model.uri })
        .filter((marker) => marker.code === 'uwsgi-pass-needs-socket')
        .map((marker) => model.getLineContent(marker.startLineNumber).trim());
    }, path);
  await expect.poll(() => markerLines('web/nginx.conf')).toEqual([expect.stringMatching(/^uwsgi_pass /)]);
  const ini = (await page.evaluate(() =>
    window
      .__stacksketchMonaco!.editor.getModels()
      .map((model) => model.uri.path.slice(1))
      .find((path) => path.endsWith('.ini')),
  ))!;
  expect(await markerLines(ini)).toEqual([expect.stringMatching(/^http-socket\s*=/)]);

  await page.getByTestId('download-zip').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('uwsgi-pass-needs-socket');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('confirm').click();
  const download = await downloading;
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const folder = download.suggestedFilename().replace(/\.zip$/, '');
  expect(await zip.file(`${folder}/web/nginx.conf`)!.async('string')).toBe(
    await modelText(page, 'web/nginx.conf'),
  );
});

test('unsafe input values refuse the download with an alert', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await waitForEditor(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.locator('.react-flow__node-nginx').click();
  await page.getByTestId('prop-serverName').fill('bad name;');
  await page.getByTestId('prop-serverName').press('Tab');
  await page.getByTestId('download-zip').click();
  const alert = page.getByRole('alert').filter({ hasText: 'invalid-server-name' });
  await expect(alert).toBeVisible();
  await expect(page.getByTestId('confirm')).toHaveCount(0);
  expect(downloads).toBe(0);
});

test('hovering a directive explains it', async ({ page }) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await waitForEditor(page);
  await page.evaluate(() => {
    const editor = window.__stacksketchMonaco!.editor.getEditors()[0]!;
    const model = editor.getModel()!;
    // The directive itself, not a comment that mentions it.
    const match = model.findMatches('^\\s*uwsgi_pass\\s', false, true, true, null, false)[0]!;
    const line = match.range.startLineNumber;
    editor.focus();
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column: model.getLineContent(line).indexOf('uwsgi_pass') + 3 });
    editor.trigger('test', 'editor.action.showHover', {});
  });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'uwsgi_pass' })).toContainText('502');
});

test('with every non-local request blocked, Monaco renders and highlights nginx.conf', async ({ page }) => {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (
      ['127.0.0.1', 'localhost'].includes(url.hostname) ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:'
    )
      return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  await page.goto('/');
  await page.keyboard.press('Escape');
  await loadTemplate(page, 'react-nginx-gunicorn');
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor .view-line').first()).toBeVisible();

  const info = await page.evaluate(() => {
    const monaco = window.__stacksketchMonaco!;
    const model = monaco.editor.getEditors()[0]!.getModel()!;
    const tokens = monaco.editor.tokenize(model.getValue(), model.getLanguageId()).flat();
    return { language: model.getLanguageId(), types: [...new Set(tokens.map((token) => token.type))] };
  });
  expect(info.language).toBe('nginx');
  expect(info.types).toEqual(expect.arrayContaining(['keyword.nginx', 'delimiter.nginx']));
  // The rendered lines carry more than one token colour class.
  await expect
    .poll(() =>
      page
        .locator('.monaco-editor .view-line span span')
        .evaluateAll(
          (spans) =>
            new Set(spans.map((span) => span.className).filter((name) => name.startsWith('mtk'))).size,
        ),
    )
    .toBeGreaterThan(2);
  expect(outside).toEqual([]);
});

test('while a field holds a refused value the preview keeps the last files, marked stale, and names the field', async ({
  page,
}) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await waitForEditor(page);
  await page.locator('.react-flow__node-nginx').click();
  await page.getByTestId('prop-serverName').fill('good.example');
  await page.getByTestId('prop-serverName').press('Tab');
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toContain('server_name good.example;');
  await expect(page.getByTestId('preview-stale')).toHaveCount(0);

  await page.getByTestId('prop-serverName').fill('bad name;');
  await page.getByTestId('prop-serverName').press('Tab');
  const stale = page.getByTestId('preview-stale');
  await expect(stale).toBeVisible();
  await expect(stale).toContainText('serverName');
  await expect(stale).toContainText('name;');
  // Every file is still listed and the last good text is still shown.
  await expect(page.locator('[data-testid="files"] [data-path="docker-compose.yml"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="files"] [data-path="web/nginx.conf"]')).toHaveCount(1);
  expect(await modelText(page, 'web/nginx.conf')).toContain('server_name good.example;');

  await page.getByTestId('prop-serverName').fill('fixed.example');
  await page.getByTestId('prop-serverName').press('Tab');
  await expect(stale).toHaveCount(0);
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toContain('server_name fixed.example;');
});
