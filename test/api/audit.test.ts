// The audit trail through HTTP: each staff action leaves one entry naming its actor, none holds a token, a password
// nor an answer, and only the admin reads it, newest first, page by page (GET /api/audit).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { hashToken } from '../../server/security/tokens.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

type Json = Record<string, any>;

const trail = async (client: Client, query = '') => (await client.json('GET', `/api/audit${query}`)).body as { entries: Json[]; next: number | null };
/** Entries of one action, oldest first. */
const entriesOf = async (admin: Client, action: string) => (await trail(admin, '?limit=200')).entries.filter((e) => e.action === action).reverse();
const userId = (email: string) => h.deps.repos.users.findByEmail(email)!.id;

/** Every stored audit row, as text: what a token, a password or an answer must never be found in. */
const storedTrail = () => JSON.stringify(h.deps.repos.db.prepare('SELECT * FROM audit_log').all());

describe('the audit trail', () => {
  it('records exports and link changes with their actor, and never a token nor an answer', async () => {
    const { admin, coordinator, pole, campaign, base } = await poleWithCampaign(h);
    const coordinatorEmail = `coord-${pole.id}@pole.test`;
    const links = await createLinks(coordinator, base, { count: 3, college: 'ess' });
    const [shared] = await createLinks(coordinator, base, { shared: true, maxResponses: 20 });
    const answers = links.map((_, i) => ({ ...completeAnswers(h, 'ess', i), verbatimForces: `Réponse libre ${i} à ne jamais journaliser` }));
    for (const [i, link] of links.entries()) expect((await h.client().json('POST', `/api/responses/${link.token}/submit`, { data: answers[i] })).status).toBe(201);
    const [spare] = await createLinks(coordinator, base, { count: 1 });
    expect((await coordinator.request('DELETE', `${base}/invitations/${shared.id}`)).status).toBe(204);
    const reissued = await coordinator.json('POST', `${base}/invitations/${spare.id}/reissue`);
    expect(reissued.status).toBe(201);
    expect((await coordinator.request('GET', `${base}/export.csv?format=wide&sep=%2C`)).status).toBe(200);
    expect((await admin.request('GET', `/api/campaigns/${campaign.id}/export.xlsx`)).status).toBe(200);

    const coordinatorActor = { id: userId(coordinatorEmail), email: coordinatorEmail };
    expect(await entriesOf(admin, 'invitations.created')).toEqual([
      expect.objectContaining({ actor: coordinatorActor, target: { type: 'campaign', id: campaign.id }, poleId: pole.id, detail: '3 liens individuels, collège ess' }),
      expect.objectContaining({ actor: coordinatorActor, detail: '1 lien partagé (20 réponses au plus)' }),
      expect.objectContaining({ actor: coordinatorActor, detail: '1 lien individuel' }),
    ]);
    expect(await entriesOf(admin, 'invitation.revoked')).toEqual([
      expect.objectContaining({ actor: coordinatorActor, target: { type: 'invitation', id: shared.id }, poleId: pole.id }),
    ]);
    expect(await entriesOf(admin, 'invitation.reissued')).toEqual([
      expect.objectContaining({ actor: coordinatorActor, target: { type: 'invitation', id: spare.id }, poleId: pole.id }),
    ]);
    expect(await entriesOf(admin, 'export.downloaded')).toEqual([
      expect.objectContaining({ actor: coordinatorActor, target: { type: 'campaign', id: campaign.id }, poleId: pole.id, detail: 'Campagne 2026 : CSV large, séparateur « , »' }),
      expect.objectContaining({ actor: { id: userId(ADMIN.email), email: ADMIN.email }, poleId: null, detail: 'Campagne 2026, tous les pôles : XLSX' }),
    ]);
    expect(await entriesOf(admin, 'campaign.created')).toEqual([
      expect.objectContaining({ actor: { id: userId(ADMIN.email), email: ADMIN.email }, target: { type: 'campaign', id: campaign.id }, detail: 'Campagne 2026 (ptce-2026)' }),
    ]);

    // No link token (issued or reissued), session or respondent cookie, nor their hashes; no answer.
    const stored = storedTrail();
    const tokens = [...links, shared, spare, reissued.body.invitation].map((l: Json) => l.token);
    const cookies = [admin, coordinator].flatMap((c) => [...c.cookies.values(), c.csrf!]);
    for (const secret of [...tokens, ...tokens.map(hashToken), ...cookies]) expect(stored).not.toContain(secret);
    for (const data of answers) expect(stored).not.toContain(data.verbatimForces);
  });

  it('records failed and successful logins by account email, never the password', async () => {
    await h.admin();
    const tries = h.client();
    expect((await tries.login(ADMIN.email, 'mauvais-mot-de-passe-123')).status).toBe(401);
    expect((await tries.login('personne@inconnu.test', 'un-autre-mot-de-passe-456')).status).toBe(401);
    const admin = await h.admin();
    const actor = { id: userId(ADMIN.email), email: ADMIN.email };
    expect(await entriesOf(admin, 'login.failed')).toEqual([
      expect.objectContaining({ actor, target: null, detail: 'Mot de passe incorrect' }),
      expect.objectContaining({ actor: null, detail: 'Adresse inconnue' }),
    ]);
    expect(await entriesOf(admin, 'login.succeeded')).toEqual([expect.objectContaining({ actor }), expect.objectContaining({ actor })]);
    const stored = storedTrail();
    for (const secret of [ADMIN.password, 'mauvais-mot-de-passe-123', 'un-autre-mot-de-passe-456', 'personne@inconnu.test']) expect(stored).not.toContain(secret);
  });

  it('records account changes: created, disabled, enabled again, password changed', async () => {
    const admin = await h.admin();
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle A' })).body;
    const created = await admin.json('POST', '/api/users', { email: 'coord@pole-a.test', password: 'un-mot-de-passe-solide-1', poleId: pole.id });
    expect(created.status).toBe(201);
    expect((await admin.json('PATCH', `/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await admin.json('PATCH', `/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await admin.json('PATCH', `/api/users/${created.body.id}`, { disabled: false })).status).toBe(200);
    const coordinator = h.client();
    expect((await coordinator.login('coord@pole-a.test', 'un-mot-de-passe-solide-1')).status).toBe(204);
    expect((await coordinator.json('PUT', '/api/session/password', { currentPassword: 'un-mot-de-passe-solide-1', newPassword: 'un-mot-de-passe-solide-2' })).status).toBe(204);

    const adminActor = { id: userId(ADMIN.email), email: ADMIN.email };
    const target = { type: 'user', id: created.body.id };
    const { entries } = await trail(admin, '?limit=200');
    expect(entries.filter((e) => e.action.startsWith('user.')).reverse()).toEqual([
      expect.objectContaining({ action: 'user.created', actor: adminActor, target, poleId: pole.id, detail: 'coord@pole-a.test' }),
      // Disabling an account already disabled changes nothing, and records nothing.
      expect.objectContaining({ action: 'user.disabled', actor: adminActor, target, poleId: pole.id, detail: 'coord@pole-a.test' }),
      expect.objectContaining({ action: 'user.enabled', actor: adminActor, target, poleId: pole.id, detail: 'coord@pole-a.test' }),
      expect.objectContaining({ action: 'user.password_changed', actor: { id: created.body.id, email: 'coord@pole-a.test' }, target, poleId: pole.id }),
    ]);
    const stored = storedTrail();
    for (const secret of ['un-mot-de-passe-solide-1', 'un-mot-de-passe-solide-2']) expect(stored).not.toContain(secret);
  });

  it('lists entries newest first, page by page, to the admin only', async () => {
    const admin = await h.admin();
    for (let i = 0; i < 4; i++) {
      h.clock.now = new Date(Date.UTC(2026, 2, 1, 10, 1 + i));
      expect((await admin.json('POST', '/api/poles', { name: `Pôle ${i}` })).status).toBe(201);
      expect((await admin.json('POST', '/api/campaigns', { year: 2030 + i, questionnaireId: 'ptce-2026' })).status).toBe(201);
    }
    const all = await trail(admin);
    // The admin's login, then four campaigns.
    expect(all.entries.map((e) => e.detail)).toEqual(['Campagne 2033 (ptce-2026)', 'Campagne 2032 (ptce-2026)', 'Campagne 2031 (ptce-2026)', 'Campagne 2030 (ptce-2026)', null]);
    expect(all.next).toBeNull();

    const first = await trail(admin, '?limit=2');
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    expect(first.next).toBe(all.entries[1].id);
    const second = await trail(admin, `?limit=2&before=${first.next}`);
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
    const last = await trail(admin, `?limit=2&before=${second.next}`);
    expect(last).toEqual({ entries: all.entries.slice(4), next: null });

    for (const query of ['?limit=0', '?limit=201', '?before=abc']) expect((await admin.json('GET', `/api/audit${query}`)).status, query).toBe(422);
    expect((await admin.json('GET', '/api/audit?limit=200')).status).toBe(200);
    const coordinator = await h.coordinator((await admin.json('GET', '/api/poles')).body.poles[0].id);
    expect((await coordinator.json('GET', '/api/audit')).status).toBe(403);
    expect((await h.client().json('GET', '/api/audit')).status).toBe(401);
  });
});
