import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseTemplate, freshEditor } from './helpers';

const PANELS_KEY = 'stacksketch:panels';

const widthOf = async (locator: Locator) => (await locator.boundingBox())!.width;
const heightOf = async (locator: Locator) => (await locator.boundingBox())!.height;
const valueOf = async (separator: Locator) => Number(await separator.getAttribute('aria-valuenow'));
const viewportTransform = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((element) => element.style.transform);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshEditor(page);
  await chooseTemplate(page, 'gunicorn-flask-sqlite');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
});

test('the palette resizes with the keyboard, and the size survives a reload', async ({ page }) => {
  const separator = page.getByRole('separator', { name: 'Resize the palette' });
  await expect(separator).toHaveAttribute('aria-orientation', 'vertical');
  const palette = page.locator('.palette-column');
  const before = await valueOf(separator);
  expect(Math.abs((await widthOf(palette)) - before)).toBeLessThanOrEqual(1);

  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const wider = await valueOf(separator);
  expect(wider).toBeGreaterThan(before);
  expect(Math.abs((await widthOf(palette)) - wider)).toBeLessThanOrEqual(1);
  await page.keyboard.press('ArrowLeft');
  expect(await valueOf(separator)).toBeLessThan(wider);
  expect(await valueOf(separator)).toBeGreaterThan(before);

  const kept = await valueOf(separator);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the palette' })).toHaveAttribute(
    'aria-valuenow',
    String(kept),
  );
  expect(Math.abs((await widthOf(page.locator('.palette-column'))) - kept)).toBeLessThanOrEqual(1);
});

test('dragging the bar above the preview gives the code most of the height, and the editor follows', async ({
  page,
}) => {
  const separator = page.getByTestId('resize-preview');
  await expect(separator).toHaveAttribute('role', 'separator');
  await expect(separator).toHaveAttribute('aria-orientation', 'horizontal');
  const code = page.locator('.preview .monaco-editor').first();
  await expect(code).toBeVisible();
  const codeBefore = await heightOf(code);
  const column = await heightOf(page.locator('.center-column'));

  const bar = (await separator.boundingBox())!;
  await page.mouse.move(bar.x + bar.width / 3, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width / 3, bar.y - 150, { steps: 5 });
  await page.mouse.move(bar.x + bar.width / 3, 0, { steps: 5 });
  await page.mouse.up();

  expect(await valueOf(separator)).toBe(85);
  await expect.poll(async () => heightOf(page.locator('.preview-slot'))).toBeGreaterThan(column * 0.8);
  // Monaco lays itself out again in the taller pane
  await expect.poll(async () => heightOf(code)).toBeGreaterThan(codeBefore + 150);
  // the canvas keeps a strip and still draws the design
  expect(await heightOf(page.getByTestId('canvas'))).toBeGreaterThan(60);
});

test('panels collapse and expand with their buttons, and stay collapsed after a reload', async ({ page }) => {
  const paletteToggle = page.getByRole('button', { name: 'Collapse the palette' });
  await paletteToggle.click();
  await expect(page.getByTestId('palette-nginx')).toBeHidden();
  const expandPalette = page.getByRole('button', { name: 'Expand the palette' });
  await expect(expandPalette).toHaveAttribute('aria-expanded', 'false');

  await page.getByRole('button', { name: 'Collapse the problems panel' }).click();
  await expect(page.getByTestId('problems')).toBeHidden();
  await page.getByRole('button', { name: 'Collapse the preview' }).click();
  await expect(page.getByTestId('files')).toBeHidden();
  const canvasCollapsed = await heightOf(page.getByTestId('canvas'));

  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('palette-nginx')).toBeHidden();
  await expect(page.getByTestId('problems')).toBeHidden();
  expect(Math.abs((await heightOf(page.getByTestId('canvas'))) - canvasCollapsed)).toBeLessThanOrEqual(2);

  await page.getByRole('button', { name: 'Expand the palette' }).click();
  await expect(page.getByTestId('palette-nginx')).toBeVisible();
  // Enter on a splitter restores its panel too
  await page.getByRole('separator', { name: 'Resize the preview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('files')).toBeVisible();
  await page.getByRole('separator', { name: 'Resize the problems panel' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('problems')).toBeVisible();
});

test('a broken stored layout falls back to the defaults', async ({ page }) => {
  for (const bad of ['{not json', '{"panels":{"palette":{"size":"huge","collapsed":"yes"}}}', '[]']) {
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PANELS_KEY, bad]);
    await page.reload();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByTestId('palette-nginx')).toBeVisible();
    await expect(page.getByRole('separator', { name: 'Resize the palette' })).toHaveAttribute(
      'aria-valuenow',
      '216',
    );
  }
});

test('the minimap pans the canvas when dragged, and hiding it survives a reload', async ({ page }) => {
  const minimap = page.locator('.react-flow__minimap');
  await expect(minimap).toBeVisible();
  await page.waitForTimeout(400);
  const before = await viewportTransform(page);
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 30, box.y + box.height / 2 - 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewportTransform(page)).not.toBe(before);

  await page.getByRole('button', { name: 'Hide the minimap' }).click();
  await expect(minimap).toBeHidden();
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('.react-flow__minimap')).toBeHidden();
  await page.getByRole('button', { name: 'Show the minimap' }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
});
