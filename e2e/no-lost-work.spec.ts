import { expect, test, type Page } from '@playwright/test';
import { autosaved, chooseTemplate, freshEditor, openEditor } from './helpers';

/** The uWSGI template with its protocol switched to http: one edit of the user's own, autosaved. */
async function editAndWait(page: Page) {
  await chooseTemplate(page, 'uwsgi-unix-socket');
  await page.locator('.react-flow__node-uwsgi').click();
  await page.getByTestId('prop-protocol').selectOption('http');
  await expect.poll(() => autosaved(page)).toContain('"protocol": "http"');
  // The history is written with the design (same debounce); give it its turn.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('stacksketch:autosave-history') ?? ''))
    .toContain('"dirty":true');
}

test('undo works after a reload: the history is saved with the design', async ({ page }) => {
  await freshEditor(page);
  await editAndWait(page);
  await page.reload();
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__node-uwsgi').click();
  await expect(page.getByTestId('prop-protocol')).toHaveValue('http');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.locator('.react-flow__node-uwsgi').click();
  await expect(page.getByTestId('prop-protocol')).toHaveValue('uwsgi');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('prop-protocol')).toHaveValue('http');
});

test('after a reload, replacing unsaved work with a template still asks, and "no" keeps it', async ({
  page,
}) => {
  await freshEditor(page);
  await editAndWait(page);
  await page.reload();
  await page.keyboard.press('Escape');
  await page.getByTestId('template-gunicorn-flask-sqlite').click();
  const confirm = page.getByTestId('confirm');
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-gunicorn')).toHaveCount(0);
  expect(await autosaved(page)).toContain('"protocol": "http"');
});

test("an idle tab notices another tab's autosave at once, before it saves anything itself", async ({
  context,
}) => {
  const first = await openEditor(context);
  await first.evaluate(() => localStorage.clear());
  const second = await openEditor(context);
  await expect(second.getByTestId('tab-conflict')).toHaveCount(0);
  await chooseTemplate(first, 'uwsgi-unix-socket');
  await expect.poll(() => autosaved(first)).toContain('flask-uwsgi-socket');
  // The second tab has done nothing: the storage event alone raises its banner.
  await expect(second.getByTestId('tab-conflict')).toBeVisible();
  await expect(first.getByTestId('tab-conflict')).toHaveCount(0);
  await second.getByTestId('load-other-tab').click();
  await expect(second.locator('.react-flow__node-uwsgi')).toHaveCount(1);
});
