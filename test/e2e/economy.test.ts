// The pole's economy in the browser: a coordinator opens the profile of a new campaign and finds last year's values,
// said plainly, saves them with this year's answers, and reads the key figures on the dashboard; the Labo filters the
// network by territory type and stage and reads the key figures' distributions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';
import { hashPassword } from '../../server/security/passwords.ts';
import { importQuestionnaire } from '../../server/commands/questionnaires.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
const COORDINATOR = { email: 'coordination@coteaux.test', password: 'mot-de-passe-coteaux' };
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../surveys/definitions/${file}`, import.meta.url), 'utf8'));

describe.runIf(runBrowserTests)('the pole’s economy', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    const now = new Date().toISOString();
    // The 2026 campaign asks the 2027 profile form; the 2025 one, the 2026 form.
    importQuestionnaire(server.deps, repos.users.findByEmail(E2E_ADMIN.email)!, { id: 'essai-eco-2027', definition: read('ptce-2026.json'), profile: read('ptce-2027.profile.json') });
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: 'Bretagne', departement: null, createdAt: now });
    repos.campaigns.create({ id: 'c2025', year: 2025, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'essai-eco-2027', opensAt: null, closesAt: null, createdAt: now });
    repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await hashPassword(COORDINATOR.password), now);
    repos.profiles.save('p1', 'c2025', {
      formeJuridique: 'association', charte: 'adoptee', lieuVitrine: true, region: 'bretagne', membresParCollege: { ess: 6 }, autofinancement: 30, emploisMutualises: 2.5, projetsCommuns: 3,
    }, now, 'u1');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('offers last year’s profile in the new campaign, then shows the key figures with the change', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2026`);
    const profile = page.getByTestId('profile');
    await expect.poll(() => page.getByTestId('profile-prefill').textContent(), { timeout: 15_000 }).toMatch(/Valeurs reprises de la campagne 2025\s*: vérifiez-les avant d’enregistrer/);
    await expect.poll(() => profile.locator('.sd-question', { hasText: 'Part d’autofinancement' }).locator('input').inputValue()).toBe('30');
    // This year's answers: the new required questions, and a new self-financing share.
    await profile.locator('.sd-question', { hasText: 'Part d’autofinancement' }).locator('input').fill('45');
    await profile.locator('.sd-question', { hasText: 'Type de territoire' }).getByText('Rural', { exact: true }).click();
    await profile.locator('.sd-question', { hasText: 'Stade de développement' }).getByText('Développement', { exact: true }).click();
    await profile.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Profil enregistré.').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('profile-prefill').count()).toBe(0);
    expect(server.deps.repos.profiles.get('p1', 'c2026')?.data).toMatchObject({ formeJuridique: 'association', autofinancement: 45, emploisMutualises: 2.5, typeTerritoire: 'rural', stade: 'developpement' });

    await page.goto(`${server.url}/poles/p1/campagnes/c2026/resultats`);
    const row = page.getByTestId('key-figure-selfFinancing');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Part d’autofinancement\s*45\s*%\s*30\s*%\s*\+15\s*points/);
    expect(await page.getByTestId('key-fact-territoryType').textContent()).toMatch(/Rural/);
    await page.close();
  }, 60_000);

  it('lets the Labo filter the network by territory type and stage', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, E2E_ADMIN);
    await page.goto(`${server.url}/reseau/campagnes/c2026`);
    await expect.poll(() => page.getByTestId('network-key-figure-selfFinancing').textContent(), { timeout: 15_000 }).toMatch(/45\s*%/);
    await page.getByLabel('Type de territoire').selectOption('rural');
    await page.getByLabel('Stade de développement').selectOption('developpement');
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?territoryType=rural&stage=developpement');
    await expect.poll(() => page.getByTestId('exports-filters').textContent()).toMatch(/Type de territoire\s*: Rural ; Stade de développement\s*: Développement/);
    expect(await page.getByTestId('network-key-fact-territoryType').textContent()).toMatch(/Rural\s*:\s*1/);
    await page.setViewportSize({ width: 360, height: 800 });
    // At 360 px the key figures' table scrolls in its own frame rather than widening the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  }, 60_000);
});
