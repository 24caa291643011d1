import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseTemplate, freshEditor, moreAction } from './helpers';

const canvas = (page: Page) => page.getByTestId('canvas');
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function startEmpty(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('new-design').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  // Room for five cards side by side in the test window (zoomed out, cards show only their names).
  await page.locator('.react-flow__controls-zoomout').click();
}

async function loadTemplate(page: Page, id: string) {
  // A five-tier template fits whole at a readable zoom (card text 11 px on screen) in a wide window only.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await page.getByTestId(`template-${id}`).click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

async function drop(page: Page, kind: string, x: number, y: number) {
  const before = await page.locator(`.react-flow__node-${kind}`).count();
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: { x, y } });
  await expect(page.locator(`.react-flow__node-${kind}`)).toHaveCount(before + 1);
}

async function link(from: Locator, to: Locator) {
  await from.locator('.react-flow__handle.source').dragTo(to.locator('.react-flow__handle.target'));
}

/** Drag a node by its centre to a page point, with intermediate moves as a hand would. */
async function dragNodeTo(page: Page, target: Locator, x: number, y: number) {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 3 });
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.up();
}

async function savedDesign(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('save-design').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.stacksketch\.json$/);
  return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

test('builds the seed-000 stack by drag and drop and handle-to-handle connects', async ({ page }) => {
  await startEmpty(page);
  await drop(page, 'client', 70, 120);
  await drop(page, 'nginx', 260, 120);
  await drop(page, 'gunicorn', 460, 120);
  await drop(page, 'flask', 660, 120);
  await drop(page, 'sqlite', 460, 330);

  await link(node(page, 'client'), node(page, 'nginx'));
  await link(node(page, 'nginx'), node(page, 'gunicorn'));
  await link(node(page, 'gunicorn'), node(page, 'flask'));
  await link(node(page, 'flask'), node(page, 'sqlite'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge-text', { hasText: 'HTTP /' })).toHaveCount(1);
  await expect(page.locator('.react-flow__edge-text', { hasText: 'WSGI' })).toHaveCount(1);

  const design = await savedDesign(page);
  const byId = Object.fromEntries(design.nodes.map((n: { id: string }) => [n.id, n]));
  expect(Object.keys(byId).sort()).toEqual(['client', 'flask', 'gunicorn', 'nginx', 'sqlite']);
  expect(byId.client.container).toBeUndefined();
  expect(byId.nginx.container).toBe('web');
  expect([byId.gunicorn.container, byId.flask.container, byId.sqlite.container]).toEqual([
    'app',
    'app',
    'app',
  ]);
  expect(byId.gunicorn.props).toMatchObject({ transport: 'tcp', port: 8000, workers: 'auto' });
  expect(
    design.edges.map((e: { source: string; target: string; props?: unknown }) => [
      e.source,
      e.target,
      e.props,
    ]),
  ).toEqual([
    ['client', 'nginx', undefined],
    ['nginx', 'gunicorn', { route: '/' }],
    ['gunicorn', 'flask', undefined],
    ['flask', 'sqlite', undefined],
  ]);
  await expect(page.locator('[data-testid="problems"] [data-severity="error"]')).toHaveCount(0);
});

test('refuses a connection the matrix forbids and says why', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  const edges = await page.locator('.react-flow__edge').count();
  await link(node(page, 'db'), node(page, 'proxy'));
  await expect(
    page.locator('[role="status"]', { hasText: 'SQLite is a file that the app opens' }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges);
});

test('a connection released on a node body connects to that node, or says why it cannot', async ({
  page,
}) => {
  await startEmpty(page);
  await drop(page, 'client', 120, 150);
  await drop(page, 'nginx', 420, 150);
  await drop(page, 'sqlite', 420, 330);
  await node(page, 'client')
    .locator('.react-flow__handle.source')
    .dragTo(node(page, 'nginx').locator('.node-card'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await node(page, 'client')
    .locator('.react-flow__handle.source')
    .dragTo(node(page, 'sqlite').locator('.node-card'));
  await expect(
    page.locator('[role="status"]', { hasText: 'Only a Flask app or a Django app opens a SQLite file' }),
  ).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('moving a node into another frame changes its container; undo and redo', async ({ page }) => {
  await loadTemplate(page, 'react-nginx-gunicorn');
  await node(page, 'db').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('app');
  const web = (await page.getByTestId('frame-web').boundingBox())!;
  await dragNodeTo(page, node(page, 'db'), web.x + web.width / 2, web.y + web.height - 8);
  await node(page, 'db').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('web');
  await expect(node(page, 'db').locator('.node-badge-error')).toBeVisible();

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await node(page, 'db').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('app');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await node(page, 'db').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('web');
});

test('a plain dragTo onto a node in another frame moves the node into that service', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await node(page, 'db').dragTo(node(page, 'proxy'));
  await node(page, 'db').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('web');
  await expect(page.locator('[data-testid="problems"] [data-rule="sqlite-same-container"]')).not.toHaveCount(
    0,
  );
});

test('new frame puts the selection into a new service', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await node(page, 'db').click();
  await moreAction(page, 'new-frame');
  await expect(page.getByTestId('frame-service')).toBeVisible();
  await expect(page.getByTestId('prop-container')).toHaveValue('service');
});

test('dragging a frame by its name moves its nodes as one undo step', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  const before = (await node(page, 'api').boundingBox())!;
  const proxyBefore = (await node(page, 'proxy').boundingBox())!;
  const label = (await page.getByTestId('frame-name-app').boundingBox())!;
  await page.mouse.move(label.x + 10, label.y + label.height / 2);
  await page.mouse.down();
  await page.mouse.move(label.x + 10, label.y + 60, { steps: 4 });
  await page.mouse.move(label.x + 10, label.y + 120, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await node(page, 'api').boundingBox())!.y).toBeGreaterThan(before.y + 80);
  expect((await node(page, 'proxy').boundingBox())!.y).toBe(proxyBefore.y);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await node(page, 'api').boundingBox())!.y).toBe(before.y);
});

test('renaming a frame renames the service; an invalid name is refused inline', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('frame-name-app').dblclick();
  const input = page.getByTestId('frame-rename-app');
  await input.fill('Bad Name');
  await input.press('Enter');
  await expect(page.locator('.frame-rename .field-error')).toContainText('is not a Compose service name');
  await input.fill('backend');
  await input.press('Enter');
  await expect(page.getByTestId('frame-backend')).toBeVisible();
  await node(page, 'api').click();
  await expect(page.getByTestId('prop-container')).toHaveValue('backend');
});

test('the inspector edits props as single undo steps and keeps invalid text with its message', async ({
  page,
}) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await node(page, 'wsgi').click();
  const port = page.getByTestId('prop-port');
  await port.fill('');
  await port.pressSequentially('8001');
  const summary = node(page, 'wsgi').locator('.node-summary');
  await expect(summary).toHaveText(':8001');
  await page.getByTestId('prop-transport').selectOption('unix');
  await expect(summary).toHaveAttribute('title', '/run/gunicorn/gunicorn.sock');
  await page.getByTestId('prop-threads').fill('0');
  await expect(page.getByText('use a whole number from 1 to 64')).toBeVisible();
  await expect(page.getByTestId('prop-threads')).toHaveValue('0');

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(summary).toHaveText(':8001');
  await page.keyboard.press('Control+z');
  await expect(summary).toHaveText(':8000');

  await page.locator('.react-flow__edge[data-id="e2"] .react-flow__edge-textbg').click();
  await page.getByTestId('prop-route').fill('/api/');
  await expect(page.locator('.react-flow__edge-text', { hasText: 'HTTP /api/' })).toBeVisible();
  await page.getByTestId('prop-route').press('Control+z');
  await expect(page.getByTestId('prop-route')).toHaveValue('/');
  await page.getByTestId('prop-route').fill('api');
  await expect(page.getByTestId('inspector').getByText('a route must start with "/"')).toBeVisible();
  await expect(page.locator('[data-testid="problems"] [data-rule="invalid-route"]')).toHaveCount(1);
});

test('delete removes the selection; the design survives a reload', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('design-name').fill('restored-stack');
  await node(page, 'db').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'db')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('stacksketch:autosave') ?? ''))
    .toContain('"name": "restored-stack"');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('stacksketch:autosave') ?? ''))
    .not.toContain('"id": "db"');
  await page.reload();
  await expect(page.getByTestId('design-name')).toHaveValue('restored-stack');
  await expect(node(page, 'api')).toBeVisible();
  await expect(node(page, 'db')).toHaveCount(0);
});

test('a corrupt autosave is ignored with a notice', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem('stacksketch:autosave', '{"format":"stacksketch/v1","nodes":['),
  );
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('[role="status"]', { hasText: 'could not be read' })).toBeVisible();
});

test('a malformed file shows an alert and leaves the canvas exactly as it was', async ({ page }) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  const ids = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.dataset.id));
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.stacksketch.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"stacksketch/v1","nodes":[{"id":"a","kind":"mainframe"}]}'),
  });
  await expect(page.locator('[role="alert"]', { hasText: 'nodes[0].kind' })).toBeVisible();
  expect(await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.dataset.id))).toEqual(
    ids,
  );

  await page.getByTestId('import-file').setInputFiles({
    name: 'truncated.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "stacksketch/v1", "nodes": ['),
  });
  await expect(page.locator('[role="alert"]', { hasText: 'not valid JSON' })).toBeVisible();
  expect(await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.dataset.id))).toEqual(
    ids,
  );
});

test('loading over unsaved work asks first, and the replacement can be undone', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await page.getByTestId('palette-uwsgi').click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  await page.getByTestId('template-flask-dev-server').click();
  await page.getByTestId('confirm').click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-gunicorn')).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
});

test('copy, paste, duplicate, help dialog and theme toggle', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  await node(page, 'wsgi').click();
  await node(page, 'api').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'wsgi-2')).toBeVisible();
  await expect(node(page, 'api-2')).toBeVisible();
  await page.keyboard.press('Control+d');
  await expect(node(page, 'wsgi-3')).toBeVisible();
  await page.keyboard.press('Control+v');
  await expect(node(page, 'wsgi-4')).toBeVisible();
  await expectNoOverlaps(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('Keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await moreAction(page, 'color-mode');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the editor with a template loaded (README screenshot)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loadTemplate(page, 'react-nginx-gunicorn');
  await moreAction(page, 'auto-layout');
  await node(page, 'wsgi').click();
  await page.getByTestId('fit-view').click();
  await page.locator('.palette-column').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.getByTestId('frame-web')).toBeVisible();
  await expect(page.getByTestId('frame-app')).toBeVisible();
  await page.screenshot({ path: process.env.SCREENSHOT_OUT ?? testInfo.outputPath('editor.png') });
});

test('long names and settings are cut at the card edge with an ellipsis, the full text in the tooltip', async ({
  page,
}) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  const label = 'Customers on the public internet, mobile and desktop browsers';
  await node(page, 'browser').click();
  await page.getByTestId('prop-label').fill(label);
  const name = node(page, 'browser').locator('.node-name');
  await expect(name).toHaveAttribute('title', label);
  await expect(name).toHaveText(/…$/);
  const file = '/data/customers-on-the-public-internet/mobile-and-desktop/app.db';
  await node(page, 'db').click();
  await page.getByTestId('prop-file').fill(file);
  const summary = node(page, 'db').locator('.node-summary');
  await expect(summary).toHaveAttribute('title', file);
  await expect(summary).toHaveText(/…$/);
  // the drawn text ends inside the card: nothing clips it, so it must be short enough itself
  for (const [id, text] of [
    ['browser', name],
    ['db', summary],
  ] as const) {
    const textRight = await text.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return range.getBoundingClientRect().right;
    });
    const card = (await node(page, id).locator('.node-card').boundingBox())!;
    expect(textRight, `${id}'s text`).toBeLessThanOrEqual(card.x + card.width);
  }
});

test('a node dragged over another stays on top of it until it is dropped', async ({ page }) => {
  await loadTemplate(page, 'gunicorn-flask-sqlite');
  // `api` comes after `wsgi` in the design, so at rest it is drawn above it
  const from = (await node(page, 'wsgi').boundingBox())!;
  const over = (await node(page, 'api').boundingBox())!;
  const target = { x: over.x + over.width / 2, y: over.y + over.height / 2 };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  const topmost = () =>
    page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest<HTMLElement>('.react-flow__node')?.dataset.id,
      target,
    );
  expect(await topmost()).toBe('wsgi');
  await page.mouse.up();
});

test('click-add never piles cards up and never drops one into another service', async ({ page }) => {
  await freshEditor(page);
  await chooseTemplate(page, 'gunicorn-flask-sqlite');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  for (const kind of ['sqlite', 'sqlite', 'flask', 'nginx', 'client'])
    await page.getByTestId(`palette-${kind}`).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await expectNoOverlaps(page);
  // The added nginx keeps to its own default service, not the frame that was at the centre.
  const saved = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return JSON.parse(localStorage.getItem('stacksketch:autosave') ?? '{}') as {
      nodes: { id: string; kind: string; container?: string }[];
    };
  });
  const added = saved.nodes.filter((node) => !['proxy', 'wsgi', 'api', 'db', 'browser'].includes(node.id));
  expect(added.filter((node) => node.kind === 'sqlite').every((node) => node.container === 'app')).toBe(true);
});

/** No two cards on the canvas cover each other. */
async function expectNoOverlaps(page: Page) {
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((card) => {
      const rect = card.getBoundingClientRect();
      return {
        id: card.getAttribute('data-id'),
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
      };
    }),
  );
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
}
