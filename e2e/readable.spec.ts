import { expect, test, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/model/shareLink';
import { loadTemplate, TEMPLATE_IDS } from '../src/model/templates';
import { chooseTemplate, freshEditor } from './helpers';

const READABLE_PX = 11;

interface TextSizes {
  zoom: number;
  /** every visible text on the canvas with its size on screen (font size × zoom), smallest first */
  texts: { text: string; px: number }[];
}

/**
 * The zoom of the canvas (from `.react-flow__viewport`'s transform) and the on-screen size of every
 * visible text in the nodes and the edge labels.
 */
function textSizes(page: Page): Promise<TextSizes> {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const holders = document.querySelectorAll('.react-flow__node *, .react-flow__edge-textwrapper *');
    const texts = [...holders]
      .filter((element) =>
        [...element.childNodes].some(
          (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim(),
        ),
      )
      .filter((element) => element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions))
      .filter((element) => element.getBoundingClientRect().width > 0)
      .map((element) => ({
        text: element.textContent!.trim(),
        px: Number.parseFloat(getComputedStyle(element).fontSize) * zoom,
      }))
      .sort((a, b) => a.px - b.px);
    return { zoom, texts };
  });
}

/** Wait until the view stops moving (the fit runs a moment after a load or a layout). */
async function settledSizes(page: Page): Promise<TextSizes> {
  let previous = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const transform = await page
      .locator('.react-flow__viewport')
      .evaluate((element) => element.style.transform);
    if (transform === previous) break;
    previous = transform;
    await page.waitForTimeout(150);
  }
  return textSizes(page);
}

function expectReadable(sizes: TextSizes, where: string): void {
  expect(sizes.texts.length, `${where}: some text is visible`).toBeGreaterThan(0);
  const smallest = sizes.texts[0]!;
  expect(
    smallest.px,
    `${where}: “${smallest.text}” is ${smallest.px.toFixed(1)} px on screen at zoom ${sizes.zoom}`,
  ).toBeGreaterThanOrEqual(READABLE_PX - 0.01);
}

for (const viewport of [
  { width: 1600, height: 1000 },
  { width: 1366, height: 768 },
]) {
  test(`every template is readable at ${viewport.width}×${viewport.height} after load and after auto-layout`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await freshEditor(page);
    for (const id of TEMPLATE_IDS) {
      await chooseTemplate(page, id);
      await expect(page.locator('.react-flow__node')).toHaveCount(loadTemplate(id).nodes.length);
      const loaded = await settledSizes(page);
      expectReadable(loaded, `${id} after load`);
      // the details are there: the key setting of each card shows
      await expect(page.locator('.react-flow__node .node-summary').first()).toBeVisible();

      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Shift+L');
      expectReadable(await settledSizes(page), `${id} after auto-layout`);
    }
  });
}

test('zoomed out by hand, cards show only their titles, still readable', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshEditor(page);
  await chooseTemplate(page, 'load-balanced-gunicorn');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await settledSizes(page);
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 12; step += 1) await page.mouse.wheel(0, 400);
  const far = await settledSizes(page);
  expect(far.zoom).toBeLessThan(0.6);
  expectReadable(far, 'zoomed out');
  await expect(page.locator('.react-flow')).toHaveClass(/is-zoomed-out/);
  await expect(page.locator('.react-flow__node .node-summary').first()).toBeHidden();
  await expect(page.locator('.react-flow__node .node-name').first()).toBeVisible();

  // fitting again brings the details back
  await page.keyboard.press('f');
  const fitted = await settledSizes(page);
  expectReadable(fitted, 'fitted');
  await expect(page.locator('.react-flow__node .node-summary').first()).toBeVisible();
});

test('an 800×400 embed of every template shows no text too small to read', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 400 });
  for (const id of TEMPLATE_IDS) {
    await page.goto(`/embed.html#${encodeShareFragment(loadTemplate(id))}`);
    await expect(page.locator('.react-flow__node')).toHaveCount(loadTemplate(id).nodes.length);
    expectReadable(await settledSizes(page), `embed of ${id}`);
  }
});
