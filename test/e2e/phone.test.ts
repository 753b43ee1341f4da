// Phone comfort and zoom (issue 13): at 360 × 740, on every page and in every state the tour reaches, nothing scrolls
// sideways, every visible control is at least 44 px tall, matrices show one statement per block, and axe-core finds
// nothing serious in SurveyJS's narrow-screen markup; the respondent's page also reads well at 200 % zoom (a 1280-px window is then 640 CSS px
// wide). Exempt from the height, as WCAG 2.5.5 allows: links inside running text (see a11y.ts, smallTargets).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { clippedText, describeAxe, horizontalOverflow, matrixLayouts, MIN_TARGET, seriousAxeViolations, smallTargets } from './a11y.ts';
import { openAllDetails, startTourServer, tourRespondentPages, tourStaffPages, type TourServer } from './a11y-tour.ts';

let tour: TourServer;
let browser: Browser;
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** 200 % zoom of a 1280 × 740 window: the page lays out in 640 × 370 CSS px, drawn at twice the density. */
const ZOOM_200 = { viewport: { width: 640, height: 370 }, deviceScaleFactor: 2 };

/**
 * Matrices drawn as blocks: each statement above its choices, one choice per line, within the width, and (on a
 * phone) the whole block on one screen.
 */
async function matrixProblems(page: Page, viewport: { width: number; height: number }, oneScreen: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const m of await matrixLayouts(page)) {
    if (!m.mobile) problems.push(`${m.name} : matrice dessinée en tableau`);
    if (m.headerShown) problems.push(`${m.name} : ligne d’en-tête des colonnes affichée`);
    for (const r of m.rows) {
      const where = `${m.name} « ${r.statement} »`;
      if (r.choices.length !== 6) problems.push(`${where} : ${r.choices.length} choix visibles au lieu de 6`);
      if (r.row.right > viewport.width + 0.5) problems.push(`${where} : déborde à droite (${Math.round(r.row.right)} px)`);
      if (oneScreen && r.row.bottom - r.row.top > viewport.height) problems.push(`${where} : plus haut qu’un écran (${Math.round(r.row.bottom - r.row.top)} px)`);
      r.choices.forEach((c, i) => {
        if (i > 0 && c.top < r.choices[i - 1].bottom - 1) problems.push(`${where} : choix ${i + 1} à côté du précédent, pas dessous`);
      });
    }
  }
  return problems;
}

describe.runIf(runBrowserTests)('phone comfort and zoom', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    tour = await startTourServer();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await tour?.server.dispose();
  });

  it('at 360 × 740: nothing scrolls sideways, every control at least 44 px tall, matrices one statement per block, SurveyJS axe-clean', async () => {
    const problems: string[] = [];
    const visited: string[] = [];
    let matricesSeen = 0;
    const check = (respondent: boolean) => async (page: Page, stop: string) => {
      visited.push(stop);
      // What <details> hide is measured too, once opened.
      await openAllDetails(page);
      // axe where the markup itself changes on a phone (SurveyJS's narrow-screen form); elsewhere only the layout
      // changes, and accessibility.test.ts runs axe on every page.
      if (await page.locator('.sd-root-modern').count()) {
        const axe = await seriousAxeViolations(page);
        if (axe.length) problems.push(`${stop} : axe\n${describeAxe(axe)}`);
      }
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.viewportWidth) problems.push(`${stop} : défilement horizontal (${overflow.scrollWidth} px) : ${overflow.offenders.join(', ')}`);
      // Staff pages: a wide table scrolls in its own frame (reachable by keyboard); the respondent's page: nothing.
      if (respondent && overflow.scrollers.length) problems.push(`${stop} : défile de côté : ${overflow.scrollers.join(', ')}`);
      const { small } = await smallTargets(page);
      for (const s of small) problems.push(`${stop} : ${s.control} : ${s.height} px de haut (< ${MIN_TARGET})`);
      const matrices = await matrixLayouts(page);
      matricesSeen += matrices.length;
      problems.push(...(await matrixProblems(page, PHONE.viewport, true)).map((p) => `${stop} : ${p}`));
    };
    await tourRespondentPages(browser, tour, PHONE, check(true));
    await tourStaffPages(browser, tour, PHONE, check(false));
    expect(visited).toHaveLength(21);
    // The matrix page of the questionnaire and the preview (all of the questionnaire's matrices) were measured.
    expect(matricesSeen).toBeGreaterThan(30);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);

  it('the respondent’s page at 200 % zoom: no sideways scrolling anywhere, no text cut off, matrices as blocks', async () => {
    const problems: string[] = [];
    const visited: string[] = [];
    await tourRespondentPages(browser, tour, ZOOM_200, async (page, stop) => {
      visited.push(stop);
      await openAllDetails(page);
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.viewportWidth) problems.push(`${stop} : défilement horizontal (${overflow.scrollWidth} px) : ${overflow.offenders.join(', ')}`);
      if (overflow.scrollers.length) problems.push(`${stop} : défile de côté : ${overflow.scrollers.join(', ')}`);
      const clipped = await clippedText(page);
      if (clipped.length) problems.push(`${stop} : texte coupé : ${clipped.join(', ')}`);
      problems.push(...(await matrixProblems(page, ZOOM_200.viewport, false)).map((p) => `${stop} : ${p}`));
    });
    expect(visited).toHaveLength(5);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);
});
