// What `npm run bench:web` measures is a questionnaire, not a blank page: the minimal page builds and shows the first
// question, answerable, in its own fonts and style, served compressed; and the bench's measure of a load sees that
// first question on the minimal page and on the app's respondent route alike. (No timing is checked here.)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../surveys/registry.ts';
import { buildMinimalPage, serveMinimalPage, type StaticServer } from '../bench/web-minimal/page.ts';
import { firstQuestionName, measureLoad, type LoadOptions } from '../bench/web-measure.ts';
import { invitationLinks } from '../bench/web-links.ts';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { E2E_ADMIN, startE2eServer } from './server.ts';

const definition = loadQuestionnaires().get('ptce-2026')!.definition;
const FIRST_TITLE = 'À quel collège appartenez-vous ?';
const FIRST_CHOICE = 'Entreprises de l’ESS';

async function expectFirstQuestionAnswerable(page: Page) {
  expect(await page.getByText(FIRST_TITLE).first().isVisible()).toBe(true);
  const radio = page.getByRole('radio', { name: FIRST_CHOICE });
  expect(await radio.isEnabled()).toBe(true);
  // Answerable for real: a tap checks it.
  await page.getByText(FIRST_CHOICE).click();
  expect(await radio.isChecked()).toBe(true);
}

describe.runIf(runBrowserTests)('the pages npm run bench:web measures', () => {
  let dir: string;
  let minimal: StaticServer;
  let browser: Browser;
  let options: LoadOptions;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptce-web-minimal-'));
    await buildMinimalPage(dir, { questionnaire: definition, data: {} });
    minimal = await serveMinimalPage(dir);
    browser = await launchBrowser();
    options = { questionName: firstQuestionName(definition), cpuSlowdown: 1, link: null, timeoutMs: 15_000 };
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await minimal?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the first question of the first page', () => {
    expect(firstQuestionName(definition)).toBe('college');
    expect(firstQuestionName({ pages: [{ elements: [{ type: 'html', name: 'intro' }, { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'nom' }] }] }] })).toBe('nom');
  });

  it('builds the minimal page, served brotli-compressed like the app', async () => {
    const script = readdirSync(join(dir, 'assets')).find((f) => f.endsWith('.js'))!;
    expect(readdirSync(join(dir, 'assets'))).toContain(`${script}.br`);
    const res = await fetch(`${minimal.url}assets/${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it('shows the minimal page’s first question, answerable, with SurveyJS’s style and Open Sans', async () => {
    const load = await measureLoad(browser, minimal.url, options, expectFirstQuestionAnswerable);
    expect(Number.isFinite(load.ms)).toBe(true);
    expect(load.problems).toEqual([]);
    expect(Object.keys(load.bytesByType).sort()).toEqual(['Document', 'Font', 'Script', 'Stylesheet']);
    expect(load.responses.filter((r) => r.type === 'Font').map((r) => r.url)).toEqual(
      expect.arrayContaining([expect.stringMatching(/open-sans-latin-400-normal-.*\.woff2$/), expect.stringMatching(/open-sans-latin-600-normal-.*\.woff2$/)]),
    );
  });

  it('sees the same first question on the app’s respondent route, opened from a new link', async () => {
    const server = await startE2eServer();
    try {
      const [token] = await invitationLinks(server, E2E_ADMIN, 'ptce-2026', 1);
      const load = await measureLoad(browser, `${server.url}/r/${token}`, options, expectFirstQuestionAnswerable);
      expect(Number.isFinite(load.ms)).toBe(true);
      expect(load.responses.some((r) => r.url.includes(`/api/responses/${token}`))).toBe(true);
    } finally {
      await server.dispose();
    }
  });
});
