// A corpus of bad inputs across every write route: each gets a clear 4xx JSON error (never a 5xx), and the database is
// byte-for-byte what it was before (a refused request writes nothing, not even half of something).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { loadQuestionnaires } from '../../surveys/registry.ts';

let h: Harness;
let admin: Client;
let coordinator: Client;
let respondent: Client;
let base: string;
let ids: { pole: string; campaign: string; invitation: string; bound: string; shared: string; adminUser: string; coordinatorUser: string };

beforeAll(async () => {
  h = await createHarness();
  admin = await h.admin();
  const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle A' })).body;
  const campaign = (await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-01', closesAt: '2026-06-30' })).body;
  coordinator = await h.coordinator(pole.id);
  base = `/api/poles/${pole.id}/campaigns/${campaign.id}`;
  const [bound, spare] = await createLinks(coordinator, base, { count: 2 });
  const [shared] = await createLinks(coordinator, base, { shared: true });
  respondent = h.client();
  await respondent.json('GET', `/api/responses/${bound.token}`);
  const userId = async (c: Client) => (await c.json('GET', '/api/session')).body.user.id as string;
  ids = { pole: pole.id, campaign: campaign.id, invitation: spare.id, bound: bound.token, shared: shared.token, adminUser: await userId(admin), coordinatorUser: await userId(coordinator) };
});
afterAll(() => h.close());

type Who = 'anonymous' | 'admin' | 'coordinator' | 'respondent';
interface Case {
  who: Who;
  method: string;
  /** With {base}, {pole}, {bound} standing for the set-up's ids (known only once it has run). */
  path: string;
  /** A JSON value (sent as JSON), or raw text sent as is. */
  body?: unknown;
  raw?: string;
  /** The route answers HTML (the opt-out pages): only its status is checked. */
  html?: true;
}

const LONG = 'x'.repeat(100_000);
/** Nested 100,000 deep: a parser that recurses per level would overflow its stack. */
const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);
/** An object nested 50,000 deep under an unknown key: refused where fields are required, never a crash. */
const DEEP_OBJECT = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
/** Bodies no JSON route accepts. */
const NOT_AN_OBJECT: Pick<Case, 'body' | 'raw'>[] = [
  { raw: '{"email": ' }, { raw: 'pas du JSON' }, { raw: '\u0000\u0001' }, { body: [] }, { body: null }, { body: 'texte' }, { body: 42 }, { raw: DEEP },
];

const generic = (who: Who, method: string, path: string): Case[] => NOT_AN_OBJECT.map((b) => ({ who, method, path, ...b }));
const each = (who: Who, method: string, path: string, bodies: unknown[]): Case[] => bodies.map((body) => ({ who, method, path, body }));

const answers = () => sampleAnswers(loadQuestionnaires().get('ptce-2026')!, seededRandom(7), { college: 'ess', complete: true });
const CASES: Case[] = [
  // Login
  ...generic('anonymous', 'POST', '/api/session'),
  { who: 'anonymous', method: 'POST', path: '/api/session', raw: DEEP_OBJECT },
  { who: 'admin', method: 'POST', path: '/api/users', raw: DEEP_OBJECT },
  ...each('anonymous', 'POST', '/api/session', [{}, { email: 'a@b.fr' }, { email: 42, password: 'x' }, { email: LONG, password: 'x' }, { email: 'a@b.fr', password: LONG }, { email: 'a@b.fr', password: '' }]),
  // Poles and accounts (admin)
  ...generic('admin', 'POST', '/api/poles'),
  ...each('admin', 'POST', '/api/poles', [{}, { name: '' }, { name: 'x' }, { name: LONG }, { name: ['Pôle'] }, { name: 'Pôle', region: 42 }]),
  ...generic('coordinator', 'PATCH', '/api/poles/{pole}'),
  ...each('coordinator', 'PATCH', '/api/poles/{pole}', [{ name: '' }, { name: LONG }, { region: { x: 1 } }]),
  ...each('admin', 'PATCH', '/api/poles/{long}', [{ name: 'Pôle' }]),
  ...generic('admin', 'POST', '/api/users'),
  ...each('admin', 'POST', '/api/users', [
    {}, { email: 'pas-une-adresse', password: 'mot-de-passe-long', poleId: 'p' }, { email: 'a@b.fr', password: 'court', poleId: 'p' },
    { email: 'a@b.fr', password: 'mot-de-passe-long', poleId: 'pole-inconnu' }, { email: 'admin@labo.test', password: 'mot-de-passe-long', poleId: 'p' },
  ]),
  ...generic('admin', 'PATCH', '/api/users/{coordinatorUser}'),
  ...each('admin', 'PATCH', '/api/users/{coordinatorUser}', [{}, { disabled: 'oui' }, { disabled: null }, { disabled: 1 }]),
  ...each('admin', 'PATCH', '/api/users/inconnu', [{ disabled: true }]),
  ...each('admin', 'PATCH', '/api/users/{adminUser}', [{ disabled: true }]),
  // Changing one's password
  ...generic('coordinator', 'PUT', '/api/session/password'),
  ...each('coordinator', 'PUT', '/api/session/password', [
    {}, { currentPassword: 'mot-de-passe-coord' }, { currentPassword: 'mot-de-passe-coord', newPassword: 'court' },
    { currentPassword: 'mot-de-passe-coord', newPassword: LONG }, { currentPassword: 'mot-de-passe-coord', newPassword: 'mot-de-passe-coord' },
    { currentPassword: 'pas-le-bon-mot', newPassword: 'un-nouveau-mot-de-passe' }, { currentPassword: 42, newPassword: 'un-nouveau-mot-de-passe' },
  ]),
  // Questionnaires and campaigns (admin)
  ...generic('admin', 'POST', '/api/questionnaires'),
  ...each('admin', 'POST', '/api/questionnaires', [
    {}, { id: 'PTCE 2028', definition: {} }, { id: 'ptce-2028', definition: [] }, { id: 'ptce-2028', definition: {} },
    { id: 'ptce-2028', definition: { pages: [{ elements: [{ type: 'signaturepad', name: 's' }] }] } },
    { id: 'ptce-2028', definition: { pages: 'non' } }, { id: 'ptce-2026', definition: {} }, { id: 'ptce-2028', definition: {}, renamed: { a: 42 } },
  ]),
  ...generic('admin', 'POST', '/api/campaigns'),
  ...each('admin', 'POST', '/api/campaigns', [
    {}, { year: 'deux mille', questionnaireId: 'ptce-2026' }, { year: 1900, questionnaireId: 'ptce-2026' }, { year: 2027, questionnaireId: 'inconnu' },
    { year: 2026, questionnaireId: 'ptce-2026' }, { year: 2027, questionnaireId: 'ptce-2026', opensAt: '2027-06-01', closesAt: '2027-01-01' },
    { year: 2027, questionnaireId: 'ptce-2026', opensAt: 'demain' }, { year: 2027.5, questionnaireId: 'ptce-2026' },
  ]),
  // The pole's coordination
  ...generic('coordinator', 'PUT', '{base}/profile'),
  ...each('coordinator', 'PUT', '{base}/profile', [{}, { data: [] }, { data: { formeJuridique: 'royaume' } }, { data: { anneeCreation: 1200 } }, { data: { inconnue: 1 } }, { data: { departement: LONG } }]),
  ...generic('coordinator', 'POST', '{base}/invitations'),
  ...each('coordinator', 'POST', '{base}/invitations', [
    { count: 0 }, { count: 501 }, { count: -3 }, { count: 'dix' }, { count: 2, college: 'martiens' }, { count: 2, maxResponses: 10 }, { shared: true, maxResponses: 0 }, { count: 1.5 },
  ]),
  { who: 'coordinator', method: 'DELETE', path: '{base}/invitations/inconnue' },
  { who: 'coordinator', method: 'DELETE', path: '{base}/invitations/{long}' },
  { who: 'coordinator', method: 'POST', path: '{base}/invitations/inconnue/reissue' },
  { who: 'coordinator', method: 'GET', path: '/api/poles/{pole}/campaigns/inconnue/participation' },
  ...generic('coordinator', 'PUT', '{base}/review'),
  { who: 'coordinator', method: 'PUT', path: '{base}/review', raw: DEEP_OBJECT },
  ...each('coordinator', 'PUT', '{base}/review', [
    {}, { meetingDate: null, participants: {}, themes: [] }, { meetingDate: '2026-02-30', participants: {}, themes: [], actions: [] },
    { meetingDate: null, participants: { martiens: 3 }, themes: [], actions: [] }, { meetingDate: null, participants: { ess: 2.5 }, themes: [], actions: [] },
    { meetingDate: null, participants: {}, themes: [{ themeId: 'inconnu', note: '', agreed: true }], actions: [] },
    { meetingDate: null, participants: {}, themes: [{ themeId: 'gouv-debat-concertation', note: LONG, agreed: true }], actions: [] },
    { meetingDate: null, participants: {}, themes: [], actions: [{ id: 'a1', optionId: 'inventee', title: 'Action', owner: '', due: null, status: 'planned', note: '' }] },
    { meetingDate: null, participants: {}, themes: [], actions: [{ id: 'a1', optionId: null, title: 'Action', owner: '', due: '2026-3', status: 'planned', note: '' }] },
    { meetingDate: null, participants: {}, themes: [], actions: [{ id: '../a', optionId: null, title: 'Action', owner: '', due: null, status: 'planned', note: '' }] },
    { meetingDate: null, participants: {}, themes: [], actions: [{ id: 'a1', optionId: null, title: '  ', owner: '', due: null, status: 'finie', note: '' }] },
    { meetingDate: null, participants: {}, themes: [], actions: Array.from({ length: 201 }, (_, i) => ({ id: `a${i}`, optionId: null, title: 'Action', owner: '', due: null, status: 'planned', note: '' })) },
    { meetingDate: null, participants: {}, themes: [], actions: [], basedOn: '2020-01-01T00:00:00.000Z' },
  ]),
  ...generic('coordinator', 'POST', '{base}/mailings'),
  ...each('coordinator', 'POST', '{base}/mailings', [{ recipients: [] }, { recipients: [{ email: 'pas-une-adresse' }] }]),
  { who: 'coordinator', method: 'POST', path: '{base}/reminders' },
  // The respondent
  ...generic('respondent', 'PUT', '/api/responses/{bound}'),
  ...each('respondent', 'PUT', '/api/responses/{bound}', [
    {}, { data: [] }, { data: { college: 'martiens' } }, { data: { gouv_debat: { espaces_debat: 9 } } }, { data: { question_inventee: 1 } },
    { data: { college: 'ess' }, pageNo: -1 }, { data: { verbatimForces: LONG } }, { data: { college: { $gt: '' } } }, { data: { gouv_debat: 'oui' } },
  ]),
  ...generic('respondent', 'POST', '/api/responses/{bound}/submit'),
  ...each('respondent', 'POST', '/api/responses/{bound}/submit', [{}, { data: {} }, { data: { ...answers(), college: undefined } }, { data: { ...answers(), anciennete: 99 } }]),
  { who: 'respondent', method: 'PUT', path: '/api/responses/pas-un-jeton', body: { data: {} } },
  { who: 'respondent', method: 'POST', path: '/api/responses/{longToken}/submit', body: { data: {} } },
  { who: 'anonymous', method: 'POST', path: '/api/responses/jeton-inconnu-jeton-inconnu-jeton-inconnu-1/claim' },
  { who: 'anonymous', method: 'POST', path: '/api/responses/{bound}/claim' },
  { who: 'anonymous', method: 'POST', path: '/api/mail/opt-out/{unknownToken}', html: true },
  { who: 'anonymous', method: 'POST', path: '/api/mail/opt-out/%00%2e%2e%2f', html: true },
  // Erasure and deletion (admin): malformed codes are refused, unknown ones erase nothing.
  { who: 'admin', method: 'DELETE', path: '/api/campaigns/{campaign}/responses/pas-un-code?salt=q4zp7ram' },
  { who: 'admin', method: 'DELETE', path: '/api/campaigns/{campaign}/responses/k7mq2xw4ab3d?salt=%3Cscript%3E' },
  { who: 'admin', method: 'DELETE', path: '/api/campaigns/{campaign}/responses/k7mq2xw4ab3d' },
  { who: 'admin', method: 'DELETE', path: '/api/campaigns/{campaign}/responses/k7mq2xw4ab3d?salt=q4zp7ram' },
  { who: 'admin', method: 'DELETE', path: '/api/campaigns/inconnue/responses/k7mq2xw4ab3d?salt=q4zp7ram' },
  { who: 'admin', method: 'DELETE', path: '/api/poles/pole-inconnu' },
  { who: 'coordinator', method: 'DELETE', path: '/api/poles/{pole}' },
];

const urlOf = (c: Case) =>
  c.path.replace(/\{(\w+)\}/g, (_, name: string) => ({
    base, pole: ids.pole, campaign: ids.campaign, bound: ids.bound, long: 'x'.repeat(5_000), longToken: 'A'.repeat(5_000), unknownToken: 'a'.repeat(43),
    adminUser: ids.adminUser, coordinatorUser: ids.coordinatorUser,
  })[name]!);

/** Sends a case as a browser would: the client's cookies and CSRF token, JSON or raw text. */
async function send(c: Case): Promise<Response> {
  const client = { anonymous: h.client(), admin, coordinator, respondent }[c.who];
  if (c.raw === undefined) return client.request(c.method, urlOf(c), c.body);
  // Raw text the JSON parser must refuse: sent straight to the app with the client's cookies and CSRF token.
  return h.app.request(`http://localhost${urlOf(c)}`, {
    method: c.method,
    body: c.raw,
    headers: {
      'content-type': 'application/json',
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
      ...(client.cookies.size ? { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
    },
  });
}

describe('bad-input corpus', () => {
  it('has at least 80 cases over every write route', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((c, i) => [i, `${c.who} ${c.method} ${c.path.slice(0, 80)} ${c.raw !== undefined ? JSON.stringify(c.raw).slice(0, 30) : JSON.stringify(c.body)?.slice(0, 60)}`, c] as const))(
    '#%i %s',
    async (_i, _name, c) => {
      const before = h.deps.repos.db.serialize();
      const res = await send(c);
      expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (!c.html) {
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = await res.json();
        expect(body.error.code).toEqual(expect.any(String));
        expect(body.error.message).toMatch(/\p{L}{3}/u);
      }
      expect(Buffer.compare(h.deps.repos.db.serialize(), before), 'the database changed').toBe(0);
    },
  );
});
