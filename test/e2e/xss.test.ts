// Markup slipped into an imported questionnaire (test/fixtures/hostile-questionnaire.ts) runs nowhere: neither on a
// respondent's page, nor on the staff pages showing the profile form and the preview (same origin as everything
// the staff can do). Its formatting still shows. Everything is set up through the API, as an admin would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';
import { hostileDefinition, hostileProfile, WELCOME } from '../fixtures/hostile-questionnaire.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
type Json = Record<string, any>;
let server: Server;
let browser: Browser;
let link: string;
let profilePage: string;
let previewPage: string;
const COORDINATOR = { email: 'coordination@coteaux.test', password: 'Vergers-des-Coteaux-2027' };

/** A signed-in API client: the session cookie, and the CSRF token every write carries. */
async function apiClient(account: { email: string; password: string }) {
  const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  expect(login.status).toBe(204);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json()) as Json;
  return async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as Json;
    if (res.status >= 300) throw new Error(`${method} ${path} : ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Nothing of the markup ran (each of its scripts would set window.__xss), and nothing that could run is in the page. */
async function expectNothingRan(page: Page) {
  // Give a failed image's error handler, had it been kept, the time to fire.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('[onerror], [onload], [onclick], a[href^="javascript:"], script:not([src])').count()).toBe(0);
  // Nor the <style> that would hide the page, nor the form field that would collect text outside the answers.
  expect(await page.locator('body').isVisible()).toBe(true);
  expect(await page.locator('input[name="motdepasse"]').count()).toBe(0);
}

/** What the Content-Security-Policy refused on the page, as Chromium reports it in the console. */
function cspViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

/** The formatting of WELCOME shows: the paragraph, its emphasis and its link (opening a new tab without a handle). */
async function expectFormattingShown(page: Page) {
  const welcome = page.locator('p.accueil');
  await expect.poll(() => welcome.count(), { timeout: 15_000 }).toBe(1);
  expect(await welcome.locator('strong').textContent()).toBe(WELCOME.strong);
  const anchor = welcome.getByRole('link', { name: WELCOME.link.text });
  expect(await anchor.getAttribute('href')).toBe(WELCOME.link.href);
  expect(await anchor.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await page.getByRole('link', { name: 'un lien piégé' }).count()).toBe(0);
}

describe.runIf(runBrowserTests)('markup slipped into an imported questionnaire', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const admin = await apiClient(E2E_ADMIN);
    await admin('POST', '/api/questionnaires', { id: 'ptce-2028', definition: hostileDefinition(), profile: hostileProfile() });
    const pole = await admin('POST', '/api/poles', { name: 'Pôle des Coteaux' });
    const campaign = await admin('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028' });
    await admin('POST', '/api/users', { ...COORDINATOR, poleId: pole.id });
    const coordinator = await apiClient(COORDINATOR);
    const { invitations } = await coordinator('POST', `/api/poles/${pole.id}/campaigns/${campaign.id}/invitations`, { count: 1 });
    link = invitations[0].url;
    profilePage = `${server.url}/poles/${pole.id}/campagnes/${campaign.id}`;
    previewPage = `${profilePage}/apercu`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows its formatting on the respondent’s page and runs nothing, not even an answer filled into it', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    page.setDefaultTimeout(15_000);
    const refused = cspViolations(page);
    const response = await page.goto(link);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await expectFormattingShown(page);
    await expectNothingRan(page);

    // The page and its sanitized markup ask for nothing the policy refuses (the app's own scripts, styles, images).
    expect(refused).toEqual([]);
    // Were some markup to get past the sanitizers, the policy would still refuse its handlers.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__xss = "politique"');
      img.src = 'x';
      document.body.append(img);
    });
    await expect.poll(() => refused.length).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    await page.evaluate(() => document.querySelector('body > img[onerror]')?.remove());
    // SurveyJS puts the answer into the html question's markup as it is: the browser cleans it once filled in.
    const answer = `<img src="x" onerror="window.__xss = 'réponse'"><b>Camille</b>`;
    await page.getByLabel('Comment souhaitez-vous être salué·e ? (facultatif)').fill(answer);
    await page.keyboard.press('Tab');
    const greeting = page.getByTestId('salut');
    await expect.poll(() => greeting.locator('b').textContent()).toBe('Camille');
    expect(await greeting.locator('img').count()).toBe(1);
    // The policy's list is no proof here: Chromium reports the handler DOMPurify meets while parsing the answer in an
    // inert document, where nothing runs, policy or not. What counts is what the page holds and ran.
    await expectNothingRan(page);
    await page.close();
  }, 40_000);

  it('shows its formatting in the coordinator’s profile form and in the preview, and runs nothing there', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    const refused = cspViolations(page);
    await signIn(page, server.url, COORDINATOR);
    // The staff pages load the SurveyJS chunk on demand: slower than sign-in's steps on a busy machine.
    page.setDefaultTimeout(15_000);
    await page.goto(profilePage);
    await expectFormattingShown(page);
    await expectNothingRan(page);
    await page.goto(previewPage);
    await expectFormattingShown(page);
    await expectNothingRan(page);
    expect(refused).toEqual([]);
    await page.close();
  }, 40_000);
});
