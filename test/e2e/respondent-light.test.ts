// A light respondent page (issue 13): on a phone (360 × 740), /r/<token> loads no staff file (found in the build's
// manifest by what the files hold), only WOFF2 fonts (preloaded), reads the questionnaire at its own address (kept by
// the browser: the next open takes it from the cache, or gets a 304), and shows the first question's first answer
// without scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { startE2eServer } from './server.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { readClientBuild } from '../helpers/client-manifest.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' };
const DEFINITION = /\/api\/questionnaires\/ptce-2026\/survey\/[A-Za-z0-9_-]{22}$/;

function seedLink(id: string): string {
  const { repos, sealer } = server.deps;
  const secret = newToken();
  repos.invitations.createMany([
    { id, poleId: 'p1', campaignId: 'c2026', tokenHash: hashToken(secret), tokenSealed: sealer.seal(secret), shared: false, college: null, createdAt: new Date().toISOString(), maxResponses: null, ticketId: `ticket-${id}` },
  ]);
  return secret;
}

/** Opens a link and waits for the first question's answers; returns every request the page made. */
async function open(page: Page, token: string): Promise<Request[]> {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/r/${token}`);
  await page.getByRole('radio', { name: 'Entreprises de l’ESS' }).waitFor({ state: 'attached' });
  return requests;
}

const assetOf = (request: Request) => new URL(request.url()).pathname.replace(/^\//, '');

describe.runIf(runBrowserTests)('the respondent page on a phone is light', () => {
  let phone: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const now = new Date().toISOString();
    server.deps.repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now });
    server.deps.repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
    phone = await browser.newContext(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('loads no staff file and only WOFF2 fonts, preloaded, and shows the first answer without scrolling', async () => {
    const build = readClientBuild();
    const staff = [...build.staffFiles.keys()];
    expect(staff.length).toBeGreaterThan(3);
    const page = await phone.newPage();
    const token = seedLink('i1');
    const requests = await open(page, token);

    // The files asked for: all the respondent page's, none holding staff code.
    const assets = requests.map(assetOf).filter((file) => file.startsWith('assets/'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts.filter((file) => build.staffFiles.has(file)), 'fichiers du personnel demandés').toEqual([]);
    const respondentFiles = build.filesOfPage('client/respondent.html');
    expect(assets.filter((file) => !file.endsWith('.woff2') && !respondentFiles.has(file))).toEqual([]);

    // Fonts: WOFF2 only, each preloaded by the page itself.
    const fonts = requests.filter((r) => r.resourceType() === 'font' || /\.(woff2?|ttf|otf|eot)$/.test(r.url()));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.map(assetOf).filter((file) => !file.endsWith('.woff2'))).toEqual([]);
    const preloaded = await page.locator('link[rel="preload"][as="font"][type="font/woff2"][crossorigin]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname.slice(1)));
    expect(new Set(fonts.map(assetOf))).toEqual(new Set(preloaded));

    // The link read once (the page's entry starts it, the page takes it over), then the questionnaire at its address.
    const api = requests.map((r) => new URL(r.url()).pathname).filter((path) => path.startsWith('/api/'));
    expect(api.filter((path) => path === `/api/responses/${token}`)).toHaveLength(1);
    expect(api.filter((path) => DEFINITION.test(path))).toHaveLength(1);
    const view = await requests.find((r) => new URL(r.url()).pathname === `/api/responses/${token}`)!.response();
    expect(await view!.json()).not.toHaveProperty('questionnaire');

    // The first question's first answer is in view, not covered, without scrolling; the progress is there.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const first = await page.evaluate(() => {
      const label = document.querySelector('.sd-question input[type="radio"]')?.closest('label');
      if (!label) return null;
      const box = label.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 20, box.top + box.height / 2);
      return { top: box.top, bottom: box.bottom, text: label.textContent, reachable: !!hit && label.contains(hit) };
    });
    expect(first).toMatchObject({ text: 'Entreprises de l’ESS', reachable: true });
    expect(first!.top).toBeGreaterThanOrEqual(0);
    expect(first!.bottom).toBeLessThanOrEqual(740);
    expect(await page.getByText('Auto-évaluation PTCE 2026').isVisible()).toBe(true);
    expect(await page.getByText('Comptez environ 20 minutes.', { exact: false }).isVisible()).toBe(true);
    const steps = page.getByRole('tablist');
    expect(await steps.getAttribute('aria-label')).toBeTruthy();
    expect(await steps.getByRole('tab').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it('the next open of the link takes the questionnaire from the browser’s cache, or gets a 304', async () => {
    // A browser that never saw the questionnaire.
    const fresh = await browser.newContext(PHONE);
    const token = seedLink('i2');
    const definitions: { url: string; status: number; fromCache: boolean }[] = [];
    for (let visit = 0; visit < 2; visit++) {
      const page = await fresh.newPage();
      const cdp = await fresh.newCDPSession(page);
      await cdp.send('Network.enable');
      const fromCache = new Set<string>();
      cdp.on('Network.requestServedFromCache', ({ requestId }) => fromCache.add(requestId));
      const seen: { id: string; url: string; status: number; disk: boolean }[] = [];
      cdp.on('Network.responseReceived', ({ requestId, response }) => {
        if (DEFINITION.test(new URL(response.url).pathname)) seen.push({ id: requestId, url: response.url, status: response.status, disk: !!response.fromDiskCache });
      });
      await open(page, token);
      expect(seen, `visite ${visit + 1}`).toHaveLength(1);
      definitions.push({ url: seen[0].url, status: seen[0].status, fromCache: seen[0].disk || fromCache.has(seen[0].id) });
      await page.close();
    }
    // First visit: downloaded, cacheable for good. Second: the same address, not downloaded again.
    expect(definitions[0]).toMatchObject({ status: 200, fromCache: false });
    expect(definitions[1].url).toBe(definitions[0].url);
    expect(definitions[1].fromCache || definitions[1].status === 304).toBe(true);
    const res = await fetch(definitions[0].url);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    expect((await fetch(definitions[0].url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await fresh.close();
  });
});
