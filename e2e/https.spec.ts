import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate, freshEditor } from './helpers';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** The text of the preview's Monaco model for a bundle path (read from the model, not the DOM). */
function modelText(page: Page, path: string): Promise<string | null> {
  return page.evaluate((bundlePath) => {
    const monaco = window.__stacksketchMonaco;
    const model = monaco?.editor.getModels().find((candidate) => candidate.uri.path === `/${bundlePath}`);
    return model ? model.getValue() : null;
  }, path);
}

/** Which of the HTTPS fields the inspector shows. */
async function httpsFields(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const name of ['httpsPort', 'redirectHttp', 'hsts', 'email', 'certFile', 'keyFile'])
    if ((await page.getByTestId(`prop-${name}`).count()) > 0) shown.push(name);
  return shown;
}

test.beforeEach(async ({ page }) => {
  await freshEditor(page);
});

test('HTTPS in the inspector: each mode shows only its fields, the edge says HTTPS, the card a lock, nginx listens with ssl', async ({
  page,
}) => {
  await chooseTemplate(page, 'gunicorn-flask-sqlite');
  const httpsLabel = page.locator('.react-flow__edge-text', { hasText: /^HTTPS$/ });
  await expect(node(page, 'proxy').getByTestId('node-lock')).toHaveCount(0);
  await expect(httpsLabel).toHaveCount(0);

  await node(page, 'proxy').click();
  const tls = page.getByTestId('prop-tls');
  await expect(tls).toHaveValue('off');
  expect(await httpsFields(page)).toEqual([]);

  await tls.selectOption('self-signed');
  await expect(page.getByTestId('prop-httpsPort')).toHaveValue('443');
  expect(await httpsFields(page)).toEqual(['httpsPort', 'redirectHttp', 'hsts']);
  await expect(node(page, 'proxy').getByTestId('node-lock')).toBeVisible();
  await expect(httpsLabel).toHaveCount(1);

  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toMatch(/listen 443 ssl http2;/);
  expect(await modelText(page, 'web/nginx.conf')).toMatch(/return 301 https:\/\/\$host\$request_uri;/);

  await tls.selectOption('files');
  await expect(page.getByTestId('prop-certFile')).toBeVisible();
  expect(await httpsFields(page)).toEqual(['httpsPort', 'redirectHttp', 'hsts', 'certFile', 'keyFile']);

  await tls.selectOption('letsencrypt');
  await expect(page.getByTestId('prop-email')).toBeVisible();
  expect(await httpsFields(page)).toEqual(['httpsPort', 'redirectHttp', 'hsts', 'email']);
  // "localhost" cannot get a public certificate, and certbot needs an address for expiry notices.
  const problems = page.getByTestId('problems');
  await expect(problems.locator('[data-rule="tls-needs-domain"]')).toHaveCount(1);
  await expect(problems.locator('[data-rule="tls-needs-email"]')).toHaveCount(1);

  // A port of its own follows into the preview; off again takes every HTTPS trace away.
  const port = page.getByTestId('prop-httpsPort');
  await port.fill('8443');
  await port.press('Tab');
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toMatch(/listen 8443 ssl http2;/);
  await tls.selectOption('off');
  expect(await httpsFields(page)).toEqual([]);
  await expect(node(page, 'proxy').getByTestId('node-lock')).toHaveCount(0);
  await expect(httpsLabel).toHaveCount(0);
  await expect.poll(() => modelText(page, 'web/nginx.conf')).not.toMatch(/ ssl/);
});

test('the https-letsencrypt template arrives secured: lock, HTTPS edge, its e-mail field and no problems', async ({
  page,
}) => {
  await chooseTemplate(page, 'https-letsencrypt');
  await expect(node(page, 'proxy').getByTestId('node-lock')).toBeVisible();
  await expect(page.locator('.react-flow__edge-text', { hasText: /^HTTPS$/ })).toHaveCount(1);
  await node(page, 'proxy').click();
  await expect(page.getByTestId('prop-tls')).toHaveValue('letsencrypt');
  expect(await httpsFields(page)).toEqual(['httpsPort', 'redirectHttp', 'hsts', 'email']);
  await expect(page.getByTestId('prop-email')).not.toHaveValue('');
  await expect(page.getByTestId('problems').locator('[data-severity="error"]')).toHaveCount(0);
  await page.getByTestId('files').locator('[data-path="web/nginx.conf"]').click();
  await expect.poll(() => modelText(page, 'web/nginx.conf')).toMatch(/listen 443 ssl http2;/);
  // Port 80 keeps serving the ACME challenge for certbot's renewals.
  expect(await modelText(page, 'web/nginx.conf')).toMatch(/location \^~ \/\.well-known\/acme-challenge\//);
});
