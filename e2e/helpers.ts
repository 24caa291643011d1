/** Steps many browser tests share: a clean editor, a template chosen, what autosave holds. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export const AUTOSAVE_KEY = 'stacksketch:autosave';

/** The editor with nothing saved in this browser (a first-run welcome, if any, closed with Escape). */
export async function freshEditor(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.keyboard.press('Escape');
}

/** Choose a template; replacing a design may ask first, and the confirming button is `confirm`. */
export async function chooseTemplate(page: Page, id: string): Promise<void> {
  await page.getByTestId(`template-${id}`).click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
}

/** The design text autosave holds ('' when none). */
export function autosaved(page: Page): Promise<string> {
  return page.evaluate((key) => localStorage.getItem(key) ?? '', AUTOSAVE_KEY);
}

/** Another tab of the same browser with the editor open. */
export async function openEditor(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return page;
}

/** Run one of the toolbar's less used actions (auto-layout, new-frame, color-mode): they live in "More…". */
export async function moreAction(page: Page, testId: string): Promise<void> {
  await page.getByTestId('more').click();
  await page.getByTestId(testId).click();
}
