import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/model/shareLink';
import { loadTemplate, type TemplateId } from '../src/model/templates';

const fragmentOf = (id: TemplateId) => encodeShareFragment(loadTemplate(id));
const idsOf = (id: TemplateId) =>
  loadTemplate(id)
    .nodes.map((node) => node.id)
    .sort();

async function nodeIds(scope: Page | FrameLocator): Promise<string[]> {
  const ids = await scope
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''));
  return ids.sort();
}

test('the embed shows the design read-only, loads no editor code and writes no storage', async ({ page }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const fragment = fragmentOf('react-nginx-gunicorn');
  await page.goto(`/embed.html#${fragment}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await nodeIds(page)).toEqual(idsOf('react-nginx-gunicorn'));
  expect(await page.locator('.react-flow__edge').count()).toBe(
    loadTemplate('react-nginx-gunicorn').edges.length,
  );
  await expect(page.locator('.react-flow__edge-text').first()).toBeVisible();
  await expect(page.locator('.embed-frame')).toHaveCount(2);

  // None draggable: no draggable class, and a drag moves nothing.
  expect(await page.locator('.react-flow__node.draggable').count()).toBe(0);
  const node = page.locator('.react-flow__node[data-id="proxy"]');
  const before = await node.boundingBox();
  await node.hover();
  await page.mouse.down();
  await page.mouse.move(before!.x + 150, before!.y + 120, { steps: 8 });
  await page.mouse.up();
  const after = await node.boundingBox();
  // The pane may pan with the pointer; the node must keep its place relative to the others.
  const other = page.locator('.react-flow__node[data-id="wsgi"]');
  const otherAfter = await other.boundingBox();
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const otherBeforeReload = await page.locator('.react-flow__node[data-id="wsgi"]').boundingBox();
  const beforeReload = await node.boundingBox();
  expect(Math.round(after!.x - otherAfter!.x)).toBe(Math.round(beforeReload!.x - otherBeforeReload!.x));
  expect(Math.round(after!.y - otherAfter!.y)).toBe(Math.round(beforeReload!.y - otherBeforeReload!.y));

  // Connecting and deleting are off.
  await node.click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  expect(await nodeIds(page)).toEqual(idsOf('react-nginx-gunicorn'));
  expect(await page.locator('.react-flow__handle.connectable').count()).toBe(0);

  expect(requests.filter((url) => /monaco|editor\.worker/i.test(url))).toEqual([]);
  expect(requests.every((url) => url.startsWith('http://127.0.0.1:'))).toBe(true);
  const storage = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
  expect(storage).toEqual({ local: 0, session: 0, cookie: '' });
  expect(problems).toEqual([]);

  const open = page.getByRole('link', { name: 'Open in StackSketch' });
  await expect(open).toHaveAttribute('href', `./index.html#${fragment}`);
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  const [editor] = await Promise.all([page.waitForEvent('popup'), open.click()]);
  await expect(editor.locator('[data-testid="canvas"] .react-flow__node').first()).toBeVisible();
  await expect
    .poll(() =>
      editor.locator('[data-testid="canvas"] .react-flow__node').evaluateAll((nodes) =>
        nodes
          .map((node) => node.getAttribute('data-id') ?? '')
          .filter(Boolean)
          .sort(),
      ),
    )
    .toEqual(idsOf('react-nginx-gunicorn'));
});

test('hovering or clicking a node shows its settings and diagnostics', async ({ page }) => {
  await page.goto(`/embed.html#${fragmentOf('flask-dev-server')}`);
  const flask = loadTemplate('flask-dev-server').nodes.find((node) => node.kind === 'flask')!;
  await page.locator(`.react-flow__node[data-id="${flask.id}"]`).hover();
  const info = page.getByTestId('embed-info');
  await expect(info).toContainText(flask.id);
  await expect(info).toContainText('Module');
  await expect(info.locator('[data-rule="flask-dev-server"]')).toBeVisible();
  await page.locator(`.react-flow__node[data-id="${flask.id}"]`).click();
  await page.mouse.move(2, 2);
  await expect(info).toContainText(flask.id);
});

test('two embeds on one page each show their own design', async ({ page, baseURL }) => {
  const a = fragmentOf('gunicorn-flask-sqlite');
  const b = fragmentOf('uwsgi-unix-socket');
  await page.route(`${baseURL}/wiki-page.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Wiki</title><h1>Architecture</h1>
        <iframe id="one" src="${baseURL}/embed.html#${a}" width="640" height="360" style="border:0" title="one"></iframe>
        <iframe id="two" src="${baseURL}/embed.html?theme=dark#${b}" width="600" height="300" style="border:0" title="two"></iframe>`,
    }),
  );
  await page.goto('/wiki-page.html');
  const one = page.frameLocator('#one');
  const two = page.frameLocator('#two');
  await expect(one.locator('.react-flow__node').first()).toBeVisible();
  await expect(two.locator('.react-flow__node').first()).toBeVisible();
  expect(await nodeIds(one)).toEqual(idsOf('gunicorn-flask-sqlite'));
  expect(await nodeIds(two)).toEqual(idsOf('uwsgi-unix-socket'));
  await expect(two.locator('.embed')).toHaveAttribute('data-theme', 'dark');
  await expect(one.locator('.embed')).not.toHaveAttribute('data-theme', 'dark');

  // Clicking in one embed shows details there only.
  await one.locator('.react-flow__node[data-id="wsgi"]').click();
  await expect(one.getByTestId('embed-info')).toBeVisible();
  await expect(two.getByTestId('embed-info')).toHaveCount(0);

  // Each fits its own frame: every node lies inside the iframe box.
  for (const [frame, id] of [
    ['#one', 'gunicorn-flask-sqlite'],
    ['#two', 'uwsgi-unix-socket'],
  ] as const) {
    const box = (await page.locator(frame).boundingBox())!;
    for (const nodeId of idsOf(id)) {
      const nodeBox = (await page
        .frameLocator(frame)
        .locator(`.react-flow__node[data-id="${nodeId}"]`)
        .boundingBox())!;
      expect(nodeBox.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(nodeBox.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(nodeBox.x + nodeBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(nodeBox.y + nodeBox.height).toBeLessThanOrEqual(box.y + box.height + 1);
    }
  }
});

test('the embed refits when its frame is resized', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.goto(`/embed.html#${fragmentOf('react-nginx-gunicorn')}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // the smallest frame this design fits with readable titles (narrower, it is panned instead)
  await page.setViewportSize({ width: 620, height: 300 });
  const last = page.locator('.react-flow__node[data-id="db"]');
  await expect
    .poll(async () => {
      const box = await last.boundingBox();
      return box !== null && box.x + box.width <= 621 && box.x >= -1;
    })
    .toBe(true);
});

for (const [what, hash] of [
  ['a tampered fragment', `s1.${'A'.repeat(40)}`],
  ['a newer format', fragmentOf('gunicorn-flask-sqlite').replace(/^s1\./, 's2.')],
  ['markup in the fragment', 's1.<img src=x onerror=alert(1)>'],
  ['no fragment', ''],
] as const) {
  test(`the embed shows an alert for ${what}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/embed.html${hash ? `#${hash}` : ''}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await expect(page.locator('img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
}

test('labels from the fragment are shown as text, never as markup', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const base = loadTemplate('gunicorn-flask-sqlite');
  const design = {
    ...base,
    name: hostile,
    nodes: base.nodes.map((node) => (node.kind === 'client' ? { ...node, props: { label: hostile } } : node)),
  };
  await page.goto(`/embed.html#${encodeShareFragment(design)}`);
  const client = page.locator('.react-flow__node[data-id="browser"]');
  await expect(client).toContainText(hostile);
  await expect(page.locator('.embed-title')).toContainText(hostile);
  await client.hover();
  await expect(page.getByTestId('embed-info')).toContainText(hostile);
  await expect(page.locator('img, script:not([src])')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
