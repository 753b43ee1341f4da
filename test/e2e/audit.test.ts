// The audit trail on the admin page, in a real browser: French labels, newest first, « Plus ancien » for the next page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;

describe.runIf(runBrowserTests)('the audit trail on the admin page', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    // 55 older entries: with the admin's login, two pages (50, then 6).
    const admin = server.deps.repos.users.findByEmail(E2E_ADMIN.email)!;
    for (let i = 0; i < 55; i++) {
      server.deps.repos.audit.record({ at: new Date(Date.UTC(2026, 0, 1, 0, i)), actor: admin, action: 'campaign.created', target: { type: 'campaign', id: `c${i}` }, detail: `Campagne ${1900 + i} (ptce-2026)` });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('lists the newest entries with French labels, and adds the older ones on request', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await signIn(page, server.url, E2E_ADMIN);
    await page.goto(`${server.url}/admin#journal`);
    const section = page.getByTestId('audit-section');
    const table = section.getByRole('region', { name: 'Journal d’audit' }).getByRole('table');
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(50);
    // Newest first: the login just made, by the admin.
    expect(await rows.first().getByRole('rowheader').textContent()).toBe('Connexion');
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(E2E_ADMIN.email);
    expect(await rows.nth(1).textContent()).toContain('Campagne créée');
    expect(await rows.nth(1).textContent()).toContain('Campagne 1954 (ptce-2026)');

    await section.getByRole('button', { name: 'Plus ancien' }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(56);
    expect(await rows.last().textContent()).toContain('Campagne 1900 (ptce-2026)');
    expect(await section.getByRole('status').textContent()).toBe('6 entrées plus anciennes ajoutées en bas du tableau.');
    // The last page reached: no more button.
    expect(await section.getByRole('button', { name: 'Plus ancien' }).count()).toBe(0);
  });
});
