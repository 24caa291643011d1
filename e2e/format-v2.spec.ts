import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { moreAction } from './helpers';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const v1File = new URL('../src/model/fixtures/v1/two-apps.stacksketch.json', import.meta.url);

async function loadTemplate(page: Page, id: string) {
  await page.goto('/');
  await page.getByTestId(`template-${id}`).click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

const autosave = (page: Page) => page.evaluate(() => localStorage.getItem('stacksketch:autosave') ?? '');

async function savedDesign(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save-design').click(),
  ]);
  return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

test('a v1 file from the first release opens through import-file', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  const text = await readFile(v1File, 'utf8');
  const file = JSON.parse(text) as { name: string; nodes: { id: string }[] };
  await page.getByTestId('import-file').setInputFiles({
    name: 'two-apps.stacksketch.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.getByTestId('design-name')).toHaveValue(file.name);
  await expect(page.locator('.react-flow__node')).toHaveCount(file.nodes.length);
  for (const { id } of file.nodes) await expect(node(page, id)).toBeVisible();
  await expect(page.getByTestId('frame-web')).toBeVisible();
  await expect(page.locator('[role="alert"]')).toHaveCount(0);
  // Saved again, it is a v2 file with the same nodes.
  const saved = await savedDesign(page);
  expect(saved.format).toBe('stacksketch/v2');
  // Props added by later releases are written out with their defaults; every prop the file had stays.
  expect(saved.nodes).toMatchObject(JSON.parse(text).nodes);
});

test('a new empty frame survives a reload, Save writes it in a stacksketch/v2 file, and its × deletes it', async ({
  page,
}) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await moreAction(page, 'new-frame');
  await expect(page.getByTestId('frame-service')).toBeVisible();
  await expect.poll(() => autosave(page)).toContain('"service": {}');
  await page.reload();
  await expect(node(page, 'api')).toBeVisible();
  await expect(page.getByTestId('frame-service')).toBeVisible();
  const saved = await savedDesign(page);
  expect(saved.format).toBe('stacksketch/v2');
  expect(saved.containers).toEqual({ app: {}, service: {}, web: {} });
  // An empty frame is deleted with its ×, and stays deleted after a reload.
  await page.getByTestId('frame-delete-service').click();
  await expect(page.getByTestId('frame-service')).toHaveCount(0);
  await expect.poll(() => autosave(page)).not.toContain('"service"');
  await page.reload();
  await expect(node(page, 'api')).toBeVisible();
  await expect(page.getByTestId('frame-service')).toHaveCount(0);
});

test('a selected frame edits its replicas: the badge shows ×3, and it survives a reload and Save', async ({
  page,
}) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('frame-name-app').click();
  const replicas = page.getByTestId('container-replicas');
  await expect(replicas).toHaveValue('1');
  await expect(page.getByTestId('frame-replicas-app')).toHaveCount(0);
  await replicas.fill('3');
  await expect(page.getByTestId('frame-replicas-app')).toHaveText('×3');
  // One undo step takes it back to 1 (no badge); redo brings ×3 back.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('frame-replicas-app')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('frame-replicas-app')).toHaveText('×3');
  await expect.poll(() => autosave(page)).toContain('"replicas": 3');

  await page.reload();
  await expect(page.getByTestId('frame-replicas-app')).toHaveText('×3');
  await page.getByTestId('frame-name-app').click();
  await expect(page.getByTestId('container-replicas')).toHaveValue('3');

  const saved = await savedDesign(page);
  expect(saved.format).toBe('stacksketch/v2');
  expect(saved.containers).toEqual({ app: { replicas: 3 }, web: {} });
});
