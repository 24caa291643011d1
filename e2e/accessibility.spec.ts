import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/model/shareLink';
import { loadTemplate } from '../src/model/templates';
import { chooseTemplate, freshEditor } from './helpers';

/**
 * axe-core on the editor, its panels and dialogs and the embed, in both colour themes: no violation of
 * impact serious or critical.
 */

async function expectAccessible(page: Page, what: string, scope?: string) {
  const builder = new AxeBuilder({ page });
  if (scope) builder.include(scope);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n  ')}`,
    );
  expect(serious, `${what}:\n${serious.join('\n')}`).toEqual([]);
}

/** The flask-dev-server template (it has problems) with a node selected, in a colour scheme. */
async function editorWithTemplate(page: Page, colorScheme: 'light' | 'dark') {
  await freshEditor(page);
  await chooseTemplate(page, 'flask-dev-server');
  await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
  await expect(page.locator('[data-testid="problems"] [data-rule]').first()).toBeVisible();
  await expect(page.getByTestId('outline')).toBeVisible();
  await expect(page.locator('.preview-loading')).toHaveCount(0);
  // A selected node shows the inspector with its fields.
  await page.locator('.react-flow__node[data-id="proxy"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-id')).toBeVisible();
}

// axe walks every element of the editor (Monaco included): slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the editor with a template: canvas, palette, outline, inspector, problems, preview', async ({
      page,
    }) => {
      await editorWithTemplate(page, colorScheme);
      await expectAccessible(page, 'editor');
    });

    test('the dialogs: help, share, embed, connect, confirm, import report', async ({ page }) => {
      await editorWithTemplate(page, colorScheme);
      const proxy = page.locator('.react-flow__node[data-id="proxy"]');

      await page.getByTestId('help').click();
      await expect(page.getByTestId('help-dialog')).toBeVisible();
      await expectAccessible(page, 'help dialog', '[data-testid="help-dialog"]');
      await page.keyboard.press('Escape');

      await page.getByTestId('share').click();
      await expect(page.getByTestId('share-dialog')).toBeVisible();
      await expectAccessible(page, 'share dialog', '[data-testid="share-dialog"]');
      await page.getByTestId('share-close').click();

      await page.getByTestId('embed').click();
      await expect(page.getByTestId('embed-dialog')).toBeVisible();
      await expectAccessible(page, 'embed dialog', '[data-testid="embed-dialog"]');
      await page.getByTestId('share-close').click();

      await proxy.focus();
      await page.keyboard.press('c');
      await expect(page.getByTestId('connect-dialog')).toBeVisible();
      await expectAccessible(page, 'connect dialog', '[data-testid="connect-dialog"]');
      await page.keyboard.press('Escape');

      // An unsaved change makes loading a template ask first.
      await proxy.focus();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('template-gunicorn-flask-sqlite').click();
      await expect(page.getByTestId('confirm')).toBeVisible();
      await expectAccessible(page, 'confirm dialog', '[role="dialog"]');
      await page.getByTestId('cancel').click();

      await page.getByTestId('import-configs').setInputFiles({
        name: 'nginx.conf',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          'server {\n  listen 80;\n  mystery_directive on;\n  location / { proxy_pass http://app:8000; }\n}\n',
        ),
      });
      const confirm = page.getByTestId('confirm');
      await expect(confirm.or(page.getByTestId('import-report')).first()).toBeVisible();
      if (await confirm.isVisible()) await confirm.click();
      await expect(page.getByTestId('import-report')).toBeVisible();
      await expectAccessible(page, 'import report', '[data-testid="import-report"]');
    });

    test('the embed viewer', async ({ page }) => {
      await page.goto(`/embed.html#${encodeShareFragment(loadTemplate('flask-dev-server'))}`);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      await expectAccessible(page, 'embed');
    });
  });
}
