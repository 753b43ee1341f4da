// A coordinator runs the pole's meeting in the browser: four steps, an explicit save, a warning before leaving with
// unsaved changes, statuses updated later in the year; the next campaign's results and action plan follow the plan.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { startE2eServer } from './server.ts';
import { hashPassword } from '../../server/security/passwords.ts';
import { hashToken, newId, newToken } from '../../server/security/tokens.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { scoreRespondent } from '../../reports/analysis/scoring.ts';
import type { PoleResults } from '../../reports/types.ts';
import type { Review } from '../../reports/contract/review.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
const COORDINATOR = { email: 'coordination@coteaux.test', password: 'mot-de-passe-coteaux' };
/** Set REVIEW_SCREENSHOTS=/some/folder to keep screenshots of the four steps at 360 px. */
const SCREENSHOTS = process.env.REVIEW_SCREENSHOTS;

/** Nine responses in one results batch, every theme answered around `leaning` (low: weaknesses, hence options). */
function seedResponses(campaignId: string, seed: number, leaning: number) {
  const { repos, sealer, questionnaires } = server.deps;
  const q = questionnaires.get('ptce-2026')!;
  const rng = seededRandom(seed);
  const leanings = new Map(q.model.themes.map((t) => [t.id, leaning]));
  const now = new Date().toISOString();
  const colleges = ['ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'collectivites', 'collectivites', 'collectivites'];
  const rows = colleges.map((college, n) => {
    const token = newToken();
    return { id: `inv-${campaignId}-${n}`, poleId: 'p1', campaignId, tokenHash: hashToken(token), tokenSealed: sealer.seal(token), shared: false, college, createdAt: now, ticketId: `ticket-${campaignId}-${n}` };
  });
  repos.invitations.createMany(rows);
  for (const row of rows) {
    const data = sampleAnswers(q, rng, { college: row.college, leanings, complete: true });
    const submission = { responseId: newId(), college: row.college, data, itemScores: scoreRespondent(q.model, data).items, day: now.slice(0, 10), minBatch: rows.length, readyForNextBatch: () => true };
    expect(repos.tickets.submit({ id: row.ticketId, poleId: 'p1', campaignId }, submission)).toBe(true);
  }
}

const api = <T,>(page: Page, path: string) => page.evaluate((p) => fetch(p).then((r) => r.json()), path) as Promise<T>;
const status = (page: Page) => page.getByTestId('review-save-status').textContent();
const step = (page: Page, n: number, title: string) => page.getByRole('navigation', { name: 'Étapes de la revue' }).getByRole('button', { name: `${n}. ${title}` }).click();

describe.runIf(runBrowserTests)('a coordinator runs the collective review', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    const createdAt = new Date().toISOString();
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt });
    repos.campaigns.create({ id: 'c2025', year: 2025, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt });
    repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await hashPassword(COORDINATOR.password), createdAt);
    seedResponses('c2025', 7, 0.25);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('takes the meeting through four steps, saves it, warns before leaving unsaved changes, and updates statuses later', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2025`);
    await page.getByRole('link', { name: 'Revue collective et plan d’action' }).click();
    await expect.poll(() => page.getByTestId('review-step-1').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/poles/p1/campagnes/c2025/revue');
    expect(await status(page)).toBe('Revue pas encore enregistrée');
    const results = await api<PoleResults>(page, '/api/poles/p1/campaigns/c2025/results');

    // Step 1: the meeting, and the diagnosis read together.
    await page.getByLabel('Date de la réunion').fill('2025-09-18');
    await page.getByLabel('Entreprises de l’ESS', { exact: true }).fill('5');
    await page.getByLabel('Collectivités territoriales et organismes publics').fill('2');
    const weakest = results.themes.find((t) => t.id === results.swot.weaknesses[0])!;
    expect(await page.getByTestId('review-swot-weakness').textContent()).toContain(weakest.label);
    expect(await status(page)).toBe('Modifications non enregistrées');

    // Step 2: what the group makes of the weakest theme.
    await page.getByRole('button', { name: 'Étape suivante →' }).click();
    const theme = page.getByTestId(`review-theme-${weakest.id}`);
    await theme.getByRole('radio', { name: 'Oui' }).check();
    await theme.getByLabel('Ce que le groupe en dit').fill('Constat partagé : le sujet revient chaque année.');

    // Step 3: the first option proposed, and an action of the pole's own.
    await step(page, 3, 'Options et actions');
    const option = results.options[0];
    const proposed = page.getByTestId('review-option').filter({ hasText: option.title });
    await proposed.getByRole('checkbox', { name: 'Le groupe adopte cette option' }).check();
    await page.getByLabel('Nouvelle action du pôle').fill('Lettre d’information trimestrielle');
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();

    // Step 4: who carries each action, by when.
    await step(page, 4, 'Le plan d’action');
    const actions = page.getByTestId('review-plan-action');
    expect(await actions.count()).toBe(2);
    await actions.nth(0).getByLabel('Portée par').fill('Bureau de l’association');
    await actions.nth(0).getByLabel('Échéance (mois)').fill('2026-03');
    await actions.nth(1).getByLabel('Portée par').fill('Équipe d’animation');
    await actions.nth(1).getByLabel('Statut').selectOption({ label: 'En cours' });

    // Leaving by a link with unsaved changes asks first; refusing keeps the page as it is.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: '← Campagne 2025' }).click();
    expect(asked).toEqual(['Des modifications ne sont pas enregistrées. Quitter la page sans les enregistrer ?']);
    expect(new URL(page.url()).pathname).toBe('/poles/p1/campagnes/c2025/revue');

    await page.getByTestId('review-save').click();
    await expect.poll(() => status(page)).toMatch(/^Enregistré le /);
    expect(await page.getByTestId('review-save').isDisabled()).toBe(true);
    const stored = await api<Review>(page, '/api/poles/p1/campaigns/c2025/review');
    expect(stored).toMatchObject({
      meetingDate: '2025-09-18', participants: { ess: 5, collectivites: 2 },
      themes: [{ themeId: weakest.id, agreed: true, note: 'Constat partagé : le sujet revient chaque année.' }],
      actions: [
        { optionId: option.id, title: option.title, owner: 'Bureau de l’association', due: '2026-03', status: 'planned' },
        { optionId: null, title: 'Lettre d’information trimestrielle', owner: 'Équipe d’animation', due: null, status: 'in_progress' },
      ],
    });

    // The plan printed for the minutes.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-action-plan').click()]);
    expect(download.suggestedFilename()).toBe('plan-d-action-pole-des-coteaux-2025.pdf');
    const pdf = (await download.path())!;
    expect(readFileSync(pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
    if (existsSync('/usr/bin/pdftotext')) expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Bureau de l’association');

    // Months later: the statuses move. An unsaved change survives a reload of the tab, then is saved.
    await page.reload();
    await step(page, 4, 'Le plan d’action');
    await page.getByTestId('review-plan-action').nth(0).getByLabel('Statut').selectOption({ label: 'Réalisée' });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => page.getByTestId('review-restored').count(), { timeout: 10_000 }).toBe(1);
    await step(page, 4, 'Le plan d’action');
    expect(await page.getByTestId('review-plan-action').nth(0).getByLabel('Statut').inputValue()).toBe('done');
    await page.getByTestId('review-save').click();
    await expect.poll(() => status(page)).toMatch(/^Enregistré le /);
    expect((await api<Review>(page, '/api/poles/p1/campaigns/c2025/review')).actions.map((a) => a.status)).toEqual(['done', 'in_progress']);
    await context.close();
  }, 90_000);

  it('shows the next campaign what became of the plan, in its results and at its own review', async () => {
    seedResponses('c2026', 70, 0.4);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2026/revue`);
    const followUp = page.getByTestId('review-follow-up');
    await expect.poll(() => followUp.count(), { timeout: 15_000 }).toBe(1);
    const results = await api<PoleResults>(page, '/api/poles/p1/campaigns/c2026/results');
    expect(results.followUp).toMatchObject({ campaignId: 'c2025', year: 2025, actions: [{ status: 'done' }, { status: 'in_progress', title: 'Lettre d’information trimestrielle' }] });
    expect(results.followUp!.actions[0].themes.length).toBeGreaterThan(0);
    expect(await followUp.getByRole('heading').textContent()).toBe('Suivi du plan d’action 2025');
    expect(await followUp.textContent()).toContain(`${results.followUp!.actions[0].title} : réalisée`);
    // Its statuses are updated on the 2025 review.
    await followUp.getByRole('link', { name: 'Mettre à jour les statuts du plan 2025' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/poles/p1/campagnes/c2025/revue');
    await context.close();
  }, 60_000);

  it('fits a phone screen at every step', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2025/revue`);
    await expect.poll(() => page.getByTestId('review-step-1').count(), { timeout: 15_000 }).toBe(1);
    const titles = ['Le diagnostic', 'Lecture des thèmes', 'Options et actions', 'Le plan d’action'];
    for (const [i, title] of titles.entries()) {
      await step(page, i + 1, title);
      await expect.poll(() => page.getByTestId(`review-step-${i + 1}`).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), title).toBeLessThanOrEqual(360);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/review-${i + 1}-360.png`, fullPage: true });
    }
    // The save button stays in reach at the foot of the screen.
    const save = await page.getByTestId('review-save').boundingBox();
    expect(save!.y + save!.height).toBeLessThanOrEqual(740);
    await context.close();
  }, 60_000);
});
