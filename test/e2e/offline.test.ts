// Nothing lost in the browser (issue 13, point 5): the server stops in the middle of a questionnaire, or the network is
// cut; the respondent is told plainly, what they typed is kept on the device and sent again, and the submission goes
// through once the server is back. The local copy never outlives the submission, nor the person on a shared device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { parseCsv } from '../helpers/csv.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' };
const now = () => new Date().toISOString();
const LOCAL_PREFIX = 'ptce-reponses-';
const DOWN = /Le serveur ne répond pas : vos réponses sont gardées sur cet appareil et seront envoyées dès que possible/;

function seedLink(id: string, options: { shared?: boolean } = {}): string {
  const { repos, sealer } = server.deps;
  const secret = newToken();
  repos.invitations.createMany([
    {
      id, poleId: 'p1', campaignId: 'c2026', tokenHash: hashToken(secret), tokenSealed: sealer.seal(secret), shared: options.shared ?? false,
      college: null, createdAt: now(), maxResponses: null, ticketId: options.shared ? null : `ticket-${id}`,
    },
  ]);
  return secret;
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  await page.goto(url);
  // The questionnaire is shown (on whichever page it resumes).
  await expect.poll(() => page.getByRole('button', { name: /^(Suivant|Terminer)$/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return page;
}

async function fillFirstPage(page: Page) {
  await page.getByText('Collectivités territoriales et organismes publics').click();
  await page.getByText('Membre fondateur', { exact: false }).first().click();
  await page.getByRole('spinbutton').fill('6');
  await page.getByText('Non', { exact: true }).click().catch(async () => page.locator('.sd-boolean').first().click());
}

/**
 * Answers the first statement of the page shown with `value` (1 to 5). The radio itself is clicked: on the phone the
 * notice stuck to the bottom of the screen may lie over where a forced mouse click would land.
 */
async function answerFirstStatement(page: Page, value: number) {
  const radio = page.locator(`input[type=radio][value="${value}"]`).first();
  await radio.evaluate((input: HTMLInputElement) => input.click());
  await expect.poll(() => radio.isChecked()).toBe(true);
}

/** Goes through the remaining pages and presses « Terminer ». */
async function finish(page: Page) {
  for (let i = 0; i < 10; i++) {
    const done = page.getByRole('button', { name: 'Terminer' });
    if (await done.isVisible()) {
      await done.click();
      return;
    }
    await page.getByRole('button', { name: 'Suivant' }).click();
  }
  throw new Error('« Terminer » jamais atteint');
}

/** What this device keeps in localStorage: every key, and the answers kept for a link. */
async function deviceStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key) ?? ''])));
}

async function localCopies(page: Page): Promise<{ key: string; data: Record<string, any>; pageNo: number; submit: boolean }[]> {
  const stored = await deviceStorage(page);
  return Object.entries(stored)
    .filter(([key]) => key.startsWith(LOCAL_PREFIX))
    .map(([key, raw]) => ({ key, ...(JSON.parse(raw) as { data: Record<string, any>; pageNo: number; submit: boolean }) }));
}

/** A staff session (the admin) over HTTP, for what the coordination sees: participation and exports. */
async function staffGet(path: string): Promise<Response> {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: E2E_ADMIN.email, password: E2E_ADMIN.password }),
  });
  expect(login.status).toBe(204);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return fetch(`${server.url}${path}`, { headers: { cookie } });
}

/** Answers sent by someone else, straight through the respondent API (as their browser would). */
async function submitOther(token: string, seed: number, firstStatement: number) {
  const data = sampleAnswers(server.deps.questionnaires.get('ptce-2026')!, seededRandom(seed), { college: 'collectivites', complete: true });
  (data.gouv_debat as Record<string, unknown>).espaces_debat = firstStatement;
  const res = await fetch(`${server.url}/api/responses/${token}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
  expect(res.status).toBe(201);
}

describe.runIf(runBrowserTests)('nothing typed is lost when the server or the network fails', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now() });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now() });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the server stops mid-questionnaire: the respondent is told, keeps answering, and everything is sent once it is back', async () => {
    // Two people of the same collège answered already: with this one, k = 3 responses make the results and export.
    expect(server.deps.analysis.minGroupSize).toBe(3);
    await submitOther(seedLink('autre-1'), 11, 3);
    await submitOther(seedLink('autre-2'), 12, 3);

    const token = seedLink('panne');
    const context = await browser.newContext(PHONE);
    // Every key the page writes to localStorage, to see that answers touch the device only when the server fails.
    await context.addInitScript(() => {
      const writes: string[] = ((window as unknown as { __writes: string[] }).__writes = []);
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        writes.push(key);
        return setItem.call(this, key, value);
      };
    });
    const answerWrites = async () =>
      (await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes)).filter((key) => /^ptce-reponses-[0-9a-f]{16}$/.test(key));
    const page = await openPage(context, `${server.url}/r/${token}`);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);
    // While the server answers, nothing of the answers is written to the device.
    expect(await localCopies(page)).toEqual([]);
    expect(await answerWrites()).toEqual([]);

    // The server stops.
    const { dataDir, port } = server;
    await server.close();

    // Page 2 (gouvernance, pratiques), answered during the outage; moving on fails to save.
    await answerFirstStatement(page, 1);
    await page.getByRole('button', { name: 'Suivant' }).click();
    const notice = page.getByTestId('hors-ligne');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(DOWN);
    expect(await notice.innerText()).toMatch(/Vous pouvez continuer à répondre/);
    expect(await notice.getAttribute('role')).toBe('status');
    // Said in plain words, nothing technical, and the page is still usable on the phone.
    expect(await notice.innerText()).not.toMatch(/erreur|5\d\d|fetch|réseau/i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Page 3 (gouvernance, défis), still during the outage.
    await answerFirstStatement(page, 2);
    const copies = await localCopies(page);
    expect(copies).toHaveLength(1);
    // Keyed by a digest of the link, never the link itself.
    expect(copies[0].key).not.toContain(token);
    expect(copies[0].key).not.toContain(hashToken(token));
    expect(JSON.stringify(await deviceStorage(page))).not.toContain(token);
    expect(copies[0].data.gouv_debat.espaces_debat).toBe(1);
    expect(copies[0].data.gouv_leaders.dependance_leaders).toBe(2);
    expect(copies[0].data.college).toBe('collectivites');
    expect(copies[0].submit).toBe(false);

    // « Terminer » pressed while the server is down: the submission waits, and says so.
    await finish(page);
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/l’envoi de vos réponses est en attente/);
    expect(await notice.innerText()).toMatch(/envoyées automatiquement dès que possible/);
    expect(await page.getByRole('button', { name: 'Réessayer l’envoi maintenant' }).count()).toBe(1);
    expect(await page.getByTestId('merci').count()).toBe(0);
    expect((await localCopies(page))[0].submit).toBe(true);
    // The submission's fate is announced where the focus is.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('hors-ligne');

    // The server comes back on the same address and data folder: the waiting submission goes through by itself.
    server = await startE2eServer({ dataDir, port });
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 40_000 }).toBe(1);
    expect(await page.getByTestId('hors-ligne').count()).toBe(0);
    // Sent: the copy on the device is gone.
    expect(await localCopies(page)).toEqual([]);
    expect(server.deps.repos.tickets.findByTokenHash(hashToken(token))?.status).toBe('submitted');
    await context.close();

    // What the coordination sees: three responses sent, and the answers typed during the outage in the export.
    const participation = await staffGet('/api/poles/p1/campaigns/c2026/participation');
    expect(participation.status).toBe(200);
    expect((await participation.json()).totals.submitted).toBe(3);
    const exported = await staffGet('/api/poles/p1/campaigns/c2026/export.csv?format=wide&sep=%3B');
    expect(exported.status).toBe(200);
    const [header, ...rows] = parseCsv(await exported.text(), ';');
    expect(rows).toHaveLength(3);
    const first = header.findIndex((h) => /espaces_debat/.test(h));
    const leaders = header.findIndex((h) => /dependance_leaders/.test(h));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(leaders).toBeGreaterThanOrEqual(0);
    // The others answered 3 to the first statement; only the answers typed during the outage say 1 (and 2 on page 3).
    const typedDuringOutage = rows.filter((row) => row[first] === '1');
    expect(typedDuringOutage).toHaveLength(1);
    expect(typedDuringOutage[0][leaders]).toBe('2');
  }, 120_000);

  it('a network cut: told plainly, kept on the device, sent when the network is back; a page closed meanwhile gets its answers back', async () => {
    const token = seedLink('coupure');
    const context = await browser.newContext(PHONE);
    let page = await openPage(context, `${server.url}/r/${token}`);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);

    await context.setOffline(true);
    await answerFirstStatement(page, 5);
    await page.getByRole('button', { name: 'Suivant' }).click();
    const notice = page.getByTestId('hors-ligne');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/La connexion est coupée : vos réponses sont gardées sur cet appareil/);
    expect((await localCopies(page))[0].data.gouv_debat.espaces_debat).toBe(5);

    // Back online: sent at once (the `online` event), the message clears, the device's copy goes.
    await context.setOffline(false);
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toBe('');
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);
    expect(await localCopies(page)).toEqual([]);

    // Cut again; an answer typed, then the page closed before the network came back.
    await context.setOffline(true);
    await answerFirstStatement(page, 4);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/La connexion est coupée/);
    await page.close();
    await context.setOffline(false);

    // Reopened while the server fails to answer (a proxy in front of it says 502): the page says the answers are kept.
    page = await context.newPage();
    page.setDefaultTimeout(5_000);
    await page.route('**/api/responses/*', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: 'Bad Gateway' }));
    await page.goto(`${server.url}/r/${token}`);
    await expect.poll(() => page.getByTestId('reponses-gardees').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('reponses-gardees').innerText()).toMatch(/gardées sur cet appareil : elles seront reprises/);
    // Then it answers: the answers kept on the device are taken back, said so, and sent.
    await page.unroute('**/api/responses/*');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^(Suivant|Terminer)$/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('reponses-reprises').innerText()).toMatch(/Des réponses gardées sur cet appareil n’avaient pas encore pu être envoyées/);
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);
    expect(await localCopies(page)).toEqual([]);
    // Back on the page they were on (page 4), with page 3's answer there.
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect.poll(() => page.locator('input[type=radio][value="4"]').first().isChecked()).toBe(true);
    // The server has them too: a fresh page (no local copy left) shows them, on page 3 where the respondent went back.
    await expect.poll(() => server.deps.repos.tickets.findByTokenHash(hashToken(token))?.pageNo, { timeout: 10_000 }).toBe(2);
    await page.close();
    page = await openPage(context, `${server.url}/r/${token}`);
    expect(await page.getByTestId('reponses-reprises').count()).toBe(0);
    await expect.poll(() => page.locator('input[type=radio][value="4"]').first().isChecked()).toBe(true);
    await context.close();
  }, 60_000);

  it('a server error (5xx) on submission: said plainly, retried with one click or by itself; then nothing is left on the device', async () => {
    const token = seedLink('erreur-serveur');
    const context = await browser.newContext(PHONE);
    const page = await openPage(context, `${server.url}/r/${token}`);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await answerFirstStatement(page, 4);
    // A proxy in front of a failing server: the submission gets 503, as many times as it is tried.
    let tries = 0;
    await page.route('**/submit', (route) => {
      tries += 1;
      return route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' });
    });
    await finish(page);
    const notice = page.getByTestId('hors-ligne');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/Le serveur ne répond pas : l’envoi de vos réponses est en attente/);
    expect(await page.getByTestId('submit-errors').count()).toBe(0);
    expect((await localCopies(page)).map((c) => c.submit)).toEqual([true]);

    // One click tries again at once.
    const before = tries;
    await page.getByRole('button', { name: 'Réessayer l’envoi maintenant' }).click();
    await expect.poll(() => tries, { timeout: 5_000 }).toBeGreaterThan(before);
    expect(await page.getByTestId('merci').count()).toBe(0);

    // The server recovers: the next try (automatic) goes through.
    await page.unroute('**/submit');
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 30_000 }).toBe(1);
    const stored = await deviceStorage(page);
    expect(Object.keys(stored).filter((key) => key.startsWith(LOCAL_PREFIX))).toEqual([]);
    expect(JSON.stringify(stored)).not.toMatch(/collectivites|espaces_debat/);
    await context.close();
  }, 60_000);

  it('a shared link on one device: a submission interrupted by a cut is sent, unseen, before the next person starts clean', async () => {
    const shared = seedLink('partage', { shared: true });
    const sharedUrl = `${server.url}/r/${shared}`;
    const context = await browser.newContext(PHONE);
    let page = await openPage(context, sharedUrl);
    const firstPath = new URL(page.url()).pathname;
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await context.setOffline(true);
    await answerFirstStatement(page, 2);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('hors-ligne').innerText(), { timeout: 10_000 }).toMatch(/La connexion est coupée/);
    expect(await localCopies(page)).toHaveLength(1);
    await finish(page);
    await expect.poll(() => page.getByTestId('hors-ligne').innerText(), { timeout: 10_000 }).toMatch(/l’envoi de vos réponses est en attente/);
    // The tablet is passed on with the page closed, before the network comes back.
    await page.close();
    await context.setOffline(false);

    // The next person opens the shared link: the first person's finished answers are sent first, without being shown.
    page = await context.newPage();
    page.setDefaultTimeout(5_000);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/submit', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(sharedUrl);
    await expect.poll(() => page.getByTestId('envoi-repris').count(), { timeout: 30_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe(firstPath);
    expect(await page.getByTestId('reponses-reprises').innerText()).toMatch(/leur envoi est relancé/);
    const shown = await page.locator('body').innerText();
    for (const answer of ['Collectivités territoriales', 'Membre fondateur', 'Plutôt pas d’accord']) expect(shown).not.toContain(answer);
    expect(await page.locator('input').count()).toBe(0);
    release();
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 10_000 }).toBe(1);
    expect(server.deps.repos.tickets.findByTokenHash(hashToken(firstPath.slice(3)))?.status).toBe('submitted');
    // Nothing of the first person left on the device: no answers, no personal link.
    const stored = await deviceStorage(page);
    expect(Object.keys(stored).filter((key) => key.startsWith(LOCAL_PREFIX) || key.startsWith('ptce-shared-'))).toEqual([]);
    expect(JSON.stringify(stored)).not.toMatch(/collectivites|espaces_debat/);

    // The next person: a new questionnaire, empty, with nothing said about earlier answers.
    await page.getByRole('link', { name: 'Permettre à une autre personne de répondre sur cet appareil' }).click();
    await expect.poll(() => page.getByText('Entreprises hors ESS').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).not.toBe(firstPath);
    expect(await page.getByTestId('reponses-reprises').count()).toBe(0);
    expect(await page.locator('input[type=radio][value="collectivites"]').isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Précédent' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a browser that refuses storage: nothing is written, and the message says the answers are kept only while the page is open', async () => {
    const token = seedLink('prive');
    const context = await browser.newContext(PHONE);
    // What Chromium does when site data is blocked: any use of localStorage throws.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Stockage refusé', 'SecurityError');
        },
      });
    });
    const page = await openPage(context, `${server.url}/r/${token}`);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await context.setOffline(true);
    await answerFirstStatement(page, 3);
    await page.getByRole('button', { name: 'Suivant' }).click();
    const notice = page.getByTestId('hors-ligne');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/ne sont gardées que tant que cette page reste ouverte/);
    expect(await notice.innerText()).not.toMatch(/gardées sur cet appareil et/);
    // Back online: the answers held by the page reach the server.
    await context.setOffline(false);
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toBe('');
    await finish(page);
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  }, 60_000);
});
