// Real browser for end-to-end tests: Debian's Chromium driven by playwright-core.
// Missing browser: the tests fail under CI=true (so CI can never pass without them) and are skipped elsewhere.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { browserAvailable, launchChromium } from '../helpers/chromium.ts';

export { CHROMIUM, browserAvailable } from '../helpers/chromium.ts';
export const runBrowserTests = browserAvailable || process.env.CI === 'true';
export const launchBrowser = launchChromium;

/** The page draws `count` charts, each with a visible size and an accessible label. */
export async function expectChartsDrawn(page: Page, count: number) {
  const canvases = page.locator('canvas[role="img"]');
  await expect.poll(() => canvases.count()).toBe(count);
  for (const canvas of await canvases.all()) {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
    expect(await canvas.getAttribute('aria-label')).toBeTruthy();
  }
}

/** Signs in through the login page and waits for the signed-in header; steps fail fast (5 s) and say which. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }) {
  page.setDefaultTimeout(5_000);
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect.poll(() => page.getByTestId('user-email').count(), { timeout: 10_000 }).toBe(1);
}
