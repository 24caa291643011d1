import { expect, test } from '@playwright/test';

const COMPOSE = `services:
  web:
    image: nginx:1.25
    ports: ["80:80"]
    volumes: ["./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro"]
  app:
    image: python:3.12-slim
    command: flask --app app run --host 0.0.0.0 --port 5000
    ports: ["5000:5000"]
  db:
    image: mysql:8.0
`;
const NGINX = `server {
    listen 80;
    server_name localhost;
    location / {
        proxy_pass http://app:5000;
        proxy_cache off;
    }
}
`;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.keyboard.press('Escape');
});

test('importing a compose file and an nginx config opens a design the problems panel speaks about', async ({
  page,
}) => {
  // A change first, so the import asks before replacing unsaved work.
  await page.getByTestId('template-uwsgi-unix-socket').click();
  const confirmTemplate = page.getByTestId('confirm');
  if (await confirmTemplate.isVisible()) await confirmTemplate.click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);

  await page.getByTestId('import-configs').setInputFiles([
    { name: 'docker-compose.yml', mimeType: 'text/yaml', buffer: Buffer.from(COMPOSE) },
    { name: 'default.conf', mimeType: 'text/plain', buffer: Buffer.from(NGINX) },
  ]);
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();

  await expect(page.locator('.react-flow__node-flask')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-nginx')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(0);
  const problems = page.getByTestId('problems');
  await expect(problems.locator('[data-rule="app-server-exposed"]')).toHaveCount(1);
  await expect(problems.locator('[data-rule="flask-dev-server"]').first()).toBeVisible();

  const report = page.getByTestId('import-report');
  await expect(report).toContainText('mysql:8.0');
  await expect(report).toContainText('proxy_cache');
  await page.getByTestId('import-report-close').click();
  await expect(report).toHaveCount(0);
  await page.getByTestId('import-report-open').click();
  await expect(report).toContainText('docker-compose.yml:10');

  // One undo step brings the previous design back.
  await page.getByTestId('undo').click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
});

const CERTBOT_SITE = `server {
    server_name shop.example.com;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
    listen 443 ssl; # managed by Certbot
    ssl_certificate /etc/letsencrypt/live/shop.example.com/fullchain.pem; # managed by Certbot
    ssl_certificate_key /etc/letsencrypt/live/shop.example.com/privkey.pem; # managed by Certbot
    include /etc/letsencrypt/options-ssl-nginx.conf; # managed by Certbot
}
server {
    if ($host = shop.example.com) {
        return 301 https://$host$request_uri;
    } # managed by Certbot
    listen 80;
    server_name shop.example.com;
    return 404; # managed by Certbot
}
`;

test('importing a site certbot manages gives one nginx node on HTTPS, and the missing e-mail is a problem', async ({
  page,
}) => {
  await page
    .getByTestId('import-configs')
    .setInputFiles([{ name: 'shop.conf', mimeType: 'text/plain', buffer: Buffer.from(CERTBOT_SITE) }]);
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();

  const proxies = page.locator('.react-flow__node-nginx');
  await expect(proxies).toHaveCount(1);
  await expect(proxies).toContainText('https :443');
  await expect(page.getByTestId('problems').locator('[data-rule="tls-needs-email"]').first()).toBeVisible();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('options-ssl-nginx.conf');
  await expect(report).toContainText('shop.conf:7');
});
