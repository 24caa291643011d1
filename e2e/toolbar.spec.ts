import { expect, test, type Page } from '@playwright/test';
import { chooseTemplate, freshEditor } from './helpers';

/** The toolbar's height and how many of its direct children start below its first row. */
async function toolbarRows(page: Page) {
  return page.locator('header.toolbar').evaluate((toolbar) => {
    // the spacer has no height: it sits on whatever line it is on
    const children = [...toolbar.children].filter((child) => {
      const box = child.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    const tops = children.map((child) => child.getBoundingClientRect().top);
    const bottoms = children.map((child) => child.getBoundingClientRect().bottom);
    const rowBottom = Math.min(...bottoms);
    return {
      height: toolbar.getBoundingClientRect().height,
      tallestChild: Math.max(...children.map((child) => child.getBoundingClientRect().height)),
      onSecondLine: children.filter((_, index) => tops[index]! >= rowBottom).length,
      overflows: toolbar.scrollWidth > toolbar.clientWidth + 1,
    };
  });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
]) {
  for (const language of ['en', 'ko'] as const) {
    test(`the toolbar is one row at ${size.width}×${size.height} in ${language}`, async ({ page }) => {
      await page.setViewportSize(size);
      await freshEditor(page);
      await page.getByTestId('language').selectOption(language);
      await chooseTemplate(page, 'django-gunicorn-nginx');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const rows = await toolbarRows(page);
      expect(rows.onSecondLine).toBe(0);
      expect(rows.overflows).toBe(false);
      // one row: the bar is its tallest control plus its padding and border, not two rows of them
      expect(rows.height).toBeLessThan(rows.tallestChild * 2);
      for (const id of ['download-zip', 'share', 'new-design', 'target', 'language', 'more'])
        await expect(page.getByTestId(id)).toBeInViewport();
    });
  }
}

test('"More…" is a menu button: arrows move, Escape closes and focus returns; its items work', async ({
  page,
}) => {
  await freshEditor(page);
  const more = page.getByTestId('more');
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = page.getByRole('menuitem');
  await expect(items).toHaveCount(3);
  await expect(page.getByTestId('auto-layout')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('new-frame')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('color-mode')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('auto-layout')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('color-mode')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();

  // the theme item: Enter runs it, the menu closes and focus is back on the button
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  await expect(more).toBeFocused();

  // new frame: an empty service appears on the canvas
  const frames = await page.locator('.frame').count();
  await more.click();
  await page.getByTestId('new-frame').click();
  await expect(page.locator('.frame')).toHaveCount(frames + 1);

  // auto-layout moves the nodes (one undo step)
  const node = page.locator('.react-flow__node').first();
  const before = await node.getAttribute('style');
  await more.click();
  await page.getByTestId('auto-layout').click();
  await expect.poll(() => node.getAttribute('style')).not.toBe(before);

  // a click outside closes the menu
  await more.click();
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await expect(page.getByRole('menu')).toHaveCount(0);
});
