import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectChartsDrawn, launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { startE2eServer } from './server.ts';
import { generateDemoNetwork, type DemoAccounts } from '../../server/demo/network.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
let accounts: DemoAccounts;
/** Set DASHBOARD_SCREENSHOTS=/some/folder to keep screenshots of the network dashboard at 1100 px and 360 px. */
const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS;

describe.runIf(runBrowserTests)('the Labo reads the network dashboard', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    // 12 fictitious poles (8 associations, 3 without legal structure, 1 UES), campaigns 2025 and 2026.
    accounts = await generateDemoNetwork(server.deps);
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

    // Heatmap: 12 poles × 26 themes, each cell showing its score (« 56,3 »), not only a colour.
    expect(await page.getByTestId('heatmap').getByTestId('heatmap-theme').count()).toBe(26);
    const firstRowCells = heatmapRows(page).first().locator('td');
    expect(await firstRowCells.count()).toBe(27); // overall score + 26 themes
    expect(await firstRowCells.nth(1).textContent()).toMatch(/^\d{1,3},\d$/);

    // Profiles in the seed's style: 8 associations, 3 without legal structure, 1 UES.
    const legalForms = page.getByTestId('profile-table').getByTestId('profile-formeJuridique');
    expect(await legalForms.textContent()).toMatch(/Association\s*:\s*8/);
    expect(await legalForms.textContent()).toMatch(/Pas de structure juridique\s*:\s*3/);

    // Theme table, frequent weaknesses, participation and evolution are there.
    expect(await page.locator('#network-themes-table tbody tr').count()).toBe(26);
    expect(await page.getByTestId('frequent-weaknesses').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('participation-poles').locator('tbody tr').count()).toBe(12);
    expect(await page.locator('#network-evolution-table thead th').allTextContents()).toEqual(expect.arrayContaining(['2025', '2026']));

    // Charts: theme distributions and median evolution, with a visible size and an accessible label.
    await expectChartsDrawn(page, 2);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/network-1100.png`, fullPage: true });

    // Filter: forme juridique = UES leaves one pole, and the query string says so.
    await page.getByLabel('Forme juridique').selectOption('ues');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect.poll(() => heatmapRows(page).count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(page.url()).searchParams.get('legalForm')).toBe('ues');
    await expect.poll(() => page.getByTestId('network-counts').textContent()).toMatch(/^1 pôle, 1 avec résultats/);
    expect(await heatmapRows(page).first().locator('th').textContent()).toBe('Cité des Coopérations Urbaines');

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

  it('opens filtered from the query string and fits a phone screen', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page);
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026?legalForm=association`);
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(8);
    expect(await page.getByLabel('Forme juridique').inputValue()).toBe('association');
    await page.goto(`${server.url}/reseau/campagnes/campagne-2026`);
    await expect.poll(() => heatmapRows(page).count(), { timeout: 15_000 }).toBe(12);
    await expect.poll(() => page.locator('canvas[role="img"]').count()).toBe(2);
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
