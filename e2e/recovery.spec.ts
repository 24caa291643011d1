import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { autosaved, chooseTemplate, freshEditor } from './helpers';

// The crash is triggered through the test-only switch documented in SECURITY.md.
declare global {
  interface Window {
    __stacksketchCrashForTest?: boolean | string;
  }
}

/** The template with one edit of its own, saved: the design a crash must not lose. */
async function editedDesign(page: Page) {
  await chooseTemplate(page, 'uwsgi-unix-socket');
  await page.locator('.react-flow__node-uwsgi').click();
  await page.getByTestId('prop-protocol').selectOption('http');
  await expect.poll(async () => (await autosaved(page)) ?? '').toContain('"http"');
  await expect.poll(async () => (await autosaved(page)) ?? '').toContain('flask-uwsgi-socket');
}

test('a crash of the editor keeps the design, offers it as a file, and a reload brings it back', async ({
  page,
}) => {
  await freshEditor(page);
  await editedDesign(page);
  const before = await autosaved(page);

  await page.evaluate(() => {
    window.__stacksketchCrashForTest = true;
  });
  await page.locator('.react-flow__node-nginx').click();

  const crash = page.getByTestId('crash');
  await expect(crash).toBeVisible();
  await expect(crash).toHaveAttribute('role', 'alert');
  await expect(crash).toContainText('design is not lost');
  await expect(crash).toContainText('saved in this browser and comes back when you reload');
  await expect(page.getByTestId('canvas')).toHaveCount(0);
  expect(await autosaved(page)).toBe(before);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    crash.getByRole('button', { name: 'Download my design' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('flask-uwsgi-socket.stacksketch.json');
  const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(file.format).toBe('stacksketch/v2');
  expect(file.name).toBe('flask-uwsgi-socket');
  const uwsgi = file.nodes.find((node: { id: string }) => node.id === 'uwsgi');
  expect(uwsgi.props.protocol).toBe('http');
  expect(await autosaved(page)).toBe(before);

  // The switch lives in the page, so a reload clears it; the autosave restores the design.
  await crash.getByRole('button', { name: 'Reload' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('crash')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  await page.locator('.react-flow__node-uwsgi').click();
  await expect(page.getByTestId('prop-protocol')).toHaveValue('http');
});

for (const panel of ['preview', 'problems', 'inspector']) {
  test(`a crash in the ${panel} panel leaves the canvas working`, async ({ page }) => {
    await freshEditor(page);
    await editedDesign(page);
    const before = await autosaved(page);

    await page.evaluate((area) => {
      window.__stacksketchCrashForTest = area;
    }, panel);
    await page.locator('.react-flow__node-nginx').click();

    const crash = page.getByTestId(`crash-${panel}`);
    await expect(crash).toBeVisible();
    await expect(crash).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('crash')).toHaveCount(0);
    // The canvas still answers: the clicked node is selected, another click selects another.
    await expect(page.locator('.react-flow__node-nginx')).toHaveClass(/selected/);
    await page.locator('.react-flow__node-flask').click();
    await expect(page.locator('.react-flow__node-flask')).toHaveClass(/selected/);
    expect(await autosaved(page)).toBe(before);

    await page.evaluate(() => {
      delete window.__stacksketchCrashForTest;
    });
    await crash.getByRole('button', { name: 'Try again' }).click();
    await expect(crash).toHaveCount(0);
    if (panel === 'problems') {
      await expect(
        page.locator('[data-testid="problems"] [data-rule="uwsgi-pass-needs-socket"]'),
      ).toHaveCount(1);
    } else if (panel === 'inspector') {
      await expect(page.getByTestId('prop-module')).toBeVisible();
    } else {
      await expect(page.getByTestId('files')).toBeAttached();
    }
  });
}
