import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectChartsDrawn, launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { startE2eServer } from './server.ts';
import { generateDemoNetwork, type DemoAccounts } from '../../server/demo/network.ts';
import { supportMinWeaknesses } from '../../reports/analysis/network-support.ts';
import type { QuestionnaireModel } from '../../surveys/model.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
let accounts: DemoAccounts;
/** The themes of the 2026 campaign's questionnaire version: the dashboard's columns and rows. */
let model: QuestionnaireModel;
/** Set DASHBOARD_SCREENSHOTS=/some/folder to keep screenshots of the network dashboard at 1100 px and 360 px. */
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS;

describe.runIf(runBrowserTests)('the Labo reads the network dashboard', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    // 12 fictitious poles (8 associations, 3 without legal structure, 1 UES), campaigns 2025 and 2026.
    accounts = await generateDemoNetwork(server.deps);
    model = server.deps.questionnaires.get(server.deps.repos.campaigns.get('campagne-2026')!.questionnaireId)!.model;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const login = (page: Page) => signIn(page, server.url, accounts.admin);
  const heatmapRows = (page: Page) => page.getByTestId('heatmap').locator('tbody tr');

  it('follows the admin link, reads heatmap and profiles, filters by legal form and exports CSV', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await login(page);

    await page.goto(`${server.url}/admin`);
    await page.getByTestId('campaign-campagne-2026').getByRole('link', { name: /Résultats du réseau/ }).click();
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(12);
    expect(new URL(page.url()).pathname).toBe('/reseau/campagnes/campagne-2026');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Résultats du réseau 2026/);
    expect(await page.getByTestId('network-counts').textContent()).toMatch(/12 pôles, 12 avec résultats/);

    // Heatmap: 12 poles × the version's themes, in its order, each cell showing its score (« 56,3 »), not only a colour.
    const themeLabels = model.themes.map((t) => t.label);
    expect(await page.getByTestId('heatmap').getByTestId('heatmap-theme').locator('.visually-hidden').allTextContents()).toEqual(themeLabels);
    const firstRowCells = heatmapRows(page).first().locator('td');
    // Overall score, weaknesses, dissensus, participation, change since 2025, then the themes.
    await expect.poll(() => firstRowCells.count()).toBe(5 + themeLabels.length);
    expect(await firstRowCells.nth(0).textContent()).toMatch(/^\d{1,3},\d$/);
    expect(await firstRowCells.nth(3).textContent()).toMatch(/^\d{1,3}\s%$/);
    expect(await firstRowCells.nth(4).textContent()).toMatch(/^[+−-]?\d{1,3},\d$/);
    expect(await firstRowCells.nth(5).textContent()).toMatch(/^\d{1,3},\d$/);

    // Profiles in the seed's style: 8 associations, 3 without legal structure, 1 UES.
    const legalForms = page.getByTestId('profile-table').getByTestId('profile-formeJuridique');
    expect(await legalForms.textContent()).toMatch(/Association\s*:\s*8/);
    expect(await legalForms.textContent()).toMatch(/Pas de structure juridique\s*:\s*3/);

    // Theme table, frequent weaknesses, participation and evolution are there.
    expect(await page.locator('#network-themes-table tbody tr').count()).toBe(themeLabels.length);
    expect(await page.getByTestId('frequent-weaknesses').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('participation-poles').locator('tbody tr').count()).toBe(12);
    expect(await page.locator('#network-evolution-table thead th').allTextContents()).toEqual(expect.arrayContaining(['2025', '2026']));

    // « Qualité du questionnaire », reached from the page's navigation: each theme's coherence, as the API gives it.
    const quality = page.getByTestId('network-quality');
    expect(await page.getByRole('link', { name: 'Qualité du questionnaire' }).getAttribute('href')).toBe('#quality-title');
    expect(await quality.getByRole('heading', { name: 'Qualité du questionnaire', level: 2 }).count()).toBe(1);
    const served = await page.evaluate(() => fetch('/api/campaigns/campagne-2026/results').then((r) => r.json()));
    const rows = quality.getByTestId('quality-table').locator('tbody tr');
    expect(await rows.count()).toBe(themeLabels.length);
    const withAlpha = (served.themes as { alpha: number | null }[]).findIndex((t) => t.alpha !== null);
    expect(withAlpha).toBeGreaterThanOrEqual(0);
    expect(await rows.nth(withAlpha).locator('td').first().textContent()).toBe(served.themes[withAlpha].alpha.toFixed(2).replace('.', ','));
    expect(await quality.textContent()).toMatch(/À retravailler l’an prochain/);

    // « Plans d’action des pôles »: the demo's poles stored plans for 2025 only, so 2026 says none yet.
    expect(served.actions.poles).toBe(0);
    expect(await page.getByTestId('network-actions').textContent()).toContain('Aucun pôle retenu par les filtres n’a encore enregistré de plan d’action pour la campagne 2026');
    expect(await page.getByTestId('network-actions-table').count()).toBe(0);

    // Charts: theme distributions, groups by legal form and median evolution, with a visible size and an accessible label.
    await expectChartsDrawn(page, 3);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/network-1100.png`, fullPage: true });

    // Filter choices: only the legal forms some pole has, with their counts.
    expect(await page.getByLabel('Forme juridique', { exact: true }).locator('option').allTextContents()).toEqual([
      'Toutes les formes', 'Association (8)', 'Union d’économie sociale (UES) (1)', 'Pas de structure juridique (3)',
    ]);
    // Filter: forme juridique = UES leaves one pole, and the query string says so.
    await page.getByLabel('Forme juridique', { exact: true }).selectOption('ues');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect.poll(() => heatmapRows(page).count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(page.url()).searchParams.get('legalForm')).toBe('ues');
    await expect.poll(() => page.getByTestId('network-counts').textContent()).toMatch(/^1 pôle, 1 avec résultats/);
    expect(await heatmapRows(page).first().locator('th').textContent()).toBe('Cité des Coopérations Urbaines');
    // The filter choices stay, counted over the whole campaign.
    expect(await page.getByLabel('Forme juridique', { exact: true }).locator('option').count()).toBe(4);

    // The PDF carries the filters, the campaign each pole is compared to, and the comparisons ticked.
    await expect.poll(() => page.getByTestId('exports-filters').textContent()).toMatch(/Forme juridique : Union d’économie sociale \(UES\)\.$/);
    await page.getByLabel('Par âge du pôle').check();
    const [pdfRequest] = await Promise.all([page.waitForRequest(/report\.pdf/), page.getByRole('button', { name: 'Rapport PDF du réseau' }).click()]);
    const pdfUrl = new URL(pdfRequest.url());
    expect(Object.fromEntries(pdfUrl.searchParams)).toEqual({ legalForm: 'ues', compareTo: 'campagne-2025', compare: 'ageBand' });
    expect((await pdfRequest.response())?.status()).toBe(200);
    // So do the exports.
    expect(await page.getByTestId('export-csv-long').getAttribute('href')).toBe('/api/campaigns/campagne-2026/export.csv?format=long&legalForm=ues');

    // Reset brings the whole network back.
    await page.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(() => heatmapRows(page).count(), { timeout: 10_000 }).toBe(12);
    expect(new URL(page.url()).search).toBe('');

    // The long CSV export answers 200 with a UTF-8 BOM (for Excel).
    const href = await page.getByTestId('export-csv-long').getAttribute('href');
    expect(href).toBe('/api/campaigns/campagne-2026/export.csv?format=long');
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('Content-Type'), head: [...bytes.subarray(0, 3)] };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
    expect(await page.getByRole('link', { name: 'CSV large' }).getAttribute('href')).toBe('/api/campaigns/campagne-2026/export.csv?format=wide');
    expect(await page.getByRole('link', { name: 'Classeur Excel' }).getAttribute('href')).toBe('/api/campaigns/campagne-2026/export.xlsx');
    expect(await page.getByRole('button', { name: 'Rapport PDF du réseau' }).count()).toBe(1);
    await context.close();
  }, 60_000);

  it('sorts the heatmap from the keyboard, links each pole, lists the poles to support, maps each pole’s change and compares groups', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await login(page);
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026`);
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(12);
    const heatmap = page.getByTestId('heatmap');
    const score = (text: string | null) => Number(text!.replace(',', '.'));
    const overallColumn = async () => (await heatmapRows(page).locator('td:nth-of-type(1)').allTextContents()).map(score);

    // Sort by overall score with the keyboard: lowest first, then highest first; aria-sort says which.
    const overallHeader = heatmap.locator('thead th').nth(1);
    await overallHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => overallHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await overallColumn();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    await expect.poll(() => overallHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await overallColumn();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(await heatmap.locator('thead th[aria-sort]').count()).toBe(1);
    // By count of weaknesses: most first.
    await heatmap.getByRole('button', { name: 'Faiblesses' }).click();
    const weaknesses = (await heatmapRows(page).locator('td:nth-of-type(2)').allTextContents()).map(Number);
    expect(weaknesses).toEqual([...weaknesses].sort((a, b) => b - a));
    // By a theme: the first, whose column follows the change since 2025.
    await heatmap.getByRole('button', { name: model.themes[0].label, exact: true }).click();
    const theme = (await heatmapRows(page).locator('td:nth-of-type(6)').allTextContents()).map(score);
    expect(theme).toEqual([...theme].sort((a, b) => a - b));

    // « Pôles à accompagner »: the rule is stated, each pole on the list meets it.
    const support = page.getByTestId('network-support');
    const internal = model.themes.filter((t) => model.dimensions.find((d) => d.id === t.dimension)!.factor === 'internal').length;
    expect(await support.getByTestId('support-rule').textContent()).toMatch(
      new RegExp(`quart le plus bas .* ou qui comptent au moins ${supportMinWeaknesses(internal)} faiblesses, soit la moitié de leurs ${internal} thèmes internes`),
    );
    const listed = await support.getByTestId('support-pole').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    for (const line of listed) expect(line).toMatch(/dans le quart le plus bas|faiblesses, au moins la moitié des thèmes internes/);

    // Each pole's change since 2025: a heatmap of signed differences, 12 poles.
    const changes = page.getByTestId('change-heatmap');
    await expect.poll(() => changes.locator('tbody tr').count()).toBe(12);
    expect(await page.getByLabel('Comparer à la campagne').inputValue()).toBe('campagne-2025');
    for (const cell of await changes.locator('tbody tr').first().locator('td').allTextContents()) expect(cell).toMatch(/^([+−-]\d{1,3},\d|0,0|–)$/);

    // Groups side by side: by legal form, then by age band.
    const groups = page.getByTestId('compare-groups');
    await expect.poll(() => groups.locator('tbody th').allTextContents()).toEqual(['Association', expect.stringMatching(/^autres \(Pas de structure juridique : 3, Union d’économie sociale \(UES\) : 1\)$/)]);
    await page.getByLabel('Regrouper les pôles par').selectOption('ageBand');
    await expect.poll(() => groups.locator('tbody th').allTextContents()).toEqual(['10 à 14 ans', '15 ans et plus', expect.stringMatching(/^autres \(moins de 5 ans : 2\)$/)]);
    expect(await page.getByTestId('compare-themes').locator('tbody tr').count()).toBe(model.themes.length);

    // Every chart downloads: a PNG drawn for print (3 000 pixels wide), and an SVG.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Répartition des scores des pôles par thème.* en PNG/ }).click()]);
    expect(png.suggestedFilename()).toBe('reseau-2026-themes.png');
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(3000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Score global des pôles par âge du pôle.* en SVG/ }).click()]);
    expect(svg.suggestedFilename()).toBe('reseau-2026-comparaison-ageBand.svg');
    expect(readFileSync((await svg.path())!, 'utf8')).toContain('>15 ans et plus (5 pôles)</text>');
    expect(await page.getByRole('button', { name: / en PNG$/ }).count()).toBe(3);

    // Each row leads to that pole's results.
    const link = heatmapRows(page).first().getByRole('link');
    const name = await link.textContent();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/poles\/pole-\d+\/campagnes\/campagne-2026\/resultats$/);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(href);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain(name!);
    await context.close();
  }, 90_000);

  it('shows the options the poles adopted in their 2025 plans, as the results give them', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await login(page);
    await page.goto(`${server.url}/reseau/campagnes/campagne-2025`);
    const section = page.getByTestId('network-actions');
    await expect.poll(() => section.getByTestId('network-actions-table').locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const served = await page.evaluate(() => fetch('/api/campaigns/campagne-2025/results').then((r) => r.json()));
    const rows = section.getByTestId('network-actions-table').locator('tbody tr');
    expect(await rows.count()).toBe(served.actions.options.length);
    const first = served.actions.options[0];
    expect(await rows.first().locator('th').textContent()).toBe(first.title);
    expect(await rows.first().locator('td').allTextContents()).toEqual([String(first.adopted), String(first.done)]);
    expect(await section.textContent()).toMatch(new RegExp(`${served.actions.poles} pôles retenus par les filtres ont enregistré un plan`));
    expect(await page.getByRole('link', { name: 'Plans d’action' }).getAttribute('href')).toBe('#network-actions-title');
    await page.close();
  }, 60_000);

  it('opens filtered from the query string and fits a phone screen', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page);
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026?legalForm=association`);
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(8);
    expect(await page.getByLabel('Forme juridique', { exact: true }).inputValue()).toBe('association');
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026`);
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(12);
    await expect.poll(() => page.locator('canvas[role="img"]').count()).toBe(3);
    // Only the tables' own scrolling areas are wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const canvas = await page.locator('canvas[role="img"]').first().boundingBox();
    expect(canvas!.width).toBeGreaterThan(200);
    expect(canvas!.width).toBeLessThanOrEqual(360);
    // The pole names stay in view while the heatmap scrolls sideways.
    expect(await page.getByTestId('heatmap').locator('tbody th').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/network-360.png`, fullPage: true });
    await context.close();
  }, 60_000);

  it('is refused to a pole coordinator', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, accounts.coordinators[0]);
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Accès refusé');
    expect(await page.getByTestId('heatmap').count()).toBe(0);
    await page.close();
  }, 30_000);
});
