// Erasure through the API (admin only): one response named by a row of an export, and all of a pole's data. What is
// erased leaves the results, the exports and the files on disk, and the audit trail says who erased what.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { parseCsv } from '../helpers/csv.ts';
import { SCRUB_INTERVAL_MS } from '../../server/db/group-commit.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

type Json = Record<string, any>;
const PROFILE = ['college', 'college_libelle', 'position', 'anciennete', 'siegeInstance'];
const marker = (pole: string, i: number) => `Marqueur-${pole}-${i}-effacable`;

async function submit(token: string, data: Json) {
  const res = await h.client().json('POST', `/api/responses/${token}/submit`, { data });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

/** Pole A: four responses in one results batch, each with its own marker in free text; pole B: three. */
async function scenario() {
  const a = await poleWithCampaign(h);
  const linksA = await createLinks(a.coordinator, a.base, { count: 5 });
  for (let i = 0; i < 4; i++) await submit(linksA[i].token, { ...completeAnswers(h, i % 2 ? 'ess' : 'salaries', 10 + i), verbatimForces: marker('A', i) });
  // The fourth response waits for a batch of its own; one batch of four makes a row of it exportable at k = 3.
  h.deps.repos.db.prepare('UPDATE responses SET batch = 1 WHERE pole_id = ?').run(a.pole.id);
  const poleB = (await a.admin.json('POST', '/api/poles', { name: 'Pôle B' })).body;
  const coordinatorB = await h.coordinator(poleB.id);
  const baseB = `/api/poles/${poleB.id}/campaigns/${a.campaign.id}`;
  const linksB = await createLinks(coordinatorB, baseB, { count: 3 });
  for (let i = 0; i < 3; i++) await submit(linksB[i].token, { ...completeAnswers(h, 'collectivites', 20 + i), verbatimForces: marker('B', i) });
  return { ...a, linksA, poleB, coordinatorB, baseB };
}

/** The wide export as rows keyed by column; `answers` is a row's answers without profile columns nor code. */
async function wideExport(client: Client, campaignId: string) {
  const res = await client.request('GET', `/api/campaigns/${campaignId}/export.csv?format=wide`);
  expect(res.status).toBe(200);
  const [header, ...lines] = parseCsv((await res.text()).slice(1), ';');
  return lines.map((l) => {
    const row = Object.fromEntries(header.map((k, i) => [k, l[i]]));
    const answers = JSON.stringify(Object.entries(row).filter(([k]) => k !== 'reponse' && !PROFILE.includes(k)).sort());
    return { row, answers };
  });
}

/** The markers readable in the database's files (the database and its WAL), byte for byte. */
function markersOnDisk(): string[] {
  const bytes = ['ptce.sqlite', 'ptce.sqlite-wal']
    .map((f) => join(h.dataDir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
  return ['A', 'B'].flatMap((p) => [0, 1, 2, 3].map((i) => marker(p, i))).filter((m) => bytes.includes(m));
}
const storedMarkers = () =>
  (h.deps.repos.db.prepare('SELECT data FROM responses').pluck().all() as string[]).map((d) => JSON.parse(d).verbatimForces as string).sort();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets the truncation of the WAL that the submissions asked for happen: an erasure must then ask for its own. */
const settled = () => sleep(SCRUB_INTERVAL_MS + 100);

/** The WAL is truncated at most once a second: what an erasure deleted leaves the files within that delay. */
async function untilOnDisk(expected: string[]) {
  for (let tries = 0; tries < 30 && JSON.stringify(markersOnDisk().sort()) !== JSON.stringify([...expected].sort()); tries++) {
    await sleep(100);
  }
  expect(markersOnDisk().sort()).toEqual([...expected].sort());
}

const auditRows = (action: string) => h.deps.repos.db.prepare('SELECT * FROM audit_log WHERE action = ?').all(action) as Json[];

describe('erasing one response by its export code', () => {
  it('removes the response a row of an export shows: from results, later exports and the disk; audited', async () => {
    const s = await scenario();
    const before = await wideExport(s.admin, s.campaign.id);
    expect(before).toHaveLength(7);
    const resultsBefore = await s.coordinator.json('GET', `${s.base}/results`);
    expect(resultsBefore.body.snapshot.responses).toBe(4);
    const everyMarker = ['A', 'B'].flatMap((p) => [0, 1, 2, 3].map((i) => marker(p, i))).filter((m) => m !== marker('B', 3));
    await untilOnDisk(everyMarker);

    const target = before.find((r) => r.row.pole_id === s.pole.id)!;
    const [salt, code] = target.row.reponse.split('-');
    // A coordinator may not erase, even in their own pole.
    expect((await s.coordinator.request('DELETE', `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${salt}`)).status).toBe(403);
    expect((await h.client().request('DELETE', `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${salt}`)).status).toBe(401);
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(7);

    await settled();
    const res = await s.admin.request('DELETE', `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${salt}`);
    expect(res.status).toBe(204);
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(6);
    const after = await wideExport(s.admin, s.campaign.id);
    expect(after.map((r) => r.answers).sort()).toEqual(before.filter((r) => r !== target).map((r) => r.answers).sort());
    expect((await s.coordinator.json('GET', `${s.base}/results`)).body.snapshot.responses).toBe(3);
    // Its free text is nowhere in the files any more; the others' still are.
    const left = storedMarkers();
    expect(left).toHaveLength(6);
    await untilOnDisk(left);

    const [entry] = auditRows('response.erased');
    expect(entry).toMatchObject({ actor_email: 'admin@labo.test', target_type: 'campaign', target_id: s.campaign.id, pole_id: s.pole.id, detail: 'Campagne 2026' });
    expect(JSON.stringify(entry)).not.toContain(code);
    // Erased once: the same row now names nothing.
    expect((await s.admin.json('DELETE', `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${salt}`)).status).toBe(404);
    expect(auditRows('response.erased')).toHaveLength(1);
  });

  it('finds nothing under another export’s salt, another campaign or a malformed code', async () => {
    const s = await scenario();
    const [first] = await wideExport(s.admin, s.campaign.id);
    const [second] = await wideExport(s.admin, s.campaign.id);
    const [salt, code] = first.row.reponse.split('-');
    const otherSalt = second.row.reponse.split('-')[0];
    const other = (await s.admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2026' })).body;
    for (const path of [
      `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${otherSalt}`,
      `/api/campaigns/${other.id}/responses/${code}?salt=${salt}`,
      `/api/campaigns/inconnue/responses/${code}?salt=${salt}`,
    ]) {
      const res = await s.admin.json('DELETE', path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    for (const path of [
      `/api/campaigns/${s.campaign.id}/responses/${code}`,
      `/api/campaigns/${s.campaign.id}/responses/${code}?salt=${salt.toUpperCase()}`,
      `/api/campaigns/${s.campaign.id}/responses/1?salt=${salt}`,
    ]) {
      expect((await s.admin.json('DELETE', path)).status, path).toBe(422);
    }
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(7);
    expect(auditRows('response.erased')).toEqual([]);
  });
});

describe('deleting a pole with all its data', () => {
  /** Rows of each table that belong to the pole (mails and sessions through their mailing and account). */
  const rowsOf = (poleId: string) => {
    const count = (sql: string) => h.deps.repos.db.prepare(sql).pluck().get(poleId) as number;
    return {
      poles: count('SELECT count(*) FROM poles WHERE id = ?'),
      profiles: count('SELECT count(*) FROM pole_profiles WHERE pole_id = ?'),
      invitations: count('SELECT count(*) FROM invitations WHERE pole_id = ?'),
      tickets: count('SELECT count(*) FROM tickets WHERE pole_id = ?'),
      responses: count('SELECT count(*) FROM responses WHERE pole_id = ?'),
      recipients: count('SELECT count(*) FROM mail_recipients WHERE pole_id = ?'),
      mailings: count('SELECT count(*) FROM mailings WHERE pole_id = ?'),
      mails: count('SELECT count(*) FROM outgoing_mails o JOIN mailings g ON g.id = o.mailing_id WHERE g.pole_id = ?'),
      accounts: count('SELECT count(*) FROM users WHERE pole_id = ?'),
      sessions: count('SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.pole_id = ?'),
    };
  };

  it('removes the pole, its profiles, links, drafts, responses, mail and accounts; the other pole keeps all of its own', async () => {
    const s = await scenario();
    // A profile, a draft in progress, a shared link claimed, and an e-mail invitation waiting in the queue.
    const profile = await s.coordinator.json('GET', `${s.base}/profile`);
    expect(profile.status).toBe(200);
    const draft = h.client();
    expect((await draft.json('PUT', `/api/responses/${s.linksA[4].token}`, { data: { college: 'ess' } })).status).toBe(200);
    const [shared] = await createLinks(s.coordinator, s.base, { shared: true });
    expect((await h.client().json('POST', `/api/responses/${shared.token}/claim`)).status).toBeLessThan(300);
    h.deps.mailer = { send: async () => undefined, close: () => undefined };
    expect((await s.coordinator.json('POST', `${s.base}/mailings`, { recipients: [{ email: 'personne@exemple.org' }] })).status).toBe(202);
    const a = rowsOf(s.pole.id);
    expect(a).toMatchObject({ poles: 1, invitations: 7, responses: 4, recipients: 1, mailings: 1, mails: 1, accounts: 1, sessions: 1 });
    const b = rowsOf(s.poleB.id);

    expect((await s.coordinatorB.request('DELETE', `/api/poles/${s.pole.id}`)).status).toBe(403);
    expect((await s.coordinator.request('DELETE', `/api/poles/${s.pole.id}`)).status).toBe(403);
    expect(rowsOf(s.pole.id)).toEqual(a);

    await settled();
    expect((await s.admin.request('DELETE', `/api/poles/${s.pole.id}`)).status).toBe(204);
    expect(Object.values(rowsOf(s.pole.id)).every((n) => n === 0)).toBe(true);
    expect(rowsOf(s.poleB.id)).toEqual(b);
    expect((await s.coordinator.json('GET', '/api/session')).status).toBe(401);
    expect((await s.admin.json('GET', `/api/poles/${s.pole.id}`)).status).toBe(404);
    expect((await s.admin.json('DELETE', `/api/poles/${s.pole.id}`)).status).toBe(404);
    await untilOnDisk([0, 1, 2].map((i) => marker('B', i)));

    const [entry] = auditRows('pole.deleted');
    expect(entry).toMatchObject({ actor_email: 'admin@labo.test', target_type: 'pole', target_id: s.pole.id, pole_id: s.pole.id });
    expect(entry.detail).toBe('« Pôle des Coteaux » : 4 réponses, 7 liens, 1 adresse, 1 compte');
    expect(auditRows('pole.deleted')).toHaveLength(1);
  });
});
