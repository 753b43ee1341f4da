import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { startE2eServer } from './server.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
let link: string;
let token: string;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' };
const now = () => new Date().toISOString();
/** Text of the answers given on the first page: none of it may show in a browser the draft is not bound to. */
const ANSWER_TEXTS = ['Collectivités territoriales', 'Membre fondateur', 'Pôle des Coteaux'];

/** A link made by the coordination (individual, or shared) for pole p1, straight into the store. */
function seedLink(id: string, campaignId: string, options: { shared?: boolean; maxResponses?: number | null } = {}): string {
  const { repos, sealer } = server.deps;
  const secret = newToken();
  repos.invitations.createMany([
    {
      id, poleId: 'p1', campaignId, tokenHash: hashToken(secret), tokenSealed: sealer.seal(secret), shared: options.shared ?? false,
      college: null, createdAt: now(), maxResponses: options.maxResponses ?? null, ticketId: options.shared ? null : `ticket-${id}`,
    },
  ]);
  return secret;
}

async function waitForForm(page: Page) {
  await expect.poll(() => page.getByText('Entreprises hors ESS').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

async function fillFirstPage(page: Page) {
  await page.getByText('Collectivités territoriales et organismes publics').click();
  await page.getByText('Membre fondateur', { exact: false }).first().click();
  await page.getByRole('spinbutton').fill('6');
  await page.getByText('Non', { exact: true }).click().catch(async () => page.locator('.sd-boolean').first().click());
}

/** From the second page on: answers one statement, goes through the pages and finishes. */
async function answerAndFinish(page: Page) {
  await page.locator('input[type=radio][value="4"]').first().check({ force: true });
  for (let i = 0; i < 10; i++) {
    const finish = page.getByRole('button', { name: 'Terminer' });
    if (await finish.isVisible()) {
      await finish.click();
      break;
    }
    await page.getByRole('button', { name: 'Suivant' }).click();
  }
  await expect.poll(() => page.getByTestId('merci').count(), { timeout: 10_000 }).toBe(1);
}

async function expectNoAnswerShown(page: Page) {
  const text = await page.locator('body').innerText();
  for (const answer of ANSWER_TEXTS) expect(text).not.toContain(answer);
  expect(await page.locator('input[type=radio]').count()).toBe(0);
  expect(await page.getByRole('spinbutton').count()).toBe(0);
}

/** Submitted responses as stored (table `responses`), read straight from the database file. */
function storedResponses(): { columns: string[]; rows: { college: string | null; data: string; submitted_on: string }[] } {
  const db = new Database(join(server.dataDir, 'ptce.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const columns = (db.prepare('PRAGMA table_info(responses)').all() as { name: string }[]).map((c) => c.name);
    const rows = db.prepare("SELECT college, data, submitted_on FROM responses WHERE pole_id = 'p1' AND campaign_id = 'c2026'").all() as never[];
    return { columns, rows };
  } finally {
    db.close();
  }
}

describe.runIf(runBrowserTests)('a stakeholder fills in the questionnaire on a phone', () => {
  // Two browsers of two people (or one person's two devices): each context has its own `ptce_respondent` cookie.
  let phone: BrowserContext;
  let other: BrowserContext;
  let phonePage: Page;
  let resumeUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now() });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now() });
    token = seedLink('i1', 'c2026');
    link = `${server.url}/r/${token}`;
    phone = await browser.newContext(PHONE);
    other = await browser.newContext(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('answers the first page, closes the page, reopens the link in the same browser and finds the draft', async () => {
    let page = await phone.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(link);
    await waitForForm(page);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The promise, with the server's k, on the first page; the first question is still in view on the phone.
    const k = server.deps.analysis.minGroupSize;
    // On the phone, the promise's first sentence is in view and the rest one tap away.
    expect(await page.getByText('Vos réponses sont confidentielles.').isVisible()).toBe(true);
    expect(await page.getByText('Vos réponses envoyées ne sont jamais enregistrées avec votre nom ni votre lien.').isVisible()).toBe(false);
    await page.getByText('Ce que cela garantit').click();
    const promise = await page.getByTestId('promesse-confidentialite').innerText();
    expect(promise.replace(/\s+/g, ' ')).toContain('Vos réponses sont confidentielles.');
    expect(promise.replace(/\s+/g, ' ')).toContain(
      `Les résultats ne montrent que des groupes d’au moins ${k} personnes (les petits collèges sont regroupés) et n’évoluent que par paquets d’au moins ${k} nouvelles réponses`,
    );
    expect(promise).toContain('Vos réponses envoyées ne sont jamais enregistrées avec votre nom ni votre lien.');
    await page.getByText('Ce que cela garantit').click();
    const question = await page.getByText('À quel collège appartenez-vous ?').boundingBox();
    expect(question).not.toBeNull();
    expect(question!.y + question!.height).toBeLessThanOrEqual(740);
    // The resume card is there, collapsed.
    expect(await page.getByTestId('reprendre-ailleurs').getAttribute('open')).toBeNull();
    expect(await page.getByTestId('lien-personnel').count()).toBe(0);

    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);
    // The promise is for the first page only.
    expect(await page.getByTestId('promesse-confidentialite').count()).toBe(0);
    await page.close();

    const saved = server.deps.repos.tickets.findByTokenHash(hashToken(token))!;
    expect(saved.status).toBe('draft');
    expect(saved.browserHash).not.toBeNull();
    // Stored sealed: the database (or a backup of it) holds no readable answer in progress.
    expect(saved.storedData).not.toMatch(/collectivites|fondateur/);
    expect(saved.storedData.startsWith('{')).toBe(false);

    // Same browser (same cookie), new page: back on the page they left, then their first-page answers are there.
    page = await phone.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(link);
    await expect.poll(() => page.getByRole('button', { name: 'Précédent' }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect.poll(() => page.locator('input[type=radio][value="collectivites"]').isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton').inputValue()).toBe('6');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => server.deps.repos.tickets.findByTokenHash(hashToken(token))?.pageNo, { timeout: 10_000 }).toBe(1);
    phonePage = page;
  });

  it('another browser opening the same link sees a notice and none of the answers', async () => {
    const sealedBefore = server.deps.repos.tickets.findByTokenHash(hashToken(token))!.storedData;
    const page = await other.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(link);
    await expect.poll(() => page.getByTestId('ouvert-ailleurs').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ce lien a déjà été ouvert sur un autre appareil');
    expect(await page.getByTestId('ouvert-ailleurs').innerText()).toMatch(/Reprendre sur un autre appareil/);
    await expectNoAnswerShown(page);
    await page.close();
    // Its attempt changed nothing.
    expect(server.deps.repos.tickets.findByTokenHash(hashToken(token))?.storedData).toBe(sealedBefore);
  });

  it('the resume link moves the draft to the other browser; the first one is then refused', async () => {
    const page = phonePage;
    await page.getByText('Reprendre sur un autre appareil').click();
    expect(await page.getByTestId('reprendre-ailleurs').getAttribute('open')).not.toBeNull();
    expect(await page.getByTestId('reprendre-ailleurs').innerText()).toMatch(/ne le partagez avec personne/);
    resumeUrl = await page.getByTestId('lien-reprise').inputValue();
    expect(resumeUrl).toMatch(new RegExp(`^${server.url}/r/[A-Za-z0-9_-]{43}$`));
    expect(resumeUrl).not.toContain(token);
    expect(await page.getByRole('button', { name: 'Copier le lien' }).count()).toBe(1);

    const moved = await other.newPage();
    moved.setDefaultTimeout(5_000);
    await moved.goto(resumeUrl);
    await expect.poll(() => moved.getByRole('button', { name: 'Précédent' }).count(), { timeout: 15_000 }).toBe(1);
    await moved.getByRole('button', { name: 'Précédent' }).click();
    await expect.poll(() => moved.locator('input[type=radio][value="collectivites"]').isChecked()).toBe(true);
    expect(await moved.getByRole('spinbutton').inputValue()).toBe('6');
    // The resume link works once: the page went on with the new one, which the old one no longer opens.
    expect(moved.url()).not.toBe(resumeUrl);
    expect(moved.url()).toMatch(new RegExp(`^${server.url}/r/[A-Za-z0-9_-]{43}$`));
    expect((await fetch(resumeUrl.replace('/r/', '/api/responses/'))).status).toBe(404);

    // The first browser no longer gets the draft, by the link nor by the resume link it was shown... until it uses it.
    await page.reload();
    await expect.poll(() => page.getByTestId('ouvert-ailleurs').count(), { timeout: 10_000 }).toBe(1);
    await expectNoAnswerShown(page);
    await page.close();

    // The other browser sends the answers from there.
    await moved.getByRole('button', { name: 'Suivant' }).click();
    await answerAndFinish(moved);
    await moved.close();
  });

  it('after submission, the link only thanks: no answer, no date; the answers are stored apart from the link', async () => {
    const ticket = server.deps.repos.tickets.findByTokenHash(hashToken(token))!;
    expect(ticket.status).toBe('submitted');
    expect(ticket.storedData).toBe('{}');
    expect(ticket.browserHash).toBeNull();
    expect(ticket.resumeSealed).toBeNull();

    const { columns, rows } = storedResponses();
    expect(rows).toHaveLength(1);
    expect(rows[0].college).toBe('collectivites');
    expect(rows[0].submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.values(JSON.parse(rows[0].data).gouv_debat as object)).toContain(4);
    expect(columns.filter((c) => /token|ticket|invitation|browser|resume/i.test(c))).toEqual([]);

    // Any browser reopening the link is only thanked: no pole, no answers, no date.
    for (const context of [phone, other, await browser.newContext(PHONE)]) {
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      await page.goto(link);
      await expect.poll(() => page.getByTestId('merci').count(), { timeout: 10_000 }).toBe(1);
      expect(await page.getByText('Merci ! Vos réponses ont été enregistrées.').count()).toBe(1);
      await expectNoAnswerShown(page);
      expect(await page.getByTestId('merci').innerText()).not.toMatch(/\d/);
      expect(await page.getByRole('button', { name: 'Terminer' }).count()).toBe(0);
      await page.close();
    }
  });

  it('shows a clear page for a link the coordination revoked', async () => {
    const revokedToken = seedLink('i-revoked', 'c2026');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(`${server.url}/r/${revokedToken}`);
    await waitForForm(page);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);

    server.deps.repos.invitations.revoke('i-revoked', now());
    await page.reload();
    await expect.poll(() => page.getByTestId('lien-retire').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ce lien a été retiré');
    await expectNoAnswerShown(page);
    await context.close();
  });

  it('a shared link on one device: once a person has sent, the next one starts a fresh questionnaire', async () => {
    const shared = seedLink('i-shared', 'c2026', { shared: true });
    const sharedUrl = `${server.url}/r/${shared}`;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(sharedUrl);
    await waitForForm(page);
    const first = new URL(page.url()).pathname;
    expect(first).not.toBe(`/r/${shared}`);
    expect(await page.getByTestId('promesse-confidentialite').count()).toBe(1);
    await fillFirstPage(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await answerAndFinish(page);
    // The personal token is forgotten on this device once sent.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ptce-shared-')))).toEqual([]);
    expect(await page.getByRole('link', { name: 'Permettre à une autre personne de répondre sur cet appareil' }).count()).toBe(1);
    await expectNoAnswerShown(page);

    // Reopening the shared link: a new claim, an empty questionnaire on its first page.
    await page.goto(sharedUrl);
    await waitForForm(page);
    const second = new URL(page.url()).pathname;
    expect(second).not.toBe(first);
    expect(second).not.toBe(`/r/${shared}`);
    expect(await page.locator('input[type=radio][value="collectivites"]').isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Précédent' }).count()).toBe(0);
    await context.close();
  });

  it('a shared link that reached its maximum refuses new people clearly', async () => {
    const shared = seedLink('i-full', 'c2026', { shared: true, maxResponses: 1 });
    const first = await browser.newContext(PHONE);
    const firstPage = await first.newPage();
    await firstPage.goto(`${server.url}/r/${shared}`);
    await waitForForm(firstPage);
    const second = await browser.newContext(PHONE);
    const page = await second.newPage();
    await page.goto(`${server.url}/r/${shared}`);
    await expect.poll(() => page.getByTestId('lien-complet').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('lien-complet').innerText()).toMatch(/nombre de réponses prévu/);
    await first.close();
    await second.close();
  });

  it('shows a clear page when the campaign is not open yet', async () => {
    const { repos } = server.deps;
    repos.campaigns.create({ id: 'c2099', year: 2099, questionnaireId: 'ptce-2026', opensAt: '2099-03-01T00:00:00.000Z', closesAt: null, createdAt: now() });
    const early = seedLink('i2', 'c2099');
    const page = await browser.newPage();
    await page.goto(`${server.url}/r/${early}`);
    await expect.poll(() => page.getByTestId('pas-ouvert').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('pas-ouvert').textContent()).toMatch(/1 mars 2099|1er mars 2099/);
    await page.close();
  });

  it('shows a clear page for an unknown link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/r/${'Z'.repeat(43)}`);
    await expect.poll(() => page.getByTestId('lien-inconnu').count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });
});
