import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
type Json = Record<string, any>;
let server: Server;
let browser: Browser;
let dir: string;

const definitionUrl = new URL('../../surveys/definitions/ptce-2026.json', import.meta.url);

describe.runIf(runBrowserTests)('the admin imports a new questionnaire version', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    dir = mkdtempSync(join(tmpdir(), 'ptce-questionnaire-import-'));
    const definition = JSON.parse(readFileSync(definitionUrl, 'utf8')) as Json;
    writeFileSync(join(dir, 'ptce-2028.json'), JSON.stringify(definition));
    // Broken copy: the first matrix row loses its "ptce" metadata.
    const broken = structuredClone(definition);
    const matrix = (broken.pages as Json[]).flatMap((p) => (p.elements ?? []) as Json[]).find((e) => e.type === 'matrix')!;
    delete matrix.rows[0].ptce;
    writeFileSync(join(dir, 'ptce-2029.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'pas-du-json.json'), '{ "title": "Questionnaire", oups');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a valid copy, reports the problems of a broken one, and refuses a non-JSON file without a request', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    page.setDefaultTimeout(5_000);
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(E2E_ADMIN.email);
    await page.getByLabel('Mot de passe').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Administration' }).count(), { timeout: 10_000 }).toBe(1);
    const section = page.getByTestId('questionnaires-section');
    await expect.poll(() => section.getByTestId('questionnaire-ptce-2026').count(), { timeout: 10_000 }).toBe(1);

    // A valid copy under a new identifier.
    await page.getByLabel('Identifiant de la version').fill('ptce-2028');
    await page.getByLabel('Définition SurveyJS (fichier JSON exporté de SurveyJS Creator)').setInputFiles(join(dir, 'ptce-2028.json'));
    await page.getByRole('button', { name: 'Importer la version' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Version ptce-2028 importée : 26 thèmes, 97 items notés.');
    const imported = server.deps.questionnaires.get('ptce-2028');
    expect(imported).toBeDefined();
    await expect.poll(() => section.getByTestId('questionnaire-ptce-2028').count(), { timeout: 10_000 }).toBe(1);
    // The campaign form offers the new version at once, without a reload.
    await expect.poll(() => page.locator('#campaign-questionnaire option[value="ptce-2028"]').count(), { timeout: 10_000 }).toBe(1);

    // A broken copy: the alert lists each problem, path in <code>.
    await page.getByLabel('Identifiant de la version').fill('ptce-2029');
    await page.getByLabel('Définition SurveyJS (fichier JSON exporté de SurveyJS Creator)').setInputFiles(join(dir, 'ptce-2029.json'));
    await page.getByRole('button', { name: 'Importer la version' }).click();
    const problems = section.getByTestId('questionnaire-problems');
    await expect.poll(() => problems.locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const paths = await problems.locator('code').allTextContents();
    expect(paths.some((p) => /rows\[0\]\.ptce/.test(p)), paths.join(' ; ')).toBe(true);
    expect(await section.getByRole('alert').textContent()).toMatch(/Questionnaire invalide/);
    expect(server.deps.questionnaires.has('ptce-2029')).toBe(false);
    expect(await section.getByTestId('questionnaire-ptce-2029').count()).toBe(0);

    // A file that is not JSON: a clear message, and no request reaches the server.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/questionnaires')) posts.push(request.url());
    });
    await page.getByLabel('Définition SurveyJS (fichier JSON exporté de SurveyJS Creator)').setInputFiles(join(dir, 'pas-du-json.json'));
    await page.getByRole('button', { name: 'Importer la version' }).click();
    await expect
      .poll(() => section.getByRole('alert').textContent(), { timeout: 10_000 })
      .toMatch(/« pas-du-json\.json » .*n’est pas un fichier JSON valide/);
    expect(await section.getByTestId('questionnaire-problems').count()).toBe(0);
    expect(posts).toEqual([]);
    await page.close();
  });
});
