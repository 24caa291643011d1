import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';

/**
 * The editor without a mouse: every step below is a key press on an element reached by focus, never a
 * click, a hover or a drag.
 */

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function press(page: Page, testId: string, key = 'Enter') {
  await page.getByTestId(testId).focus();
  await page.keyboard.press(key);
}

/** An empty canvas, reached with the keyboard (and a confirmation, if the editor asks). */
async function emptyCanvasByKeyboard(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await press(page, 'new-design');
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) {
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** C on a focused node, then Enter on one of the listed choices. */
async function connectByKeyboard(page: Page, from: string, to: string) {
  await node(page, from).focus();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('button').first()).toBeFocused();
  await dialog.getByTestId(`connect-to-${to}`).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(node(page, from)).toBeFocused();
}

test('builds the seed-000 stack with the keyboard alone and downloads its zip', async ({ page }) => {
  await emptyCanvasByKeyboard(page);
  for (const kind of ['client', 'nginx', 'gunicorn', 'flask', 'sqlite']) {
    await press(page, `palette-${kind}`);
    await expect(page.locator(`.react-flow__node-${kind}`)).toHaveCount(1);
  }
  // Keyboard adds never pile cards up.
  const boxes = await page
    .locator('.react-flow__node')
    .evaluateAll((all) => all.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
  for (const [index, box] of boxes.entries())
    for (const other of boxes.slice(index + 1))
      expect(
        box.right <= other.left ||
          other.right <= box.left ||
          box.bottom <= other.top ||
          other.bottom <= box.top,
      ).toBe(true);

  await connectByKeyboard(page, 'client', 'nginx');
  await connectByKeyboard(page, 'nginx', 'gunicorn');
  await connectByKeyboard(page, 'gunicorn', 'flask');
  // The other direction: from the database, choose what calls it.
  await node(page, 'sqlite').focus();
  await page.keyboard.press('c');
  await page.getByTestId('connect-from-flask').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge[aria-label="nginx → gunicorn: HTTP /"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[aria-label="gunicorn → flask: WSGI"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="problems"] [data-severity="error"]')).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await press(page, 'download-zip');
  const download = await downloading;
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const folder = download.suggestedFilename().replace(/\.zip$/, '');
  const files = Object.keys(zip.files).filter((path) => !zip.files[path]!.dir);
  for (const expected of [
    'docker-compose.yml',
    'web/nginx.conf',
    'app/Dockerfile',
    'app/gunicorn.conf.py',
    'app/requirements.txt',
    'design.json',
  ])
    expect(files).toContain(`${folder}/${expected}`);
  const design = JSON.parse(await zip.file(`${folder}/design.json`)!.async('string'));
  expect(
    design.edges.map((edge: { source: string; target: string }) => `${edge.source}→${edge.target}`),
  ).toEqual(['client→nginx', 'nginx→gunicorn', 'gunicorn→flask', 'flask→sqlite']);
  expect(
    Object.fromEntries(design.nodes.map((n: { id: string; container?: string }) => [n.id, n.container])),
  ).toEqual({ client: undefined, nginx: 'web', gunicorn: 'app', flask: 'app', sqlite: 'app' });
});

test('select, move, rename, connect from the outline and delete with the keyboard', async ({ page }) => {
  await emptyCanvasByKeyboard(page);
  await press(page, 'palette-gunicorn');
  await press(page, 'palette-flask');

  // A focused node says what it is; Enter selects it.
  const gunicorn = node(page, 'gunicorn');
  await gunicorn.focus();
  await expect(gunicorn).toHaveAttribute('aria-label', /^Gunicorn gunicorn: :8000$/);
  await page.keyboard.press('Enter');
  await expect(gunicorn).toHaveClass(/selected/);
  const before = await gunicorn.boundingBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect
    .poll(async () => (await gunicorn.boundingBox())!.y - before!.y, { timeout: 5000 })
    .toBeGreaterThan(0);
  const after = (await gunicorn.boundingBox())!;
  expect(after.x).toBeGreaterThan(before!.x);
  // The presses of one run are one undo step.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await gunicorn.boundingBox())!.x).toBeCloseTo(before!.x, 0);

  // C without a connectable partner in one direction says so; Escape gives the focus back.
  await gunicorn.focus();
  await page.keyboard.press('c');
  const dialog = page.getByTestId('connect-dialog');
  await expect(dialog.getByTestId('connect-to-flask')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(gunicorn).toBeFocused();

  // F2 renames through the inspector's id field.
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('node-id')).toBeFocused();
  await page.keyboard.type('wsgi');
  await page.keyboard.press('Enter');
  await expect(node(page, 'wsgi')).toHaveCount(1);

  await connectByKeyboard(page, 'wsgi', 'flask');
  // The outline lists the connection; Enter there focuses the edge on the canvas, Delete removes it.
  const outline = page.getByTestId('outline');
  const call = outline.locator('[data-outline-edge]');
  await expect(call).toHaveText('→ flask: WSGI');
  await call.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toBeFocused();
  await expect(page.locator('.react-flow__edge')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // Enter on a node of the outline focuses it on the canvas; Delete removes it.
  await outline.locator('[data-outline-node="flask"]').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'flask')).toBeFocused();
  await expect(node(page, 'flask')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(node(page, 'flask')).toHaveCount(0);
  await expect(outline.locator('[data-outline-node]')).toHaveCount(1);

  // A quick fix of the problems panel, applied with Enter.
  const fix = page.locator('[data-testid="problems"] [data-testid="quick-fix"]').first();
  await expect(fix).toBeVisible();
  const rule = await fix.locator('xpath=ancestor::*[@data-rule][1]').getAttribute('data-rule');
  const problems = page.locator(`[data-testid="problems"] [data-rule="${rule}"]`);
  const problemsBefore = await problems.count();
  await fix.focus();
  await page.keyboard.press('Enter');
  await expect(problems).toHaveCount(problemsBefore - 1);
});

test('Tab walks the nodes, never an edge first: the edges are reached through the outline', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const order = await page
    .locator('.react-flow [tabindex]')
    .evaluateAll((all) =>
      all
        .filter((element) => (element as HTMLElement).tabIndex >= 0)
        .map((element) =>
          element.classList.contains('react-flow__edge')
            ? 'edge'
            : element.classList.contains('react-flow__node')
              ? 'node'
              : 'other',
        ),
    );
  expect(order.filter((what) => what === 'edge')).toEqual([]);
  expect(order.filter((what) => what === 'node').length).toBeGreaterThan(0);
});
