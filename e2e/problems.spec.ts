import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate } from './helpers';

const RULE = 'uwsgi-pass-needs-socket';

async function loadTemplate(page: Page, id: string) {
  await page.getByTestId(`template-${id}`).click();
  // Replacing a design may ask first; the confirming button is data-testid="confirm".
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveCount(1);
}

/** React Flow's edge element for the nginx → uWSGI edge (source proxy, target uwsgi in the template). */
function uwsgiEdge(page: Page) {
  return page.locator('.react-flow__edge[data-id="e2"]');
}

/** How far (in screen pixels) the midpoint of the nginx and uWSGI nodes is from the canvas centre. */
async function pairOffCentre(page: Page): Promise<number> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const nginx = (await page.locator('.react-flow__node-nginx').boundingBox())!;
  const uwsgi = (await page.locator('.react-flow__node-uwsgi').boundingBox())!;
  const left = Math.min(nginx.x, uwsgi.x);
  const right = Math.max(nginx.x + nginx.width, uwsgi.x + uwsgi.width);
  const top = Math.min(nginx.y, uwsgi.y);
  const bottom = Math.max(nginx.y + nginx.height, uwsgi.y + uwsgi.height);
  return Math.hypot(
    (left + right) / 2 - (canvas.x + canvas.width / 2),
    (top + bottom) / 2 - (canvas.y + canvas.height / 2),
  );
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // A first-run welcome, if any, closes with Escape.
  await page.keyboard.press('Escape');
});

test('a uWSGI protocol mismatch shows in the problems panel and on the edge, and the quick fix repairs it', async ({
  page,
}) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  const problems = page.getByTestId('problems');
  const problem = problems.locator(`[data-rule="${RULE}"]`);
  await expect(problem).toHaveCount(0);
  await expect(uwsgiEdge(page)).not.toHaveClass(/edge-error/);

  await page.locator('.react-flow__node-uwsgi').click();
  const protocol = page.getByTestId('prop-protocol');
  await expect(protocol).toHaveValue('uwsgi');
  await protocol.selectOption('http');

  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toContainText('502');
  const why = problem.locator('.problem-why p');
  await expect(why).toBeHidden();
  await problem.getByText('Why it matters').click();
  await expect(why).toBeVisible();
  await expect(why).toContainText('uwsgi protocol');
  await expect(problems).toContainText(/\d+ errors?/);
  await expect(uwsgiEdge(page)).toHaveClass(/edge-error/);

  await problem.getByTestId('quick-fix').click();
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('Ctrl+Z undoes it');
  await expect(uwsgiEdge(page)).not.toHaveClass(/edge-error/);
  await page.locator('.react-flow__node-uwsgi').click();
  await expect(page.getByTestId('prop-protocol')).toHaveValue('uwsgi');

  // The fix was one undo step: undo brings the mismatch back.
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Control+z');
  await expect(problem).toHaveCount(1);
  await expect(uwsgiEdge(page)).toHaveClass(/edge-error/);
});

test('clicking or pressing Enter on a problem selects what it names', async ({ page }) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  await page.locator('.react-flow__node-uwsgi').click();
  await page.getByTestId('prop-protocol').selectOption('http');
  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  const problem = page.locator(`[data-testid="problems"] [data-rule="${RULE}"]`);
  await expect(problem).toHaveCount(1);
  await expect(page.locator('.react-flow__node-uwsgi')).not.toHaveClass(/selected/);

  // Before: the whole design is in view, so the nginx → uWSGI pair is off centre.
  expect(await pairOffCentre(page)).toBeGreaterThan(40);
  await problem.locator('.problem-message').click();
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveClass(/selected/);
  await expect.poll(() => pairOffCentre(page)).toBeLessThan(8);
  await expect(problem).toHaveClass(/is-selected/);
  await expect(page.locator('.react-flow__node-nginx')).toHaveClass(/selected/);
  await expect(uwsgiEdge(page)).toHaveClass(/selected/);

  await page.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
  await expect(page.locator('.react-flow__node-uwsgi')).not.toHaveClass(/selected/);
  await problem.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node-uwsgi')).toHaveClass(/selected/);
});

test('the header counts errors and warnings, errors listed first, arrow keys move between them', async ({
  page,
}) => {
  await loadTemplate(page, 'uwsgi-unix-socket');
  const summary = page.getByTestId('problems-summary');
  await expect(summary).toHaveText('No problems');
  await page.locator('.react-flow__node-uwsgi').click();
  await page.getByTestId('prop-processes').fill('40');
  await page.getByTestId('prop-processes').press('Tab');
  await expect(summary).toHaveText('1 warning');
  await page.getByTestId('prop-protocol').selectOption('http');
  await expect(summary).toHaveText('1 error, 1 warning');

  const items = page.locator('[data-testid="problems"] [data-rule]');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('data-rule', RULE);
  await expect(items.nth(0)).toHaveAttribute('data-severity', 'error');
  await expect(items.nth(1)).toHaveAttribute('data-rule', 'workers-out-of-range');
  await expect(items.nth(1)).toHaveAttribute('data-severity', 'warning');

  await items.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items.nth(1)).toHaveClass(/is-selected/);
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(0)).toBeFocused();
});

test('the toolbar counts the problems and its button brings the problems panel into view', async ({
  page,
}) => {
  await chooseTemplate(page, 'gunicorn-flask-sqlite');
  const count = page.getByTestId('problems-count');
  await expect(count).toHaveAttribute('data-errors', '0');
  await page.locator('.react-flow__node-nginx').click();
  await page.getByTestId('prop-serverName').fill('bad name;');
  await page.getByTestId('prop-serverName').press('Tab');
  await expect(count).toHaveAttribute('data-errors', '1');
  await expect(count).toContainText('1 error');
  const items = page.locator('[data-testid="problems"] [data-rule]');
  await expect(items).toHaveCount(
    Number(await count.getAttribute('data-errors')) + Number(await count.getAttribute('data-warnings')),
  );
  await count.click();
  await expect(page.locator('[data-testid="problems"] h2')).toBeFocused();
  await expect(page.locator('[data-testid="problems"] [data-rule="invalid-server-name"]')).toBeInViewport();
});
