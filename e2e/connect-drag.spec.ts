import { expect, test, type Page } from '@playwright/test';
import { freshEditor } from './helpers';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function centreOf(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drop a palette piece on the canvas at a point. */
async function drop(page: Page, kind: string, x: number, y: number) {
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
  await expect(node(page, kind)).toBeVisible();
}

/** Press on the proxy's source handle and start moving, as a hand starts a connection. */
async function startConnectionFromProxy(page: Page) {
  const handle = await centreOf(page, '.react-flow__node[data-id="nginx"] .react-flow__handle.source');
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(handle.x + 20, handle.y + 10, { steps: 4 });
}

test.describe('dragging a connection', () => {
  test.beforeEach(async ({ page }) => {
    // Unconnected pieces: nginx may call Gunicorn and Flask, never SQLite or the client.
    await freshEditor(page);
    await page.getByTestId('new-design').click();
    const confirm = page.getByTestId('confirm');
    if (await confirm.isVisible()) await confirm.click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.locator('.react-flow__controls-zoomout').click();
    await drop(page, 'client', 100, 120);
    await drop(page, 'nginx', 380, 120);
    await drop(page, 'gunicorn', 660, 120);
    await drop(page, 'sqlite', 380, 330);
  });

  test('highlights the nodes that accept it, and only those', async ({ page }) => {
    await startConnectionFromProxy(page);
    await expect(node(page, 'gunicorn')).toHaveClass(/is-connect-target/);
    await expect(node(page, 'sqlite')).not.toHaveClass(/is-connect-target/);
    await expect(node(page, 'client')).not.toHaveClass(/is-connect-target/);
    await expect(node(page, 'nginx')).not.toHaveClass(/is-connect-target/);
    await page.mouse.up();
    await expect(page.locator('.react-flow__node.is-connect-target')).toHaveCount(0);
  });

  test('says why a target is refused while hovering it, before the drop', async ({ page }) => {
    await startConnectionFromProxy(page);
    const sqlite = await centreOf(page, '.react-flow__node[data-id="sqlite"]');
    await page.mouse.move(sqlite.x, sqlite.y, { steps: 8 });
    const status = page.getByTestId('connect-refusal');
    await expect(status).toBeVisible();
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toContainText('opens a SQLite file');
    const gunicorn = await centreOf(page, '.react-flow__node[data-id="gunicorn"]');
    await page.mouse.move(gunicorn.x, gunicorn.y, { steps: 8 });
    await expect(status).toHaveCount(0);
    await page.mouse.up();
  });

  test('says it in Korean too, while hovering and in the toast after the drop', async ({ page }) => {
    await page.getByTestId('language').selectOption('ko');
    await startConnectionFromProxy(page);
    const sqlite = await centreOf(page, '.react-flow__node[data-id="sqlite"]');
    await page.mouse.move(sqlite.x, sqlite.y, { steps: 8 });
    const status = page.getByTestId('connect-refusal');
    await expect(status).toContainText('만들 수 없는 연결입니다');
    await expect(status).toContainText('nginx → SQLite: SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다.');
    await expect(status).not.toContainText(/is not a connection|Only|opens/);
    await page.mouse.up();
    const toast = page.getByTestId('toast');
    await expect(toast).toContainText('SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다.');
    await expect(toast).not.toContainText(/is not a connection|Only|opens/);
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  });

  test('says why in the toast when a refused connection is dropped', async ({ page }) => {
    await startConnectionFromProxy(page);
    const sqlite = await centreOf(page, '.react-flow__node[data-id="sqlite"]');
    await page.mouse.move(sqlite.x, sqlite.y, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('toast')).toContainText(
      'Cannot connect "nginx" → "sqlite": nginx → SQLite is not a connection: Only a Flask app or a Django app opens a SQLite file.',
    );
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  });
});
