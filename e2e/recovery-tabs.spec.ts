import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { AUTOSAVE_KEY, chooseTemplate, openEditor } from './helpers';

declare global {
  interface Window {
    __stacksketchCrashForTest?: boolean | string;
  }
}

function savedName(page: Page): Promise<string | null> {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as { name: string }).name;
  }, AUTOSAVE_KEY);
}

/** Two tabs of the same browser: the first saves the uWSGI template, then the second edits its own design. */
async function twoTabsInConflict(context: BrowserContext) {
  const first = await openEditor(context);
  await first.evaluate(() => localStorage.clear());
  const second = await openEditor(context);

  await chooseTemplate(first, 'uwsgi-unix-socket');
  await expect.poll(() => savedName(first)).toBe('flask-uwsgi-socket');

  await chooseTemplate(second, 'gunicorn-flask-sqlite');
  await expect(second.locator('.react-flow__node-gunicorn')).toHaveCount(1);
  const banner = second.getByTestId('tab-conflict');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  // The second tab held its save back: the first tab's design is still the saved one.
  expect(await savedName(second)).toBe('flask-uwsgi-socket');
  await expect(first.getByTestId('tab-conflict')).toHaveCount(0);
  return { first, second, banner };
}

test("a second tab does not overwrite the first tab's autosave and can load it", async ({ context }) => {
  const { first, second, banner } = await twoTabsInConflict(context);

  // Further edits in the paused tab are not saved either.
  await second.locator('.react-flow__node-gunicorn').click();
  await second.getByTestId('prop-port').fill('8001');
  await second.getByTestId('prop-port').press('Tab');
  await expect(banner).toBeVisible();
  expect(await savedName(second)).toBe('flask-uwsgi-socket');

  await banner.getByRole('button', { name: "Load the other tab's design" }).click();
  await expect(banner).toHaveCount(0);
  await expect(second.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  await expect(second.locator('.react-flow__node-gunicorn')).toHaveCount(0);

  // Autosave resumes in the second tab: its next edit is saved.
  await second.locator('.react-flow__node-uwsgi').click();
  await second.getByTestId('prop-protocol').selectOption('http');
  await expect
    .poll(() => second.evaluate((key) => localStorage.getItem(key) ?? '', AUTOSAVE_KEY))
    .toContain('"protocol": "http"');

  // Now the first tab is the one behind: its next edit raises the banner there instead of overwriting.
  await chooseTemplate(first, 'flask-dev-server');
  await expect(first.getByTestId('tab-conflict')).toBeVisible();
  expect(await savedName(first)).toBe('flask-uwsgi-socket');
});

test("keeping this tab's design overwrites the other only after confirmation", async ({ context }) => {
  const { first, second, banner } = await twoTabsInConflict(context);

  await banner.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
  await second.getByTestId('cancel').click();
  await expect(banner).toBeVisible();
  expect(await savedName(second)).toBe('flask-uwsgi-socket');

  await banner.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
  await second.getByTestId('confirm').click();
  await expect(banner).toHaveCount(0);
  await expect.poll(() => savedName(second)).toBe('flask-gunicorn-sqlite');

  // The first tab still shows its own design and is warned before its next save.
  await expect(first.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  await first.locator('.react-flow__node-uwsgi').click();
  await first.getByTestId('prop-protocol').selectOption('http');
  await expect(first.getByTestId('tab-conflict')).toBeVisible();
  expect(await savedName(first)).toBe('flask-gunicorn-sqlite');

  // Its unsaved edit lives only on screen now, so closing the tab asks first.
  const dialog = first.waitForEvent('dialog');
  await first.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe('beforeunload');
  await (await dialog).dismiss();
  await expect(first.getByTestId('tab-conflict')).toBeVisible();
});

test('a crash in a paused tab says its changes are not autosaved and still offers them', async ({
  context,
}) => {
  const { second } = await twoTabsInConflict(context);
  await second.evaluate(() => {
    window.__stacksketchCrashForTest = true;
  });
  await second.locator('.react-flow__node-gunicorn').click();

  const crash = second.getByTestId('crash');
  await expect(crash).toContainText('not in this browser’s autosave');
  expect(await savedName(second)).toBe('flask-uwsgi-socket');
  const [download] = await Promise.all([
    second.waitForEvent('download'),
    crash.getByRole('button', { name: 'Download my design' }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.name).toBe('flask-gunicorn-sqlite');
  expect(file.nodes.map((node: { kind: string }) => node.kind)).toContain('gunicorn');
});
