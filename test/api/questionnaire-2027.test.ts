// A pole that answered ptce-2026 in 2025 and ptce-2027 in 2026, through HTTP: the 2027 version is served and
// offered as the newest, its answers are validated and scored, and the pole's evolution compares each theme on the
// items both versions share, through the version's renamed mapping (surveys/definitions/ptce-2027.renamed.json).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { computePoleResults } from '../../reports/analysis/index.ts';

type Json = Record<string, any>;

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  h.clock.now = new Date('2025-03-01T10:00:00Z');
});
afterEach(() => h.close());

async function submitAll(coordinator: Client, base: string, questionnaireId: string, colleges: string[], seed: number) {
  const q = h.deps.questionnaires.get(questionnaireId)!;
  const links = await createLinks(coordinator, base, { count: colleges.length });
  const respondent = h.client();
  for (const [i, college] of colleges.entries()) {
    const data = sampleAnswers(q, seededRandom(seed + i), { college, complete: true });
    const res = await respondent.json('POST', `/api/responses/${links[i].token}/submit`, { data });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
}

describe('ptce-2027 through the API', () => {
  it('is listed after ptce-2026, as the version a new campaign takes by default', async () => {
    const admin = await h.admin();
    const list = (await admin.json('GET', '/api/questionnaires')).body.questionnaires;
    expect(list.map((q: Json) => q.id)).toEqual(['ptce-2026', 'ptce-2027']);
    expect(list.at(-1).title).toBe('Auto-évaluation PTCE 2027');
    const served = await admin.json('GET', '/api/questionnaires/ptce-2027');
    expect(served.status).toBe(200);
    expect(served.body.pages.map((p: Json) => p.name)).toContain('contexte');
  });

  it('gives a pole that moved from ptce-2026 (2025) to ptce-2027 (2026) an evolution on the items both versions share', async () => {
    const admin = await h.admin();
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle des Coteaux', region: 'Occitanie' })).body;
    const campaign2025 = (await admin.json('POST', '/api/campaigns', { year: 2025, questionnaireId: 'ptce-2026', opensAt: '2025-02-01', closesAt: '2025-06-30' })).body;
    const coordinator2025 = await h.coordinator(pole.id);
    const colleges = ['ess', 'ess', 'collectivites', 'salaries'];
    await submitAll(coordinator2025, `/api/poles/${pole.id}/campaigns/${campaign2025.id}`, 'ptce-2026', colleges, 100);

    h.clock.now = new Date('2026-03-01T10:00:00Z');
    const admin2026 = await h.admin();
    const created = await admin2026.json('POST', '/api/campaigns', { year: 2026, questionnaireId: 'ptce-2027', opensAt: '2026-02-01', closesAt: '2026-06-30' });
    expect(created.status).toBe(201);
    const campaign2026 = created.body;
    const coordinator = await h.coordinator(pole.id);
    const base = `/api/poles/${pole.id}/campaigns/${campaign2026.id}`;
    await submitAll(coordinator, base, 'ptce-2027', colleges, 200);

    const res = await coordinator.json('GET', `${base}/results`);
    expect(res.status).toBe(200);
    const evolution = res.body.evolution;
    expect(evolution.previousCampaign).toEqual({ id: campaign2025.id, year: 2025 });
    const q2027 = h.deps.questionnaires.get('ptce-2027')!;
    expect(evolution.themes.map((t: Json) => t.id)).toEqual(q2027.model.themes.map((t) => t.id));
    const byId = new Map<string, Json>(evolution.themes.map((t: Json) => [t.id, t]));
    // Every theme keeps rows of 2026 (same key, or through the mapping), so every theme has a figure both years.
    for (const t of evolution.themes) {
      expect(t.sharedItems, t.id).toBeGreaterThan(0);
      expect(typeof t.previous, t.id).toBe('number');
      expect(typeof t.current, t.id).toBe('number');
      expect(t.delta, t.id).toBeCloseTo(t.current - t.previous, 10);
    }
    // Themes 2027 left as they were share most of their rows; a merged theme shares the rows of both of its parents.
    expect(byId.get('gouv-implication-citoyens-salaries')!.sharedItems).toBe(3);
    expect(byId.get('ctx-nouveaux-acteurs')!.sharedItems).toBe(2);
    expect(byId.get('coop-temps-engagement')!.sharedItems).toBe(3); // charge_structures came from ctx-temps-disponible
    expect(byId.get('gouv-autonomie-financiere')!.sharedItems).toBe(1); // ressources_diversifiees, from ctx-dependance-financements
    expect(byId.get('gouv-debat-decision')!.sharedItems).toBe(4); // gouv_debat's rows, 2026 consensus rows among them

    // The same analysis without the mapping loses the moved rows, and only in the themes that hold them.
    const input = {
      pole: { id: pole.id, name: pole.name },
      campaign: { id: campaign2026.id, year: 2026, questionnaireId: 'ptce-2027' },
      model: q2027.model,
      colleges: q2027.colleges,
      responses: h.deps.repos.responses.snapshot(pole.id, campaign2026.id),
      participation: h.deps.repos.tickets.participation(pole.id, campaign2026.id),
      profile: null,
    };
    const previous = { campaign: evolution.previousCampaign, model: h.deps.questionnaires.get('ptce-2026')!.model, responses: h.deps.repos.responses.snapshot(pole.id, campaign2025.id) };
    const withMapping = computePoleResults({ ...input, previous: { ...previous, renamed: q2027.renamed } }).evolution!;
    const without = computePoleResults({ ...input, previous }).evolution!;
    expect(evolution).toEqual(JSON.parse(JSON.stringify(withMapping)));
    const mappedThemes = new Set(Object.keys(q2027.renamed).map((key) => q2027.model.items[q2027.model.itemIndex.get(key)!].theme));
    expect(mappedThemes.size).toBeGreaterThanOrEqual(6);
    for (const t of withMapping.themes) {
      const lost = t.sharedItems - without.themes.find((w) => w.id === t.id)!.sharedItems;
      expect(lost > 0, t.id).toBe(mappedThemes.has(t.id));
    }
    expect(without.themes.find((t) => t.id === 'gouv-autonomie-financiere')!.sharedItems).toBe(0);
  });
});
