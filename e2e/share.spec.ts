import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serializeDesign } from '../src/model/serialize';
import { encodeShareFragment } from '../src/model/shareLink';
import { loadTemplate, type TemplateId } from '../src/model/templates';

const AUTOSAVE_KEY = 'stacksketch:autosave';

async function nodeIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid="canvas"] .react-flow__node')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
  return ids.filter((id) => id !== '').sort();
}

async function edgeCount(page: Page): Promise<number> {
  return page.locator('[data-testid="canvas"] .react-flow__edge').count();
}

async function confirmIfAsked(page: Page): Promise<void> {
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
}

/** Load a template through the UI and wait until the autosave holds it. */
async function loadTemplateInUi(page: Page, id: TemplateId): Promise<void> {
  await page.getByTestId(`template-${id}`).click();
  await confirmIfAsked(page);
  const expected = serializeDesign(loadTemplate(id));
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(expected);
}

async function downloadText(page: Page, open: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), open()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

async function exportDesignJson(page: Page): Promise<string> {
  await page.getByTestId('export-menu').click();
  const { name, bytes } = await downloadText(page, () => page.getByTestId('export-json').click());
  expect(name).toMatch(/^[A-Za-z0-9._-]+\.stacksketch\.json$/);
  return bytes.toString('utf8');
}

test('a shared template opens with the same nodes and edges in a fresh browser, and the CLI prints the same link', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  await loadTemplateInUi(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('share').click();
  const shareUrlInput = page.getByTestId('share-url');
  await expect(shareUrlInput).toBeVisible();
  const url = await shareUrlInput.inputValue();
  expect(url).toBe(`${baseURL}/#${encodeShareFragment(loadTemplate('gunicorn-flask-sqlite'))}`);

  // The CLI gives the same link for the same base.
  const dir = mkdtempSync(join(tmpdir(), 'stacksketch-share-'));
  const file = join(dir, 'design.json');
  writeFileSync(file, serializeDesign(loadTemplate('gunicorn-flask-sqlite')));
  const cli = execFileSync(
    'node_modules/.bin/tsx',
    ['src/cli/main.ts', 'share', file, '--base', `${baseURL}/`],
    {
      encoding: 'utf8',
    },
  );
  expect(cli.trim()).toBe(url);

  const ids = await nodeIds(page);
  const edges = await edgeCount(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.locator('[data-testid="canvas"] .react-flow__node').first()).toBeVisible();
  await expect.poll(() => nodeIds(other)).toEqual(ids);
  expect(await edgeCount(other)).toBe(edges);
  await expect(other.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  expect(await exportDesignJson(other)).toBe(serializeDesign(loadTemplate('gunicorn-flask-sqlite')));
  // The link's design is now this browser's work: a reload (the fragment is gone) keeps it.
  expect(new URL(other.url()).hash).toBe('');
  await other.reload();
  await expect.poll(() => nodeIds(other)).toEqual(ids);
  await fresh.close();
});

for (const [what, mangle] of [
  ['a tampered link', (fragment: string) => `${fragment.slice(0, 30)}Zz_${fragment.slice(33)}`],
  ['a link from a newer format', (fragment: string) => fragment.replace(/^s1\./, 's2.')],
] as const) {
  test(`${what} shows an alert and keeps the autosaved design`, async ({ page, context }) => {
    await page.goto('/');
    await loadTemplateInUi(page, 'uwsgi-unix-socket');
    const saved = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
    const ids = await nodeIds(page);

    const bad = mangle(encodeShareFragment(loadTemplate('react-nginx-gunicorn')));
    const opened = await context.newPage();
    await opened.goto(`/#${bad}`);
    const alert = opened.getByRole('alert').filter({ hasText: /share link cannot be opened/i });
    await expect(alert).toBeVisible();
    if (what.includes('newer')) await expect(alert).toContainText(/newer StackSketch/);
    await expect.poll(() => nodeIds(opened)).toEqual(ids);
    await expect(opened.getByTestId('confirm')).toHaveCount(0);
    expect(await opened.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(saved);

    // The same link pasted into an open editor (hashchange) is refused the same way.
    await page.evaluate((fragment) => {
      window.location.hash = fragment;
    }, bad);
    await expect(page.getByRole('alert').filter({ hasText: /share link cannot be opened/i })).toBeVisible();
    expect(await nodeIds(page)).toEqual(ids);
    expect(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(saved);
  });
}

test('a link to another design asks before replacing the autosaved work', async ({ page, context }) => {
  await page.goto('/');
  await loadTemplateInUi(page, 'uwsgi-unix-socket');
  const saved = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY);
  const before = await nodeIds(page);

  const link = `/#${encodeShareFragment(loadTemplate('flask-dev-server'))}`;
  const opened = await context.newPage();
  await opened.goto(link);
  await expect(opened.getByTestId('confirm')).toBeVisible();
  expect(await nodeIds(opened)).toEqual(before);
  expect(await opened.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(saved);
  await opened.getByTestId('cancel').click();
  expect(await nodeIds(opened)).toEqual(before);
  expect(await opened.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBe(saved);

  // Pasting the link into the open editor asks too; yes replaces the design and then the autosave.
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, link.slice(2));
  await expect(page.getByTestId('confirm')).toBeVisible();
  await page.getByTestId('confirm').click();
  const wanted = loadTemplate('flask-dev-server')
    .nodes.map((node) => node.id)
    .sort();
  await expect.poll(() => nodeIds(page)).toEqual(wanted);
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY))
    .toBe(serializeDesign(loadTemplate('flask-dev-server')));
});

for (const format of ['svg', 'png'] as const) {
  test(`an exported ${format.toUpperCase()} opens again as the same editable design`, async ({ page }) => {
    await page.goto('/');
    await loadTemplateInUi(page, 'react-nginx-gunicorn');
    const original = await exportDesignJson(page);
    const ids = await nodeIds(page);

    await page.getByTestId('export-menu').click();
    const image = await downloadText(page, () => page.getByTestId(`export-${format}`).click());
    expect(image.name).toMatch(new RegExp(`\\.${format}$`));
    if (format === 'png') {
      expect([...image.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(image.bytes.includes(Buffer.from('iTXtstacksketch\u0000'))).toBe(true);
      expect(image.bytes.length).toBeLessThanOrEqual(5 * 1024 * 1024);
    } else {
      expect(image.bytes.toString('utf8')).toContain('<metadata id="stacksketch-design">');
    }

    await page.getByTestId('new-design').click();
    await confirmIfAsked(page);
    await expect(page.locator('[data-testid="canvas"] .react-flow__node')).toHaveCount(0);
    await page.getByTestId('import-file').setInputFiles({
      name: image.name,
      mimeType: format === 'png' ? 'image/png' : 'image/svg+xml',
      buffer: image.bytes,
    });
    await confirmIfAsked(page);
    await expect.poll(() => nodeIds(page)).toEqual(ids);
    expect(await exportDesignJson(page)).toBe(original);
  });
}

test('an image without a StackSketch design is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  const ids = await nodeIds(page);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await expect(
    page.getByRole('alert').filter({ hasText: 'this PNG does not carry a StackSketch design' }),
  ).toBeVisible();
  expect(await nodeIds(page)).toEqual(ids);
});

test('the embed dialog gives an iframe snippet and a Markdown image link; Mermaid shows subgraphs', async ({
  page,
  baseURL,
}) => {
  await page.goto('/');
  await loadTemplateInUi(page, 'react-nginx-gunicorn');
  const fragment = encodeShareFragment(loadTemplate('react-nginx-gunicorn'));
  await page.getByTestId('embed').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  expect(snippet).toBe(
    `<iframe src="${baseURL}/embed.html#${fragment}" width="100%" height="480" style="border:0" loading="lazy" title="${loadTemplate('react-nginx-gunicorn').name} – StackSketch diagram"></iframe>`,
  );
  const markdown = await page.getByTestId('embed-markdown').inputValue();
  expect(markdown).toMatch(
    /^\[!\[[^\]]+\]\([A-Za-z0-9._-]+\.svg\)\]\(http:\/\/127\.0\.0\.1:\d+\/#s1\.[A-Za-z0-9_-]+\)$/,
  );
  await page.keyboard.press('Escape');

  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-mermaid').click();
  const mermaid = await page.getByTestId('mermaid-text').inputValue();
  expect(mermaid).toMatch(/subgraph/);
  const { name } = await downloadText(page, () => page.getByTestId('download-mermaid').click());
  expect(name).toMatch(/\.mmd$/);
});
