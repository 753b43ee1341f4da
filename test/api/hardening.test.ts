// Hardening of the HTTP surface: markup of imported questionnaires, Content-Security-Policy, connections after a
// refused request, and caching of everything personal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, ADMIN, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { hostileDefinition, hostileProfile, RUNNABLE, WELCOME } from '../fixtures/hostile-questionnaire.ts';
import { createApp } from '../../server/app.ts';
import { readConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { createMailSender } from '../../server/mail/sender.ts';
import { addStoredQuestionnaires, loadQuestionnaires } from '../../surveys/registry.ts';

type Json = Record<string, any>;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The markup kept from WELCOME.html: its formatting, and nothing that runs, restyles the page or collects text. */
function expectFormattingOnly(json: unknown) {
  const text = JSON.stringify(json);
  expect(text).not.toMatch(RUNNABLE);
  expect(text).not.toMatch(/<(style|form|input|svg)\b/i);
  expect(text).toContain(`<strong>${WELCOME.strong}</strong>`);
  expect(text).toContain(`<a href=\\"${WELCOME.link.href}\\" target=\\"_blank\\" rel=\\"noopener noreferrer\\">${WELCOME.link.text}</a>`);
}

describe('questionnaire markup', () => {
  let h: Harness;
  beforeEach(async () => (h = await createHarness()));
  afterEach(() => h.close());

  it('keeps only formatting in an imported version: served back, stored, in the profile form, the preview and the respondent’s form', async () => {
    const admin = await h.admin();
    const imported = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: hostileDefinition(), profile: hostileProfile() });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);

    const served = (await admin.json('GET', '/api/questionnaires/ptce-2028')).body;
    expectFormattingOnly(served);
    // Every HTML property was cleaned, localized ones language by language, conditions included.
    for (const html of [served.completedHtml, served.completedBeforeHtml.fr, served.completedBeforeHtml.default, served.loadingHtml, served.completedHtmlOnCondition[0].html.default]) {
      expect(html).toBe('<p>Merci <em>beaucoup</em>.</p><img src="x">');
    }
    expect(served.pages[0].elements[0].html.fr).toBe(served.pages[0].elements[0].html.default);
    const stored = h.deps.repos.questionnaires.list().find((q) => q.id === 'ptce-2028')!;
    expectFormattingOnly(stored.definition);
    expectFormattingOnly(stored.profile);

    const campaign = (await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028' })).body;
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle des Coteaux' })).body;
    const coordinator = await h.coordinator(pole.id);
    const base = `/api/poles/${pole.id}/campaigns/${campaign.id}`;
    const profile = await coordinator.json('GET', `${base}/profile`);
    expect(profile.status).toBe(200);
    expectFormattingOnly(profile.body.definition);
    expectFormattingOnly((await coordinator.json('GET', `${base}/questionnaire`)).body.definition);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const form = await h.client().json('GET', `/api/responses/${link.token}`);
    expect(form.status).toBe(200);
    expect(form.body).not.toHaveProperty('questionnaire');
    expectFormattingOnly((await h.client().json('GET', form.body.questionnaireUrl)).body);
  });

  it('sanitizes a version as it is loaded, from the database (imported before) or from a file', () => {
    const [fromDatabase] = addStoredQuestionnaires(new Map(), [{ id: 'ptce-2028', definition: hostileDefinition(), profile: hostileProfile(), renamed: {} }]).values();
    const dir = mkdtempSync(join(tmpdir(), 'ptce-definitions-'));
    try {
      writeFileSync(join(dir, 'ptce-2028.json'), JSON.stringify(hostileDefinition()));
      writeFileSync(join(dir, 'ptce-2028.profile.json'), JSON.stringify(hostileProfile()));
      const fromFile = loadQuestionnaires(dir).get('ptce-2028')!;
      for (const q of [fromDatabase, fromFile]) {
        expectFormattingOnly(q.definition);
        expectFormattingOnly(q.profile);
        expectFormattingOnly(q.profileDefinition);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses elements under « questions », which SurveyJS would show unchecked, naming where they are', async () => {
    const admin = await h.admin();
    const definition = hostileDefinition();
    definition.pages[1].questions = [{ type: 'file', name: 'piece_jointe' }];
    const res = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_questionnaire');
    expect(res.body.error.details).toEqual([{ path: 'pages[1].questions', message: '« questions » n’est pas pris en charge : placez ces éléments dans « elements ».' }]);
  });

  it('sends the Content-Security-Policy with every response a browser could open as a page: API, refusals, page shell, an SVG file', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'ptce-client-'));
    try {
      mkdirSync(join(clientDir, 'assets'));
      writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PTCE</title>');
      writeFileSync(join(clientDir, 'assets', 'index-abc.js'), 'export {};');
      writeFileSync(join(clientDir, 'assets', 'logo-abc.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      const app = createApp(h.deps, { clientDir });
      const responses = [
        await app.request('/api/session'),
        await app.request('/api/inconnu'),
        await app.request('/api/questionnaires', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(600 * 1024) }, body: 'x'.repeat(600 * 1024) }),
        await app.request('/r/jeton'),
        await app.request('/'),
        await app.request('/assets/logo-abc.svg'),
        await app.request('/assets/absent.js'),
      ];
      expect(responses.map((r) => r.status)).toEqual([401, 404, 413, 200, 200, 200, 200]);
      for (const res of responses) expect(res.headers.get('content-security-policy')).toBe(CSP);
      // A script is no page: it goes without the document's headers (test/api/compression.test.ts), not without nosniff.
      const script = await app.request('/assets/index-abc.js');
      expect(script.headers.get('content-security-policy')).toBeNull();
      expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      rmSync(clientDir, { recursive: true, force: true });
    }
  });
});

describe('a request refused before its body was read', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ptce-keepalive-'));
    server = await startServer({ ...readConfig({ DATA_DIR: dataDir }), port: 0, adminEmail: ADMIN.email, adminPassword: ADMIN.password }, { clientDir: null });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  interface Answer {
    status: number;
    connection: string | undefined;
    setCookie: string[];
    /** Whether the request went out on a connection an earlier request had used. */
    reusedSocket: boolean;
  }
  /** One request through the agent: with keep-alive and a single socket, each request follows the previous one. */
  const send = (agent: http.Agent, method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${server.url}${path}`, { method, agent, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, setCookie: res.headers['set-cookie'] ?? [], reusedSocket: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('says Connection: close, so that the next request on the same agent succeeds', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Signing in reads its body: the connection is kept, and the next request goes out on it.
      const login = await send(agent, 'POST', '/api/session', JSON.stringify({ email: ADMIN.email, password: ADMIN.password }));
      expect(login).toMatchObject({ status: 204, connection: 'keep-alive' });
      const cookie = login.setCookie.map((c) => c.split(';')[0]).join('; ');
      expect((await send(agent, 'GET', '/api/session', undefined, { cookie })).reusedSocket).toBe(true);

      const large = JSON.stringify({ id: 'ptce-2028', definition: { title: 'x'.repeat(1024 * 1024) } });
      const body = JSON.stringify({ name: 'x'.repeat(300 * 1024) });
      const refusals: [string, string, string, Record<string, string>, number][] = [
        ['too large', '/api/questionnaires', large, { cookie }, 413],
        ['no session', '/api/poles', body, {}, 401],
        ['no CSRF token', '/api/poles', body, { cookie }, 403],
        ['unknown link', '/api/responses/inconnu/claim', body, {}, 404],
      ];
      for (const [what, path, payload, headers, status] of refusals) {
        const refused = await send(agent, 'POST', path, payload, headers);
        expect(refused, what).toMatchObject({ status, connection: 'close' });
        const next = await send(agent, 'GET', '/api/session', undefined, { cookie });
        expect(next.status, `after ${what}`).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('caching', () => {
  let smtp: TestSmtp;
  let h: Harness;
  beforeAll(async () => (smtp = await startTestSmtp()));
  afterAll(() => smtp.close());
  beforeEach(async () => (h = await createHarness({ smtpUrl: smtp.url })));
  afterEach(() => h.close());

  const expectNoStore = async (client: Client, method: string, path: string, body?: unknown) => {
    const res = await client.request(method, path, body);
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    expect(res.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
    return res;
  };

  it('keeps out of caches every answer carrying a token, an answer or an address', async () => {
    const { admin, coordinator, base, campaign } = await poleWithCampaign(h);
    // Links (tokens), the mailing list (addresses), the respondent's form and draft (answers), results and exports.
    const created = await expectNoStore(coordinator, 'POST', `${base}/invitations`, { count: 2 });
    const [link, other] = ((await created.json()) as Json).invitations;
    await expectNoStore(coordinator, 'POST', `${base}/invitations/${other.id}/reissue`);
    const shared = (await (await expectNoStore(coordinator, 'POST', `${base}/invitations`, { shared: true })).json()) as Json;
    await expectNoStore(coordinator, 'POST', `${base}/mailings`, { recipients: [{ email: 'dan@asso.test' }] });
    await createMailSender(h.deps).drain();
    const mail = smtp.received.at(-1)!.raw.replace(/=\r?\n/g, '');
    const optOut = /\/api\/mail\/opt-out\/[A-Za-z0-9_-]{43}/.exec(mail)![0];
    for (const path of ['/api/session', `${base}/invitations`, `${base}/invitations.csv`, `${base}/mailings`, `${base}/participation`, `${base}/profile`, `${base}/questionnaire`]) {
      await expectNoStore(coordinator, 'GET', path);
    }

    const respondent = h.client();
    await expectNoStore(respondent, 'GET', `/api/responses/${link.token}`);
    await expectNoStore(respondent, 'PUT', `/api/responses/${link.token}`, { data: { college: 'ess' } });
    await expectNoStore(respondent, 'POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') });
    await expectNoStore(h.client(), 'POST', `/api/responses/${shared.invitations[0].token}/claim`);
    await expectNoStore(h.client(), 'GET', optOut);
    await expectNoStore(h.client(), 'POST', optOut);

    for (const path of [`${base}/results`, `${base}/report.pdf`, `${base}/summary.pdf`, `${base}/export.csv`, `${base}/export.xlsx`]) await expectNoStore(coordinator, 'GET', path);
    for (const path of [`/api/campaigns/${campaign.id}/results`, `/api/campaigns/${campaign.id}/export.csv`, `/api/campaigns/${campaign.id}/export.xlsx`]) await expectNoStore(admin, 'GET', path);

    // Refusals too: the body limit answers before anything else.
    const tooLarge = await coordinator.request('POST', `${base}/invitations`, { padding: 'x'.repeat(600 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the page shell out of caches (its address may carry a token), and lets static files be cached', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'ptce-client-'));
    try {
      mkdirSync(join(clientDir, 'assets'));
      writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PTCE</title>');
      writeFileSync(join(clientDir, 'assets', 'index-abc.js'), 'export {};');
      writeFileSync(join(clientDir, 'assets', 'logo-abc.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      const app = createApp(h.deps, { clientDir });
      const token = 'A'.repeat(43);
      for (const path of [`/r/${token}`, '/', '/poles/p1/campagnes/c1/qr', '/admin']) {
        const res = await app.request(path);
        expect(res.status, path).toBe(200);
        expect(await res.text(), path).toContain('<title>PTCE</title>');
        expect(res.headers.get('cache-control'), path).toBe('no-store');
      }
      expect((await app.request('/assets/index-abc.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    } finally {
      rmSync(clientDir, { recursive: true, force: true });
    }
  });
});
