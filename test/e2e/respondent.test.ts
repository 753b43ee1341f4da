import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { startE2eServer } from './server.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
let link: string;
let token: string;

describe.runIf(runBrowserTests)('a stakeholder fills in the questionnaire on a phone', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos, sealer } = server.deps;
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: new Date().toISOString() });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: new Date().toISOString() });
    token = newToken();
    repos.invitations.createMany([{ id: 'i1', poleId: 'p1', campaignId: 'c2026', tokenHash: hashToken(token), tokenSealed: sealer.seal(token), shared: false, college: null, createdAt: new Date().toISOString(), responseId: 'r1' }]);
    link = `${server.url}/r/${token}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('answers the first page, leaves, comes back to find the answers, finishes and sees the thank-you page', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' };
    let context = await browser.newContext(phone);
    let page = await context.newPage();
    await page.goto(link);
    await expect.poll(() => page.getByText('Entreprises hors ESS').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByText('Collectivités territoriales et organismes publics').click();
    await page.getByText('Membre fondateur', { exact: false }).first().click();
    await page.getByRole('spinbutton').fill('6');
    await page.getByText('Non', { exact: true }).click().catch(async () => page.locator('.sd-boolean').first().click());
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByTestId('draft-status').textContent(), { timeout: 10_000 }).toMatch(/Brouillon enregistré/);
    await context.close();

    const saved = server.deps.repos.responses.findByTokenHash(hashToken(token))!;
    expect(saved.status).toBe('draft');
    expect(saved.data).toMatchObject({ college: 'collectivites', position: 'fondateur', anciennete: 6 });

    context = await browser.newContext(phone);
    page = await context.newPage();
    await page.goto(link);
    // Back on the page they left (second page), then their first-page answers are there.
    await expect.poll(() => page.getByRole('button', { name: 'Précédent' }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Précédent' }).click();
    await expect.poll(() => page.locator('input[type=radio][value="collectivites"]').isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton').inputValue()).toBe('6');

    // Go through the remaining pages, answering one statement on the way, and finish.
    await page.getByRole('button', { name: 'Suivant' }).click();
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
    await expect.poll(() => page.getByText('Merci ! Vos réponses ont été enregistrées.').count()).toBe(1);
    await context.close();

    const stored = server.deps.repos.responses.findByTokenHash(hashToken(token))!;
    expect(stored.status).toBe('submitted');
    expect(stored.college).toBe('collectivites');
    expect(Object.values(stored.data.gouv_debat as object)).toContain(4);

    // Reopening the link now only thanks them: the answers can no longer change.
    page = await (await browser.newContext(phone)).newPage();
    await page.goto(link);
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Terminer' }).count()).toBe(0);
  });

  it('shows a clear page when the campaign is not open yet', async () => {
    const { repos, sealer } = server.deps;
    repos.campaigns.create({ id: 'c2099', year: 2099, questionnaireId: 'ptce-2026', opensAt: '2099-03-01T00:00:00.000Z', closesAt: null, createdAt: new Date().toISOString() });
    const early = newToken();
    repos.invitations.createMany([{ id: 'i2', poleId: 'p1', campaignId: 'c2099', tokenHash: hashToken(early), tokenSealed: sealer.seal(early), shared: false, college: null, createdAt: new Date().toISOString(), responseId: 'r2' }]);
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
