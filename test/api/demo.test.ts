import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { DEMO_VERSIONS, generateDemoNetwork } from '../../server/demo/network.ts';
import { poleFacts } from '../../surveys/model.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

describe('demo network', () => {
  it('matches the seed’s figures and holds 8 to 30 valid submitted responses per pole and campaign', async () => {
    const accounts = await generateDemoNetwork(h.deps);
    const db = h.deps.repos.db;
    expect(db.prepare('SELECT count(*) FROM poles').pluck().get()).toBe(12);
    expect(db.prepare('SELECT year FROM campaigns ORDER BY year').pluck().all()).toEqual([2025, 2026]);
    // Each campaign on its version (DEMO_VERSIONS), its profiles in that version's form.
    const versionOf = (campaignId: string) => h.deps.questionnaires.get(h.deps.repos.campaigns.get(campaignId)!.questionnaireId)!;
    for (const c of h.deps.repos.campaigns.list()) expect(c.questionnaireId).toBe(DEMO_VERSIONS[c.year]);
    const q = versionOf('campagne-2026');
    const profiles = (db.prepare("SELECT data FROM pole_profiles WHERE campaign_id = 'campagne-2026'").pluck().all() as string[]).map((d) => JSON.parse(d));
    const count = (pred: (p: any) => boolean) => profiles.filter(pred).length;
    const facts = (p: any) => poleFacts(q.profileModel, p);
    expect(count((p) => facts(p).legalForm === 'association')).toBe(8);
    expect(count((p) => facts(p).legalForm === 'aucune')).toBe(3);
    expect(count((p) => facts(p).legalForm === 'ues')).toBe(1);
    expect(count((p) => p.charteDesOrigines === true)).toBe(4);
    expect(count((p) => facts(p).venue === true)).toBe(7);
    expect(count((p) => p.soutienCollectivites.includes('financier'))).toBe(12);

    for (const c of h.deps.repos.campaigns.list()) {
      for (const p of db.prepare('SELECT data FROM pole_profiles WHERE campaign_id = ?').pluck().all(c.id) as string[]) {
        expect(versionOf(c.id).profileValidator.validate(JSON.parse(p), 'submit')).toEqual([]);
      }
    }
    const perPole = db.prepare("SELECT pole_id, campaign_id, count(*) AS n, count(DISTINCT college) AS colleges FROM responses GROUP BY 1, 2").all() as any[];
    expect(perPole).toHaveLength(24);
    for (const row of perPole) {
      expect(row.n).toBeGreaterThanOrEqual(8);
      expect(row.n).toBeLessThanOrEqual(30);
      expect(row.colleges).toBeGreaterThanOrEqual(3);
    }
    for (const { campaign_id, data } of db.prepare('SELECT campaign_id, data FROM responses').all() as { campaign_id: string; data: string }[]) {
      expect(versionOf(campaign_id).validator.validate(JSON.parse(data), 'submit')).toEqual([]);
    }
    // Every pole with results held its 2025 review: themes read together, options adopted, statuses mixed.
    const reviews = (db.prepare("SELECT data FROM pole_reviews WHERE campaign_id = 'campagne-2025' ORDER BY pole_id").pluck().all() as string[]).map((d) => JSON.parse(d));
    expect(reviews).toHaveLength(12);
    const actions = reviews.flatMap((r) => r.actions);
    expect(reviews.every((r) => r.themes.length > 0 && r.actions.some((a: any) => a.optionId !== null))).toBe(true);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['planned', 'in_progress', 'done', 'dropped']));
    expect(actions.some((a) => a.optionId === null)).toBe(true);

    // Demo coordinators can log in and see their pole's participation.
    const c = h.client();
    expect((await c.login(accounts.coordinators[0].email, accounts.coordinators[0].password)).status).toBe(204);
    const participation = await c.json('GET', '/api/poles/pole-1/campaigns/campagne-2025/participation');
    expect(participation.body.totals.submitted).toBe(perPole.find((r) => r.pole_id === 'pole-1' && r.campaign_id === 'campagne-2025').n);
    // … and, in the 2026 results, what became of their 2025 plan.
    const results = await c.json('GET', '/api/poles/pole-1/campaigns/campagne-2026/results');
    expect(results.body.followUp).toMatchObject({ campaignId: 'campagne-2025', year: 2025 });
    expect(results.body.followUp.actions.map((a: any) => a.id)).toEqual(reviews[0].actions.map((a: any) => a.id));
    expect(results.body.followUp.actions.flatMap((a: any) => a.themes).some((t: any) => t.delta !== null)).toBe(true);
  });

  it('is deterministic', async () => {
    await generateDemoNetwork(h.deps);
    // Response ids are random by design: the answers themselves are the same.
    const content = 'SELECT pole_id, campaign_id, college, data, submitted_on, batch FROM responses ORDER BY pole_id, campaign_id, data';
    const snapshot = h.deps.repos.db.prepare(content).all();
    const other = await createHarness();
    await generateDemoNetwork(other.deps);
    expect(other.deps.repos.db.prepare(content).all()).toEqual(snapshot);
    other.close();
  });
});
