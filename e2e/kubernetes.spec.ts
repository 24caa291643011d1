import { expect, test } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // A first-run welcome, if any, closes with Escape.
  await page.keyboard.press('Escape');
});

test('the kubernetes target: its rules in the problems panel, its quick fix, and k8s/ in the preview', async ({
  page,
}) => {
  await page.getByTestId('template-uwsgi-unix-socket').click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
  const problem = page.getByTestId('problems').locator('[data-rule="unix-socket-across-pods"]');
  await expect(problem).toHaveCount(0);

  await page.getByTestId('target').selectOption('kubernetes');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toContainText('Pods');
  await problem.getByTestId('quick-fix').click();
  await expect(problem).toHaveCount(0);
  await page.locator('.react-flow__node-uwsgi').click();
  await expect(page.getByTestId('prop-transport')).toHaveValue('tcp');

  const files = page.getByTestId('files');
  await expect(files.locator('[data-path="k8s/kustomization.yaml"]')).toHaveCount(1);
  await expect(files.locator('[data-path="k8s/statefulset-app.yaml"]')).toHaveCount(1);
  await expect(files.locator('[data-path="docker-compose.yml"]')).toHaveCount(0);
});
