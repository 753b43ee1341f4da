// Accessibility of every page (issue 13; the RGAA follows WCAG 2.1 A and AA): axe-core finds no serious or critical
// violation on any page in any state that matters, every chart has a name and a table of its figures, and the
// keyboard focus shows on every control reached with Tab. Phones and zoom: phone.test.ts; keyboard alone:
// keyboard.test.ts. Nothing is excluded from axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { describeAxe, focusStep, horizontalOverflow, newA11yContext, seriousAxeViolations } from './a11y.ts';
import { openAllDetails, startTourServer, tourRespondentPages, tourStaffPages, type TourServer } from './a11y-tour.ts';

let tour: TourServer;
let browser: Browser;
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** Tab presses per page for the focus check: the header, the page's navigation and its first controls. */
const TABS_PER_PAGE = 25;

/** axe on the page, every <details> open so that what they hide is checked too. */
async function axeProblems(page: Page, stop: string): Promise<string[]> {
  await openAllDetails(page);
  const found = await seriousAxeViolations(page);
  return found.length ? [`${stop} :\n${describeAxe(found)}`] : [];
}

/** Tabs through the first controls of the page: each must show its focus (and lose the mark with it). */
async function unmarkedFocus(page: Page, stop: string): Promise<string[]> {
  const problems: string[] = [];
  await focusStep(page);
  for (let i = 0; i < TABS_PER_PAGE; i++) {
    await page.keyboard.press('Tab');
    const step = await focusStep(page);
    if (step.previous && !step.previous.shown) problems.push(`${stop} : ${step.previous.control}`);
  }
  return problems;
}

describe.runIf(runBrowserTests)('accessibility of every page (RGAA: WCAG 2.1 A and AA)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    tour = await startTourServer();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await tour?.server.dispose();
  });

  it('axe finds no serious or critical violation on any page, and the focus shows on every control reached with Tab', async () => {
    const violations: string[] = [];
    const noFocusMark: string[] = [];
    const visited: string[] = [];
    const sideways: string[] = [];
    const check = async (page: Page, stop: string) => {
      visited.push(stop);
      noFocusMark.push(...(await unmarkedFocus(page, stop)));
      violations.push(...(await axeProblems(page, stop)));
    };
    await tourRespondentPages(browser, tour, DESKTOP, async (page, stop) => {
      await check(page, stop);
      // On a computer too, every answer is in view: no matrix column to scroll to (phone.test.ts does the phone).
      const { scrollers } = await horizontalOverflow(page);
      if (scrollers.length) sideways.push(`${stop} : ${scrollers.join(', ')}`);
    });
    await tourStaffPages(browser, tour, DESKTOP, check);
    expect(visited).toHaveLength(21);
    expect(violations, violations.join('\n\n')).toEqual([]);
    expect(noFocusMark, `contrôles sans marque de focus visible :\n${noFocusMark.join('\n')}`).toEqual([]);
    expect(sideways, `défile de côté :\n${sideways.join('\n')}`).toEqual([]);
  }, 300_000);

  it('every chart of both dashboards has an accessible name and a table of its figures', async () => {
    const dashboards = [
      { account: tour.accounts.coordinators[0], path: '/poles/pole-1/campagnes/campagne-2026/resultats', charts: 7 },
      { account: tour.accounts.admin, path: '/reseau/campagnes/campagne-2026', charts: 3 },
    ];
    for (const { account, path, charts } of dashboards) {
      const context = await newA11yContext(browser, DESKTOP);
      const page = await context.newPage();
      await signIn(page, tour.server.url, account);
      await page.goto(tour.server.url + path);
      const canvases = page.locator('canvas');
      await expect.poll(() => canvases.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(charts);
      for (const canvas of await canvases.all()) {
        // Named as an image, by a summary that says what it shows and where its figures are.
        expect(await canvas.getAttribute('role'), path).toBe('img');
        const name = (await canvas.getAttribute('aria-label')) ?? '';
        expect(name.length, `${path} : ${name}`).toBeGreaterThan(60);
        expect(name, path).toMatch(/tableau/i);
        // The table it points to exists, is named, and holds the figures: a number in every row.
        const tableId = await canvas.getAttribute('aria-describedby');
        expect(tableId, `${path} : ${name}`).toBeTruthy();
        const table = page.locator(`table[id="${tableId}"]`);
        expect(await table.count(), tableId!).toBe(1);
        expect((await table.locator('caption').innerText()).trim().length, tableId!).toBeGreaterThan(5);
        const rows = await table.locator('tbody tr').allInnerTexts();
        expect(rows.length, tableId!).toBeGreaterThan(0);
        for (const row of rows) expect(row, `${tableId} : ${row}`).toMatch(/\d/);
      }
      // The network's distribution drawn in CSS is hidden from assistive technologies: its figures are written out.
      for (const box of await page.locator('.mini-box').all()) expect(await box.getAttribute('aria-hidden')).toBe('true');
      await context.close();
    }
  }, 120_000);
});
