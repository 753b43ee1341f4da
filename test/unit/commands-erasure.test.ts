// RETENTION_YEARS with an injected clock: campaigns older than the period go with everything under them, at start and
// then daily, each purge in the audit trail; without the setting nothing is ever deleted.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { purgeExpiredCampaigns } from '../../server/commands/erasure.ts';
import { RETENTION_INTERVAL_MS, createRetentionPurger } from '../../server/retention.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => {
  vi.useRealTimers();
  h.close();
});

/** Campaign 2026 with links, a draft, sent responses, a profile and a queued mail; an empty campaign 2028. */
async function twoCampaigns() {
  const s = await poleWithCampaign(h);
  const links = await createLinks(s.coordinator, s.base, { count: 4 });
  for (let i = 0; i < 3; i++) {
    expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, 'ess', i) })).status).toBe(201);
  }
  expect((await h.client().json('PUT', `/api/responses/${links[3].token}`, { data: { college: 'ess' } })).status).toBe(200);
  h.deps.repos.profiles.save(s.pole.id, s.campaign.id, { anneeCreation: 2015 }, h.clock.now.toISOString(), h.deps.repos.users.findByEmail(`coord-${s.pole.id}@pole.test`)!.id);
  h.deps.mailer = { send: async () => undefined, close: () => undefined };
  expect((await s.coordinator.json('POST', `${s.base}/mailings`, { recipients: [{ email: 'personne@exemple.org' }] })).status).toBe(202);
  const later = (await s.admin.json('POST', '/api/campaigns', { year: 2028, questionnaireId: 'ptce-2026' })).body;
  return { ...s, later };
}

const rowsUnder = (campaignId: string): Record<string, number> => {
  const count = (table: string) => h.deps.repos.db.prepare(`SELECT count(*) FROM ${table} WHERE campaign_id = ?`).pluck().get(campaignId) as number;
  return {
    campaigns: h.deps.repos.db.prepare('SELECT count(*) FROM campaigns WHERE id = ?').pluck().get(campaignId) as number,
    ...Object.fromEntries(['invitations', 'tickets', 'responses', 'pole_profiles', 'mail_recipients', 'mailings'].map((t) => [t, count(t)])),
    outgoing: h.deps.repos.db.prepare('SELECT count(*) FROM outgoing_mails o JOIN mailings g ON g.id = o.mailing_id WHERE g.campaign_id = ?').pluck().get(campaignId) as number,
  };
};
const purges = () => h.deps.repos.db.prepare("SELECT * FROM audit_log WHERE action = 'campaign.purged' ORDER BY id").all() as Record<string, unknown>[];

describe('retention purge', () => {
  it('deletes the campaigns older than the period with everything under them, and audits each', async () => {
    const s = await twoCampaigns();
    expect(rowsUnder(s.campaign.id)).toEqual({ campaigns: 1, invitations: 5, tickets: 5, responses: 3, pole_profiles: 1, mail_recipients: 1, mailings: 1, outgoing: 1 });

    // In 2029 with three years, 2026 is kept (not older than 2026); in 2030 it goes, 2028 stays.
    h.clock.now = new Date('2029-12-31T12:00:00Z');
    expect(await purgeExpiredCampaigns(h.deps, 3)).toEqual([]);
    h.clock.now = new Date('2030-01-02T03:00:00Z');
    expect((await purgeExpiredCampaigns(h.deps, 3)).map((c) => c.year)).toEqual([2026]);
    expect(Object.values(rowsUnder(s.campaign.id)).every((n) => n === 0)).toBe(true);
    expect(h.deps.repos.campaigns.list().map((c) => c.year)).toEqual([2028]);
    // The pole and its coordination stay: only the campaign's data goes.
    expect(h.deps.repos.poles.get(s.pole.id)).toBeDefined();
    expect(purges()).toEqual([expect.objectContaining({
      at: '2030-01-02T03:00:00.000Z', actor_id: null, actor_email: null, target_type: 'campaign', target_id: s.campaign.id,
      detail: 'Campagne 2026, au-delà de la durée de conservation (3 ans) : 3 réponses, 5 liens, 1 adresse',
    })]);
    expect(await purgeExpiredCampaigns(h.deps, 3)).toEqual([]);
    expect(purges()).toHaveLength(1);
  });

  it('runs in the server process at start and then every day, until stopped; never without a period', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await twoCampaigns();
    h.clock.now = new Date('2040-01-01T00:00:00Z');
    const keepAll = createRetentionPurger(h.deps, undefined);
    keepAll.start();
    vi.advanceTimersByTime(3 * RETENTION_INTERVAL_MS);
    await keepAll.stop();
    expect(h.deps.repos.campaigns.list()).toHaveLength(2);

    h.clock.now = new Date('2030-06-01T00:00:00Z');
    const purger = createRetentionPurger(h.deps, 3);
    purger.start();
    await vi.waitFor(() => expect(h.deps.repos.campaigns.list().map((c) => c.year)).toEqual([2028]));
    expect(rowsUnder(s.campaign.id).responses).toBe(0);
    // A day later, in 2032, 2028 is past the period too.
    h.clock.now = new Date('2032-01-01T00:00:00Z');
    vi.advanceTimersByTime(RETENTION_INTERVAL_MS);
    await vi.waitFor(() => expect(h.deps.repos.campaigns.list()).toEqual([]));
    expect(purges().map((p) => p.target_id)).toEqual([s.campaign.id, s.later.id]);

    await purger.stop();
    h.deps.repos.campaigns.create({ id: 'ancienne', year: 2001, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: h.clock.now.toISOString() });
    vi.advanceTimersByTime(2 * RETENTION_INTERVAL_MS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.deps.repos.campaigns.get('ancienne')).toBeDefined();
  });
});
