// The coordinator invites people by e-mail (real SMTP server started here), follows the queued mails leave, reminds
// them, and exports the pole's responses; without SMTP the page says so calmly and stays usable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, runBrowserTests, signIn } from './browser.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';
import { readConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { hashPassword } from '../../server/security/passwords.ts';

const COORDINATOR = { email: 'coordination@coteaux.test', password: 'mot-de-passe-coteaux' };
const ALICE = 'alice@asso.test';
const BOB = 'bob@mairie.test';

let browser: Browser;
let smtp: TestSmtp | undefined;
let server: RunningServer;
let dataDir: string;
let received: ReceivedMail[] = [];

async function seed(target: RunningServer) {
  const { repos } = target.deps;
  const now = new Date().toISOString();
  repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now });
  repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
  repos.users.create({ id: 'u1', email: COORDINATOR.email, role: 'coordinator', poleId: 'p1' }, await hashPassword(COORDINATOR.password), now);
}

async function openCampaignPage(url: string, width?: number): Promise<Page> {
  const page = await browser.newPage({ locale: 'fr-FR', ...(width ? { viewport: { width, height: 800 } } : {}) });
  await signIn(page, url, COORDINATOR);
  await page.goto(`${url}/poles/p1/campagnes/c2026`);
  await expect.poll(() => page.getByTestId('mailing').count(), { timeout: 10_000 }).toBe(1);
  return page;
}

describe.runIf(runBrowserTests)('a coordinator invites by e-mail, reminds, and exports the pole’s responses', () => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    received = smtp.received;
    const smtpUrl = smtp.url;

    // startE2eServer() configures no SMTP: same server, with SMTP_URL.
    dataDir = mkdtempSync(join(tmpdir(), 'ptce-e2e-mail-'));
    server = await startServer({
      ...readConfig({ DATA_DIR: dataDir, SMTP_URL: smtpUrl, MAIL_FROM: 'PTCE <ptce@labo.test>' }),
      port: 0,
      adminEmail: E2E_ADMIN.email,
      adminPassword: E2E_ADMIN.password,
    });
    await seed(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (smtp) await smtp.close();
  });

  it('sends two invitations, lists the recipients, reminds them and downloads the CSV export', async () => {
    const page = await openCampaignPage(server.url);
    const mailing = page.getByTestId('mailing');

    await mailing.getByLabel('Adresses e-mail (une par ligne)').fill(`${ALICE}\n  ${BOB} ; ${ALICE}\n`);
    await expect.poll(() => page.getByTestId('mailing-count').textContent()).toMatch(/^2 adresses valides \(1 doublon retiré\)/);
    await mailing.getByLabel('Collège des destinataires (facultatif)').selectOption('salaries');
    await mailing.getByLabel('Message personnel (facultatif)').fill('Merci de répondre avant l’assemblée générale.');
    await mailing.getByRole('button', { name: 'Envoyer les invitations' }).click();
    await expect.poll(() => page.getByTestId('mailing-result').textContent(), { timeout: 15_000 }).toMatch(/2 invitations mises en file d’envoi/);

    // The server's sender sends them in the background; the page follows them to the end.
    await server.mailSender.drain();
    await expect.poll(() => page.getByTestId('mailing-sending').textContent(), { timeout: 10_000 }).toMatch(
      /^Dernier envoi \(invitations du .+\) terminé : 2 courriels envoyés sur 2\.$/,
    );
    // The SMTP server received one message per address, each with a personal link.
    expect(received).toHaveLength(2);
    expect(received.flatMap((m) => m.rcptTo).sort()).toEqual([ALICE, BOB]);
    for (const message of received) expect(message.raw.replace(/=\r?\n/g, '')).toContain('/r/');

    // The recipients table lists them; the links list and participation count them too.
    const rows = page.getByTestId('mailing-recipients').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const tableText = await page.getByTestId('mailing-recipients').textContent();
    expect(tableText).toContain(ALICE);
    expect(tableText).toContain(BOB);
    expect(await page.getByTestId('mailing-recipient-status').allTextContents()).toEqual(['non ouvert', 'non ouvert']);
    await expect.poll(() => page.getByTestId('invitations-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);

    // Sending again to the same address creates nothing.
    await mailing.getByLabel('Adresses e-mail (une par ligne)').fill(BOB);
    await mailing.getByRole('button', { name: 'Envoyer les invitations' }).click();
    await expect.poll(() => page.getByTestId('mailing-already').textContent(), { timeout: 10_000 }).toContain(BOB);
    expect(received).toHaveLength(2);

    // Reminders, after a confirmation step.
    await mailing.getByRole('button', { name: 'Relancer les personnes qui n’ont pas répondu' }).click();
    await expect.poll(() => page.getByTestId('reminders-confirm').textContent()).toMatch(/2 personnes/);
    await page.getByRole('button', { name: 'Confirmer la relance' }).click();
    await expect.poll(() => page.getByTestId('reminders-result').textContent(), { timeout: 15_000 }).toMatch(
      /2 relances mises en file d’envoi ; 0 désinscrit et 0 déjà répondu non relancés/,
    );
    await server.mailSender.drain();
    expect(received).toHaveLength(4);
    await expect.poll(() => rows.first().locator('td.num').textContent(), { timeout: 10_000 }).toBe('1');

    // A second reminder so soon is refused calmly, saying when it will be possible.
    await mailing.getByRole('button', { name: 'Relancer les personnes qui n’ont pas répondu' }).click();
    await page.getByRole('button', { name: 'Confirmer la relance' }).click();
    await expect.poll(() => page.getByTestId('reminders').getByRole('status').textContent(), { timeout: 10_000 }).toMatch(
      /la suivante sera possible à partir du .+ \(heure de Paris\)/,
    );
    expect(received).toHaveLength(4);

    // Alice opens the link of her mail (here in the coordinator's browser, session and all): opening it changes
    // nothing, the button of the page opts her out. The campaign page shows it.
    const aliceMail = received.find((m) => m.rcptTo.includes(ALICE))!.raw.replace(/=\r?\n/g, '');
    const optOut = /\/api\/mail\/opt-out\/[A-Za-z0-9_-]{43}/.exec(aliceMail)![0];
    await page.goto(`${server.url}${optOut}`);
    const alice = () => server.deps.repos.mailings.list('p1', 'c2026').find((r) => r.email === ALICE)!;
    expect(alice().optedOutAt).toBeNull();
    await page.getByRole('button', { name: 'Ne plus recevoir de relance' }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('Vous ne recevrez plus de relance pour cette campagne.');
    expect(alice().optedOutAt).not.toBeNull();
    await page.goto(`${server.url}/poles/p1/campagnes/c2026`);
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await mailing.getByRole('button', { name: 'Actualiser la liste des personnes invitées' }).click();
    await expect.poll(() => rows.filter({ hasText: ALICE }).getByText('désinscrit', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.filter({ hasText: BOB }).getByText('désinscrit', { exact: true }).count()).toBe(0);

    // While mails wait (one to try again later), a progress bar follows them; a refused one is listed with the
    // server's answer.
    await mailing.getByLabel('Adresses e-mail (une par ligne)').fill('busy@asso.test\nrefuse@asso.test');
    await mailing.getByRole('button', { name: 'Envoyer les invitations' }).click();
    await server.mailSender.drain();
    const progress = page.getByRole('progressbar', { name: /^Envoi en cours : 0 courriel envoyé sur 2 ; 1 échec\./ });
    await expect.poll(() => progress.count(), { timeout: 10_000 }).toBe(1);
    expect(await progress.evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([1, 2]);
    await expect.poll(() => page.getByTestId('mailing-failed').textContent(), { timeout: 10_000 }).toMatch(/refuse@asso\.test – Envoi impossible : 550/);

    // Exports: the CSV link answers with a UTF-8 BOM; the separator choice changes the links.
    const exports = page.getByTestId('exports');
    const csvLink = exports.getByRole('link', { name: 'CSV (une ligne par réponse à une question)' });
    const href = await csvLink.getAttribute('href');
    expect(href).toBe('/api/poles/p1/campaigns/c2026/export.csv?format=long&sep=%3B');
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), head: Array.from(bytes.slice(0, 3)) };
    }, href!);
    expect(answer).toEqual({ status: 200, type: 'text/csv; charset=utf-8', head: [0xef, 0xbb, 0xbf] });
    await exports.getByLabel(/« , »/).check();
    expect(await exports.getByRole('link', { name: 'CSV (une ligne par répondant)' }).getAttribute('href')).toBe(
      '/api/poles/p1/campaigns/c2026/export.csv?format=wide&sep=%2C',
    );
    expect(await exports.getByRole('link', { name: 'Classeur Excel (XLSX)' }).getAttribute('href')).toBe('/api/poles/p1/campaigns/c2026/export.xlsx');
    await page.close();
  }, 40_000);

  it('without SMTP, says calmly that mail is not configured and keeps the form usable', async () => {
    const plain = await startE2eServer();
    try {
      await seed(plain);
      const page = await openCampaignPage(plain.url, 360);
      const mailing = page.getByTestId('mailing');
      await mailing.getByLabel('Adresses e-mail (une par ligne)').fill(ALICE);
      await mailing.getByRole('button', { name: 'Envoyer les invitations' }).click();
      await expect.poll(() => page.getByTestId('mailing-info').textContent(), { timeout: 10_000 }).toMatch(/n’est pas configuré/);
      expect(await mailing.getByRole('alert').count()).toBe(0);
      expect(await mailing.getByRole('button', { name: 'Envoyer les invitations' }).isEnabled()).toBe(true);
      expect(await mailing.getByLabel('Adresses e-mail (une par ligne)').inputValue()).toBe(ALICE);
      // 360 px wide: nothing overflows the page sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.close();
    } finally {
      await plain.dispose();
    }
  }, 40_000);
});
