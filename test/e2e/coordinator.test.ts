import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';
import { hashPassword } from '../../server/security/passwords.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
const COORDINATOR = { email: 'coordination@coteaux.test', password: 'mot-de-passe-coteaux' };

describe.runIf(runBrowserTests)('a coordinator invites stakeholders and follows participation', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos } = server.deps;
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: new Date().toISOString() });
    repos.poles.create({ id: 'p2', name: 'Pôle Voisin', region: null, departement: null, createdAt: new Date().toISOString() });
    repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: new Date().toISOString() });
    repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await hashPassword(COORDINATOR.password), new Date().toISOString());
  });
  const loggedIn = async (account: { email: string; password: string }) => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, account);
    return page;
  };
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('logs in, creates links for a collège, and sees participation rise without reloading', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Adresse e-mail ou mot de passe incorrect/);
    await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect.poll(() => page.getByTestId('pole-name').textContent(), { timeout: 10_000 }).toBe('Pôle des Coteaux');
    await page.getByRole('link', { name: /Campagne 2026/ }).click();
    await expect.poll(() => page.getByTestId('participation').count(), { timeout: 10_000 }).toBe(1);

    await page.getByLabel('Nombre de liens').fill('3');
    await page.getByLabel('Collège (facultatif)').selectOption('salaries');
    await page.getByRole('button', { name: 'Créer les liens' }).click();
    await expect.poll(() => page.getByTestId('invitations-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
    const firstUrl = await page.getByTestId('invitations-table').locator('tbody tr').first().textContent();
    const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(firstUrl ?? '')![1];
    await expect.poll(() => page.getByTestId('participation-salaries-count').textContent(), { timeout: 10_000 }).toMatch(/0\s*\/\s*3/);

    // A stakeholder submits through the same API the respondent page uses; the bar moves on its own.
    const q = server.deps.questionnaires.get('ptce-2026')!;
    const res = await fetch(`${server.url}/api/responses/${token}/submit`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: sampleAnswers(q, seededRandom(5), { college: 'salaries' }) }),
    });
    expect(res.status).toBe(201);
    // It counts at once, under the collège the link was made for; the results wait for k responses.
    await expect.poll(() => page.getByTestId('participation-salaries-count').textContent(), { timeout: 12_000 }).toMatch(/1\s*\/\s*3/);
    expect(await page.getByTestId('participation-totals').textContent()).toMatch(/1 réponse envoyée sur 3 invitations/);
    expect(await page.getByTestId('participation-pending').textContent()).toMatch(/1 réponse envoyée attend la prochaine mise à jour des résultats/);

    // The CSV of links downloads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('liens-2026.csv');

    // The QR sheet holds one card per link.
    await page.getByRole('link', { name: 'Imprimer la feuille de QR codes' }).click();
    await expect.poll(() => page.getByTestId('qr-card').count(), { timeout: 10_000 }).toBe(3);

    // Another pole's page is refused.
    await page.goto(`${server.url}/poles/p2/campagnes/c2026`);
    await expect.poll(() => page.getByRole('heading', { name: 'Accès refusé' }).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('revokes and replaces links through the page, creates a capped shared link and previews the questionnaire', async () => {
    const page = await loggedIn(COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2026`);
    const rows = page.getByTestId('invitations-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    const tokenOf = async (n: number) => /\/r\/([A-Za-z0-9_-]{43})/.exec((await rows.nth(n).textContent()) ?? '')![1];
    const status = async (token: string) => (await fetch(`${server.url}/api/responses/${token}`)).status;

    // A shared link with at most 40 people.
    await page.getByLabel('Lien partagé').check();
    await page.getByLabel('Nombre maximal de réponses').fill('40');
    await page.getByRole('button', { name: 'Créer les liens' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    expect(await rows.nth(3).getByTestId('invitation-status').innerText()).toMatch(/0 \/ 40/);
    expect(await page.getByRole('button', { name: 'Remplacer le lien n° 4' }).count()).toBe(0);
    // The link sent in the first test cannot be replaced.
    expect(await page.getByRole('button', { name: 'Remplacer le lien n° 1' }).count()).toBe(0);

    // Link n° 2 has a draft in progress; it is replaced: the old link stops working.
    const second = await tokenOf(1);
    const put = await fetch(`${server.url}/api/responses/${second}`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { college: 'salaries' }, pageNo: 0 }),
    });
    expect(put.status).toBe(200);
    await page.getByRole('button', { name: 'Actualiser la liste' }).click();
    await expect.poll(() => rows.nth(1).getByTestId('invitation-status').innerText()).toBe('en cours');
    await page.getByRole('button', { name: 'Remplacer le lien n° 2' }).click();
    const reissue = page.getByRole('dialog', { name: 'Remplacer le lien n° 2 ?' });
    await expect.poll(() => reissue.isVisible()).toBe(true);
    expect(await reissue.innerText()).toMatch(/supprimé sans être lu/);
    await reissue.getByRole('button', { name: 'Remplacer le lien' }).click();
    const replaced = page.getByTestId('lien-remplace');
    await expect.poll(() => replaced.count(), { timeout: 10_000 }).toBe(1);
    expect(await replaced.innerText()).toMatch(/L’ancien lien ne fonctionne plus/);
    const newUrl = await replaced.getByRole('link').innerText();
    expect(newUrl).not.toContain(second);
    await expect.poll(() => tokenOf(1)).not.toBe(second);
    expect(newUrl).toContain(await tokenOf(1));
    expect(await rows.nth(1).getByTestId('invitation-status').innerText()).toBe('non ouvert');
    expect(await status(second)).toBe(404);

    // Link n° 3 is revoked, after a first change of mind (Escape closes the dialog, nothing happens).
    const third = await tokenOf(2);
    await page.getByRole('button', { name: 'Retirer le lien n° 3' }).click();
    const revoke = page.getByRole('dialog', { name: 'Retirer le lien n° 3 ?' });
    await expect.poll(() => revoke.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await page.keyboard.press('Escape');
    await expect.poll(() => revoke.count()).toBe(0);
    expect(await rows.count()).toBe(4);
    await page.getByRole('button', { name: 'Retirer le lien n° 3' }).click();
    await page.getByRole('dialog', { name: 'Retirer le lien n° 3 ?' }).getByRole('button', { name: 'Retirer le lien' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await page.getByText('Lien n° 3 retiré').count()).toBe(1);
    expect(await page.getByTestId('invitations-table').innerText()).not.toContain(third);
    expect(await status(third)).toBe(410);

    // The read-only preview.
    await page.getByRole('link', { name: 'Aperçu du questionnaire' }).click();
    await expect.poll(() => page.getByText('Aperçu en lecture seule : aucune réponse n’est enregistrée').count(), { timeout: 10_000 }).toBe(1);
    const preview = page.getByTestId('apercu-questionnaire');
    await expect.poll(() => preview.getByText('À quel collège appartenez-vous ?').count(), { timeout: 15_000 }).toBe(1);
    // All pages at once, questions shown only after some answers included; nothing can be answered.
    expect(await preview.getByText('Expression libre').count()).toBeGreaterThan(0);
    expect(await preview.getByText('Pour les collectivités et organismes publics').count()).toBeGreaterThan(0);
    expect(await preview.locator('input').count()).toBeGreaterThan(0);
    expect(await preview.getByRole('button', { name: 'Terminer' }).count()).toBe(0);
    expect(await preview.locator('input:not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('fills in the pole profile: a missing required answer is reported, then the profile is saved', async () => {
    const page = await loggedIn(COORDINATOR);
    await page.goto(`${server.url}/poles/p1/campagnes/c2026`);
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.getByText('Association', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await profile.getByText('Association', { exact: true }).click();
    await profile.getByText('Adopté', { exact: true }).click();
    await profile.locator('.sd-question', { hasText: 'lieu vitrine' }).getByText('Oui', { exact: true }).click();
    await profile.getByText('Soutien financier').click();
    await profile.getByLabel('Entreprises de l’ESS').fill('9');
    await profile.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByTestId('profile-errors').textContent(), { timeout: 10_000 }).toMatch(/Région/);
    await profile.locator('.sd-question', { hasText: 'Région' }).locator('.sd-dropdown').click();
    await page.keyboard.type('Occitanie');
    await page.keyboard.press('Enter');
    await profile.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Profil enregistré.').count(), { timeout: 10_000 }).toBe(1);
    expect(server.deps.repos.profiles.get('p1', 'c2026')?.data).toMatchObject({
      formeJuridique: 'association', charte: 'adoptee', lieuVitrine: true, soutienCollectivites: ['financier'], membresParCollege: { ess: 9 }, region: 'occitanie',
    });

    await page.close();
  });

  it('lets the Labo admin create a pole, a coordinator and a campaign', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(E2E_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Administration' }).count(), { timeout: 10_000 }).toBe(1);

    await page.getByLabel('Nom du pôle').fill('Pôle du Marais');
    await page.getByRole('button', { name: 'Créer le pôle' }).click();
    await expect.poll(() => page.getByText('Pôle « Pôle du Marais » créé.').count(), { timeout: 10_000 }).toBe(1);

    await page.locator('#coordinator-email').fill('marais@pole.test');
    await page.getByLabel('Mot de passe (10 caractères minimum)').fill('un-mot-de-passe-long');
    await page.getByLabel('Pôle', { exact: true }).selectOption({ label: 'Pôle du Marais' });
    await page.getByRole('button', { name: 'Créer le coordinateur' }).click();
    await expect.poll(() => page.getByText('Compte coordinateur marais@pole.test créé.').count(), { timeout: 10_000 }).toBe(1);

    await page.getByLabel('Année').fill('2027');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await expect.poll(() => page.getByText('Campagne 2027 créée.').count(), { timeout: 10_000 }).toBe(1);
    // Without a choice, a new campaign takes the newest version.
    expect(server.deps.repos.campaigns.findByYear(2027)?.questionnaireId).toBe('ptce-2027');
    await page.close();
  });
});
