import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';
import { PASSWORD, ROOT } from './server';

/** Tests talk to the server the global setup started. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => use(process.env.SHIFTCAST_URL),
});
export { expect };

/** Each run saves screenshots here; `SCREENSHOT_DIR=docs/screenshots` refreshes the README's. */
const SHOTS = path.resolve(ROOT, process.env.SCREENSHOT_DIR ?? 'dist/screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export const ROLE_PAGES: Record<string, string[]> = {
  admin: ['Forecast', 'Staffing', 'Roster', 'Ranking', 'Users', 'Audit log'],
  manager: ['Forecast', 'Staffing', 'Roster', 'Ranking'],
  provider: ['Forecast', 'Staffing'],
  partner: ['Forecast'],
  agent: ['My week'],
};

export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
}

export async function openPage(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

/**
 * axe-core: no serious or critical violations on the page as it is now. Legacy mode runs
 * `axe.run` in the page itself; the default runs `axe.runPartial` there and then opens a blank
 * page, injects axe-core again and finishes the run in it, which doubled each check (2–4 s) for
 * the same results: the dashboard has no iframes, and on every checked page both modes gave the
 * same violations, passes, incomplete and inapplicable rules. Every rule still runs on every
 * node; `resultTypes` only spares axe building selectors and HTML for each passing node (it
 * keeps one per rule), which took half of a check on the roster grid (9–10 s → 3–4 s).
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  expect(bad, `accessibility of ${where}`).toEqual([]);
}
