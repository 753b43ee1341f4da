// The permission matrix, generated from the route table (the OpenAPI document): every API route × {anonymous,
// respondent of pole A, coordinator of A, coordinator of B, admin} gets its expected answer. A route that is not in
// ACCESS fails the test, so a new route cannot ship without saying who may call it.
import { describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { surveyDocument } from '../../server/survey-document.ts';

type Role = 'anonymous' | 'respondentA' | 'coordinatorA' | 'coordinatorB' | 'admin';
/** `ok`: let through (any answer but 401/403, never a 5xx); a number: refused with exactly that status. */
type Expected = 'ok' | 401 | 403;

/**
 * Who may call what. `public`: anyone (the route checks what it needs itself: a login, a token); `signedIn`: any staff
 * account; `admin`: the Labo only; `poleA`: pole A's coordination and the Labo, never another pole's; `boundLink`:
 * only the browser a respondent link is bound to (everyone else, staff included, is refused with 403).
 */
const CLASSES = {
  public: { anonymous: 'ok', respondentA: 'ok', coordinatorA: 'ok', coordinatorB: 'ok', admin: 'ok' },
  signedIn: { anonymous: 401, respondentA: 401, coordinatorA: 'ok', coordinatorB: 'ok', admin: 'ok' },
  admin: { anonymous: 401, respondentA: 401, coordinatorA: 403, coordinatorB: 403, admin: 'ok' },
  poleA: { anonymous: 401, respondentA: 401, coordinatorA: 'ok', coordinatorB: 403, admin: 'ok' },
  boundLink: { anonymous: 403, respondentA: 'ok', coordinatorA: 403, coordinatorB: 403, admin: 403 },
} as const satisfies Record<string, Record<Role, Expected>>;

const POLE = '/api/poles/{poleId}/campaigns/{campaignId}';
const ACCESS: Record<string, keyof typeof CLASSES> = {
  'POST /api/session': 'public',
  'GET /api/session': 'signedIn',
  'DELETE /api/session': 'signedIn',
  'PUT /api/session/password': 'signedIn',
  'GET /api/poles': 'signedIn',
  'POST /api/poles': 'admin',
  'GET /api/poles/{poleId}': 'poleA',
  'PATCH /api/poles/{poleId}': 'poleA',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/{userId}': 'admin',
  'GET /api/questionnaires': 'signedIn',
  'POST /api/questionnaires': 'admin',
  'GET /api/questionnaires/{id}': 'signedIn',
  'GET /api/questionnaires/{id}/survey/{hash}': 'public',
  'GET /api/campaigns': 'signedIn',
  'POST /api/campaigns': 'admin',
  [`GET ${POLE}/profile`]: 'poleA',
  [`PUT ${POLE}/profile`]: 'poleA',
  [`POST ${POLE}/invitations`]: 'poleA',
  [`GET ${POLE}/invitations`]: 'poleA',
  [`GET ${POLE}/invitations.csv`]: 'poleA',
  [`DELETE ${POLE}/invitations/{invitationId}`]: 'poleA',
  [`POST ${POLE}/invitations/{invitationId}/reissue`]: 'poleA',
  [`GET ${POLE}/questionnaire`]: 'poleA',
  [`GET ${POLE}/participation`]: 'poleA',
  'GET /api/responses/{token}': 'boundLink',
  'PUT /api/responses/{token}': 'boundLink',
  'POST /api/responses/{token}/submit': 'boundLink',
  'POST /api/responses/{token}/claim': 'public',
  [`GET ${POLE}/results`]: 'poleA',
  [`GET ${POLE}/report.pdf`]: 'poleA',
  [`GET ${POLE}/summary.pdf`]: 'poleA',
  [`GET ${POLE}/review`]: 'poleA',
  [`PUT ${POLE}/review`]: 'poleA',
  [`GET ${POLE}/action-plan.pdf`]: 'poleA',
  'GET /api/campaigns/{campaignId}/export.csv': 'admin',
  'GET /api/campaigns/{campaignId}/export.xlsx': 'admin',
  [`GET ${POLE}/export.csv`]: 'poleA',
  [`GET ${POLE}/export.xlsx`]: 'poleA',
  'GET /api/campaigns/{campaignId}/results': 'admin',
  'GET /api/campaigns/{campaignId}/report.pdf': 'admin',
  'GET /api/campaigns/{campaignId}/compare': 'admin',
  'GET /api/campaigns/{campaignId}/chart.svg': 'admin',
  [`POST ${POLE}/mailings`]: 'poleA',
  [`GET ${POLE}/mailings`]: 'poleA',
  [`POST ${POLE}/reminders`]: 'poleA',
  'GET /api/mail/opt-out/{token}': 'public',
  'POST /api/mail/opt-out/{token}': 'public',
  'GET /api/audit': 'admin',
  'DELETE /api/campaigns/{campaignId}/responses/{exportId}': 'admin',
  'DELETE /api/poles/{poleId}': 'admin',
};

/** The routes of the OpenAPI document, as `METHOD /path`. */
async function routeTable(h: Harness): Promise<string[]> {
  const doc = (await h.client().json('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
}

/** Pole A (with an open campaign, links, a respondent who opened one) and pole B, each with its coordinator. */
async function world() {
  const h = await createHarness();
  const admin = await h.admin();
  const poleA = (await admin.json('POST', '/api/poles', { name: 'Pôle A' })).body;
  const poleB = (await admin.json('POST', '/api/poles', { name: 'Pôle B' })).body;
  const campaign = (await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-01', closesAt: '2026-06-30' })).body;
  const coordinatorA = await h.coordinator(poleA.id);
  const coordinatorB = await h.coordinator(poleB.id);
  const base = `/api/poles/${poleA.id}/campaigns/${campaign.id}`;
  const [bound, spare] = await createLinks(coordinatorA, base, { count: 2 });
  const [shared] = await createLinks(coordinatorA, base, { shared: true });
  const respondentA = h.client();
  expect((await respondentA.json('GET', `/api/responses/${bound.token}`)).status).toBe(200);
  const clients: Record<Role, Client> = { anonymous: h.client(), respondentA, coordinatorA, coordinatorB, admin };
  const params: Record<string, string> = {
    poleId: poleA.id, campaignId: campaign.id, invitationId: spare.id, id: 'ptce-2026',
    userId: h.deps.repos.users.findByEmail(`coord-${poleB.id}@pole.test`)!.id,
    exportId: '1', hash: surveyDocument(h.deps.questionnaires.get('ptce-2026')!).hash,
  };
  const tokenFor = (route: string) => (route.endsWith('/claim') ? shared.token : route.includes('/opt-out/') ? 'a'.repeat(43) : bound.token);
  return { h, clients, params, tokenFor };
}

/** Refused roles first: a refusal must change nothing that the allowed roles then rely on. */
const ORDER: Role[] = ['anonymous', 'respondentA', 'coordinatorB', 'coordinatorA', 'admin'];

describe('permission matrix', () => {
  it('lists every route of the API, and only routes that exist', async () => {
    const h = await createHarness();
    const routes = await routeTable(h);
    h.close();
    expect(routes.filter((r) => !(r in ACCESS)), 'routes missing from the matrix').toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !routes.includes(r)), 'matrix entries with no route').toEqual([]);
  });

  it.each(Object.entries(ACCESS))('%s: %s', async (route, access) => {
    const { h, clients, params, tokenFor } = await world();
    try {
      const [method, template] = route.split(' ');
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'token' ? tokenFor(route) : params[name]));
      for (const role of ORDER) {
        const expected: Expected = CLASSES[access][role];
        // Writes carry an empty JSON object: access is checked before the body (a stranger learns nothing from a 422).
        const res = await clients[role].request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        const where = `${role} ${method} ${url}`;
        if (expected === 'ok') {
          expect([401, 403], where).not.toContain(res.status);
          expect(res.status, where).toBeLessThan(500);
        } else {
          expect(res.status, where).toBe(expected);
        }
      }
    } finally {
      h.close();
    }
  });
});
