// In a real browser: a coordinator changes their password from the page header; the admin disables the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
const COORDINATOR = { email: 'coordination@coteaux.test', password: 'mot-de-passe-coteaux' };
const NEW_PASSWORD = 'un-tout-nouveau-mot-de-passe';

describe.runIf(runBrowserTests)('accounts', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos, passwords } = server.deps;
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: new Date().toISOString() });
    repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await passwords.hash(COORDINATOR.password), new Date().toISOString());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a coordinator changes their password: a wrong current one is shown beside its field, then the new one works', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, COORDINATOR);
    await page.getByRole('link', { name: 'Changer de mot de passe' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Changer de mot de passe');

    await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Le mot de passe actuel est incorrect/);
    const current = page.getByLabel('Mot de passe actuel');
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await current.getAttribute('aria-describedby')}`).textContent()).toBe('Le mot de passe actuel est incorrect.');

    await current.fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Mot de passe changé/);
    await page.close();

    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: COORDINATOR.email, password: NEW_PASSWORD }) });
    expect(res.status).toBe(204);
  });

  it('the admin disables the account from the list, after confirming, and can enable it again', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, E2E_ADMIN);
    const row = page.getByRole('row', { name: new RegExp(COORDINATOR.email) });
    await expect.poll(() => row.getByTestId('user-state').textContent()).toBe('actif');
    await page.getByRole('button', { name: `Désactiver le compte ${COORDINATOR.email}` }).click();
    const dialog = page.getByTestId('disable-dialog');
    await dialog.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => row.getByTestId('user-state').textContent()).toBe('désactivé');
    expect(server.deps.repos.users.get('u1')!.disabled).toBe(true);
    await page.getByRole('button', { name: `Réactiver le compte ${COORDINATOR.email}` }).click();
    await expect.poll(() => row.getByTestId('user-state').textContent()).toBe('actif');
    await page.close();
  });
});
