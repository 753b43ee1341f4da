import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectChartsDrawn, launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { startE2eServer } from './server.ts';
import { hashPassword } from '../../server/security/passwords.ts';
import { hashToken, newId, newToken } from '../../server/security/tokens.ts';
import { poleLeanings, sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { scoreRespondent } from '../../reports/analysis/scoring.ts';
import type { PoleResults } from '../../reports/types.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
const COORDINATOR = { email: 'coordination@bocage.test', password: 'mot-de-passe-bocage' };
/** Set DASHBOARD_SCREENSHOTS=/some/folder to keep screenshots of the dashboard at 1100 px and 360 px. */
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS;
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `count` submitted responses, spread over collèges so that several are large enough to be shown. */
function seedResponses(campaignId: string, colleges: string[], seed: number) {
  const { repos, sealer, questionnaires } = server.deps;
  const q = questionnaires.get('ptce-2026')!;
  const rng = seededRandom(seed);
  const leanings = poleLeanings(q, rng);
  const now = new Date().toISOString();
  const rows = colleges.map((college, n) => {
    const token = newToken();
    return { id: `inv-${campaignId}-${n}`, poleId: 'p1', campaignId, tokenHash: hashToken(token), tokenSealed: sealer.seal(token), shared: false, college, createdAt: now, ticketId: `ticket-${campaignId}-${n}` };
  });
  repos.invitations.createMany(rows);
  const model = q.model;
  for (const row of rows) {
    const data = sampleAnswers(q, rng, { college: row.college!, leanings, complete: true });
    const submission = { responseId: newId(), college: row.college, data, itemScores: scoreRespondent(model, data).items, day: now.slice(0, 10), minBatch: rows.length, readyForNextBatch: () => true };
    // One results batch once all are in, as if they had all been sent at once.
    expect(repos.tickets.submit({ id: row.ticketId, poleId: 'p1', campaignId }, submission)).toBe(true);
  }
}

describe.runIf(runBrowserTests)('a coordinator reads the pole dashboard and downloads the report', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    const createdAt = new Date().toISOString();
    repos.poles.create({ id: 'p1', name: 'Réseau du Bocage', region: null, departement: null, createdAt });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt });
    repos.campaigns.create({ id: 'c2027', year: 2027, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt });
    repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await hashPassword(COORDINATOR.password), createdAt);
    // 12 responses in 2026: 5 ESS enterprises, 4 employees, 3 local authorities.
    seedResponses('c2026', [...Array(5).fill('ess'), ...Array(4).fill('salaries'), ...Array(3).fill('collectivites')], 7);
    // 2027: a single response so far, below the anonymity threshold.
    seedResponses('c2027', ['ess'], 8);
    // The 2026 meeting adopted a plan: the 2027 results follow it.
    repos.reviews.save('p1', 'c2026', {
      meetingDate: '2026-06-12', participants: { ess: 4, salaries: 2 }, themes: [],
      actions: [
        { id: 'a1', optionId: null, title: 'Tenir un petit déjeuner mensuel tournant', owner: 'Équipe d’animation', due: '2026-10', status: 'done', note: '', themeIds: ['coop-rencontres-conviviales'] },
        { id: 'a2', optionId: null, title: 'Écrire le règlement de fonctionnement', owner: '', due: null, status: 'in_progress', note: 'Premier jet en conseil.', themeIds: [] },
      ],
    }, createdAt, 'u1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const login = (page: Page) => signIn(page, server.url, COORDINATOR);

  it('shows scores, charts, SWOT and options in plain words, downloads a chart as PNG, the PDF report and its summary', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await login(page);

    await page.goto(`${server.url}/poles/p1/campagnes/c2026`);
    await page.getByRole('link', { name: 'Résultats et rapport' }).click();
    await expect.poll(() => page.getByTestId('overall-score').count(), { timeout: 15_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/poles/p1/campagnes/c2026/resultats');

    const results = (await page.evaluate(() => fetch('/api/poles/p1/campaigns/c2026/results').then((r) => r.json()))) as PoleResults;
    expect(results.available).toBe(true);
    expect(results.overall).not.toBeNull();
    expect((await page.getByTestId('overall-score').textContent())?.trim()).toBe(oneDecimal.format(results.overall!));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Résultats 2026.*Réseau du Bocage/);

    // SWOT grid, with every theme of a category listed.
    const swot = page.getByTestId('swot');
    for (const title of ['Forces', 'Faiblesses', 'Opportunités', 'Menaces', 'Points de vigilance']) {
      expect(await swot.getByRole('heading', { name: title, exact: true }).count()).toBe(1);
    }
    const label = (id: string) => results.themes.find((t) => t.id === id)!.label;
    for (const id of results.swot.strengths) expect(await page.getByTestId('swot-strengths').textContent()).toContain(label(id));
    for (const id of results.swot.vigilance) expect(await page.getByTestId('swot-vigilance').textContent()).toContain(label(id));

    // How sure: « à confirmer » beside each classification the interval does not settle (12 answers: some), and
    // each theme's interval, rounded outwards, after its score in its dimension's table.
    expect(results.swot.uncertain.length).toBeGreaterThan(0);
    expect(await swot.getByTestId('a-confirmer').count()).toBe(results.swot.uncertain.length);
    for (const id of results.swot.uncertain) {
      expect(await swot.locator('li', { hasText: label(id) }).getByTestId('a-confirmer').count(), label(id)).toBe(1);
    }
    for (const t of results.themes) {
      if (!t.interval) continue;
      const row = page.getByTestId(`dimension-${t.dimension}`).locator('tbody tr', { has: page.getByRole('rowheader', { name: t.label, exact: true }) });
      expect(await row.locator('td').first().textContent(), t.label).toBe(`${oneDecimal.format(t.score!)} (${Math.floor(t.interval.low)} – ${Math.ceil(t.interval.high)})`);
      expect(await row.getByTestId('a-confirmer').count(), t.label).toBe(results.swot.uncertain.includes(t.id) ? 1 : 0);
    }

    // Strategic options: exactly those of the API, in its order (most urgent first), never re-sorted.
    const options = page.getByTestId('options').getByTestId('option');
    expect(results.options.length).toBeGreaterThan(1);
    expect(await options.getByRole('heading').allTextContents()).toEqual(results.options.map((o) => o.title));

    // Identical comments once, with their count.
    const repeated = results.verbatims.flatMap((v) => v.answers).filter((a) => a.count > 1);
    expect(repeated.length).toBeGreaterThan(0);
    const verbatims = await page.getByTestId('verbatim').allTextContents();
    for (const answer of repeated) {
      const shown = verbatims.filter((text) => text.includes(answer.text));
      expect(shown, answer.text).toHaveLength(1);
      expect(shown[0].replace(/\s+/g, ' ')).toContain(`(× ${answer.count})`);
    }

    // Plain words: the statistician's are in the PDF's method annex, not on the page.
    const body = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const jargon of [/score brut/i, /écart entre collèges/i, /écart-type/i, /\(n = /, /\bQ[13]\b/, /TOWS/, /intensité/i]) expect(body).not.toMatch(jargon);
    expect(body).toContain('Réponses');

    // Which collèges disagree is said in words, lowest first, wherever they do.
    const disagreements = [...results.themes, ...results.items].filter((x) => x.dissensus);
    expect(disagreements.length).toBeGreaterThan(0);
    const dissensus = (await page.getByTestId('dissensus').textContent())!.replace(/\s+/g, ' ');
    for (const x of disagreements) {
      const shown = x.byCollege.filter((b) => b.score !== null).sort((a, b) => a.score! - b.score!);
      expect(dissensus).toContain(`${shown[0].label} ${oneDecimal.format(shown[0].score!)} – ${shown.at(-1)!.label} ${oneDecimal.format(shown.at(-1)!.score!)}`);
    }

    // Dissensus list and one section per dimension.
    expect(await page.getByTestId('dissensus').count()).toBe(1);
    for (const d of results.dimensions) expect(await page.getByTestId(`dimension-${d.id}`).count()).toBe(1);

    // Charts are drawn: participation, then per dimension its sorted bars and the collèges' dots, all with a visible
    // size and an accessible label that points to the table holding their figures.
    await expectChartsDrawn(page, 1 + 2 * results.dimensions.length);
    for (const canvas of await page.locator('canvas[role="img"]').all()) {
      const table = await canvas.getAttribute('aria-describedby');
      expect(await page.locator(`table#${table}`).count(), table!).toBe(1);
    }

    // Each chart downloads as a PNG drawn for print, with an accessible name saying which chart.
    expect(await page.getByRole('button', { name: / en PNG$/ }).count()).toBe(1 + 2 * results.dimensions.length);
    const pngButton = page.getByRole('button', { name: /Scores des thèmes – Gouvernance, 2026.* en PNG/ });
    await pngButton.focus();
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')]);
    // The keyboard focus stays on the button while the image is drawn.
    expect(await pngButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(png.suggestedFilename()).toBe('resultats-reseau-du-bocage-2026-themes-gouvernance.png');
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(3000);

    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/dashboard-1100.png`, fullPage: true });

    // The PDF: progress while it is produced, then a download that is a real PDF.
    await page.getByTestId('download-pdf').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^rapport-.*2026\.pdf$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expect.poll(() => page.getByTestId('download-pdf-progress').textContent()).toMatch(/Rapport téléchargé/);
    expect(await page.getByTestId('download-pdf').isEnabled()).toBe(true);

    // The two-page summary for the meeting.
    const [summary] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-summary').click()]);
    expect(summary.suggestedFilename()).toBe('synthese-reseau-du-bocage-2026.pdf');
    expect(readFileSync((await summary.path())!).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await expect.poll(() => page.getByTestId('download-summary-progress').textContent()).toMatch(/Synthèse téléchargée/);
    await context.close();
  }, 60_000);

  it('fits a phone screen', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page);
    await page.goto(`${server.url}/poles/p1/campagnes/c2026/resultats`);
    await expect.poll(() => page.getByTestId('overall-score').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('canvas[role="img"]').count()).toBeGreaterThan(2);
    // Nothing but the tables' own scrolling areas overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Every chart shrinks to the screen, its theme labels wrapped, none cut off and none scrolling sideways.
    for (const canvas of await page.locator('canvas[role="img"]').all()) {
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
      expect(box!.width).toBeGreaterThan(200);
    }
    expect(await page.locator('.chart-scroll').count()).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/dashboard-360.png`, fullPage: true });
    await context.close();
  }, 40_000);

  it('says when results are not available yet, still shows participation and follows last year’s plan', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await login(page);
    await page.goto(`${server.url}/poles/p1/campagnes/c2027/resultats`);
    await expect.poll(() => page.getByTestId('results-unavailable').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('results-unavailable').textContent()).toMatch(/anonymat/);
    expect(await page.getByTestId('results-participation').count()).toBe(1);
    expect(await page.getByTestId('swot').count()).toBe(0);
    expect(await page.getByTestId('overall-score').count()).toBe(0);

    // What became of the plan adopted at the 2026 meeting, action by action.
    const followUp = page.getByTestId('follow-up');
    expect(await followUp.getByRole('heading', { name: 'Suivi du plan d’action 2026' }).count()).toBe(1);
    expect((await followUp.textContent())?.replace(/\s+/g, ' ')).toContain('Lors de sa réunion du 12 juin 2026, le pôle a adopté 2 actions : 1 réalisée, 1 en cours.');
    const rows = followUp.getByTestId('follow-up-action');
    expect(await rows.count()).toBe(2);
    const first = (await rows.nth(0).textContent())!.replace(/\s+/g, ' ');
    for (const part of ['Tenir un petit déjeuner mensuel tournant', 'Équipe d’animation', 'octobre 2026', 'Réalisée', 'Rencontres conviviales']) expect(first).toContain(part);
    expect((await rows.nth(1).textContent())!.replace(/\s+/g, ' ')).toMatch(/Écrire le règlement de fonctionnement.*Premier jet en conseil\..*à préciser.*En cours.*aucun thème indiqué/);
    await context.close();
  }, 40_000);
});
