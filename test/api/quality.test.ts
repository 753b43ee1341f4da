// How sure the figures are and how well the questionnaire works, through the API as a coordinator and the Labo read
// them: intervals, « à confirmer » and « nsp » rates in a pole's results and PDFs; α and the rows over 30 % « nsp »
// in the network results and the network PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import type { ServedPoleResults } from '../../reports/types.ts';
import type { NetworkResultsView } from '../../reports/contract/network.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
let h: Harness;
let dir: string;
let coordinator: Client;
let admin: Client;
let base: string;
let campaignId: string;

// Twelve responses, ESS and Salariés by threes (four batches), every theme answered around the middle, except:
// - « Débat et concertation » (three rows, one phrased as a problem): ESS all at 100; Salariés 100, 0, 25, 100, 25,
//   100 (mean 58.33, s² = 2166.7). Score (100 + 58.33)/2 = 79.2, a strength; SE = √(2166.7/6)/2 = 9.50, df 5,
//   t = 2.015: the interval goes down to about 60, under 65: « à confirmer ».
// - « Je fais confiance aux personnes qui prennent les décisions » (gouv_partagee.confiance_personnelle): « nsp »
//   for four ESS and two Salariés: 6 of the 12 shown it, 50 %.
const COLLEGES = ['ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries'];
const DEBAT: Record<string, number[]> = { ess: [5, 5, 5, 5, 5, 5], salaries: [5, 1, 2, 5, 2, 5] };
const NSP: Record<string, number> = { ess: 4, salaries: 2 };

beforeAll(async () => {
  h = await createHarness();
  const set = await poleWithCampaign(h);
  ({ coordinator, admin, base } = set);
  campaignId = set.campaign.id;
  const q = h.deps.questionnaires.get('ptce-2026')!;
  const leanings = new Map(q.model.themes.map((t) => [t.id, 0.5]));
  const rng = seededRandom(12);
  const links = await createLinks(coordinator, base, { count: COLLEGES.length });
  const seen: Record<string, number> = { ess: 0, salaries: 0 };
  for (const [i, college] of COLLEGES.entries()) {
    const data = sampleAnswers(q, rng, { college, leanings, complete: true });
    const nth = seen[college]++;
    const v = DEBAT[college][nth];
    data.gouv_debat = { ...(data.gouv_debat as object), espaces_debat: v, avis_pris_en_compte: v, decisions_sans_debat: 6 - v };
    if (nth < NSP[college]) data.gouv_partagee = { ...(data.gouv_partagee as object), confiance_personnelle: 'nsp' };
    const res = await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  dir = mkdtempSync(join(tmpdir(), 'ptce-quality-'));
});
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pdfText(client: Client, url: string, name: string): Promise<string> {
  const res = await client.request('GET', url);
  expect(res.status, url).toBe(200);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/[\s\u00A0\u202F]+/g, ' ');
}

describe('a pole’s results', () => {
  it('give every theme and item an interval holding its score, every item its « nsp » rate, and list the unsure classifications', async () => {
    const res = await coordinator.json('GET', `${base}/results`);
    expect(res.status).toBe(200);
    const r = res.body as ServedPoleResults;
    expect(r.snapshot.responses).toBe(12);
    for (const f of [...r.themes, ...r.items]) {
      // A row nobody here was shown (the collectivités' own questions) has neither score nor interval.
      if (f.score === null) {
        expect(f.interval).toBeNull();
        continue;
      }
      expect(f.interval, 'interval').not.toBeNull();
      expect(f.interval!.level).toBe(0.9);
      expect(f.interval!.low).toBeLessThanOrEqual(f.score!);
      expect(f.interval!.high).toBeGreaterThanOrEqual(f.score!);
    }
    const debat = r.themes.find((t) => t.id === 'gouv-debat-concertation')!;
    expect(debat.score).toBeCloseTo(79.1667, 3);
    expect(debat.swot).toBe('strength');
    // t(0.95; 5) = 2.015048 × 9.5015 = 19.146 → 60.02.
    expect(debat.interval!.low).toBeCloseTo(79.1667 - 19.146, 2);
    expect(r.swot.uncertain).toContain('gouv-debat-concertation');
    // The rule, on every theme served.
    for (const t of r.themes) {
      const high = t.swot === 'strength' || t.swot === 'opportunity';
      const low = t.swot === 'weakness' || t.swot === 'threat';
      if (!t.interval) continue;
      expect(r.swot.uncertain.includes(t.id), t.id).toBe((high && t.interval.low < r.thresholds.high) || (low && t.interval.high > r.thresholds.low));
    }
    const trust = r.items.find((i) => i.name === 'gouv_partagee.confiance_personnelle')!;
    expect(trust.nspRate).toBe(0.5);
    expect(r.items.find((i) => i.name === 'gouv_debat.espaces_debat')!.nspRate).toBe(0);
    // A row hidden to everyone here (for the collectivités' collège only): nobody was shown it, no rate.
    expect(r.items.find((i) => i.name.startsWith('gouv_vue_collectivites.'))!.nspRate).toBeNull();
  });

  it.runIf(hasPoppler || process.env.CI === 'true')('say « à confirmer » in the summary and the full report, with the intervals in the theme tables and the method annex', async () => {
    const summary = await pdfText(coordinator, `${base}/summary.pdf`, 'synthese.pdf');
    expect(summary).toContain('Débat et concertation : 79,2 sur 100 (à confirmer)');
    expect(summary).toContain('« à confirmer » : avec ce nombre de réponses, le score pourrait se situer de l’autre côté du seuil');
    const report = await pdfText(coordinator, `${base}/report.pdf`, 'rapport.pdf');
    expect(report).toContain('Débat et concertation 79,2 (60 – 99) 12 Force, à confirmer');
    expect(report).toContain('Débat et concertation (79,2) – à confirmer');
    expect(report).toContain('Fourchettes et « à confirmer »');
    expect(report).toContain('Welch–Satterthwaite');
  });
});

describe('the network’s « Qualité du questionnaire »', () => {
  it('gives each theme its α and the rows over 30 % « nsp »', async () => {
    const res = await admin.json('GET', `/api/campaigns/${campaignId}/results`);
    expect(res.status).toBe(200);
    const r = res.body as NetworkResultsView;
    const theme = (id: string) => r.themes.find((t) => t.id === id)!;
    // Twelve complete respondents on a theme nobody skipped: α is computed.
    expect(theme('coop-animation')).toMatchObject({ alphaRespondents: 12, nspItems: [] });
    expect(theme('coop-animation').alpha).toEqual(expect.any(Number));
    // Six said « nsp » on one row of « Gouvernance partagée et confiance »: six complete, but only the last Salariés
    // batch holds k of them (the ESS batches hold none and two, the first Salariés one): three count, too few for α.
    // The row is listed.
    expect(theme('gouv-partagee-confiance')).toMatchObject({
      alpha: null,
      alphaRespondents: 3,
      nspItems: [{ name: 'gouv_partagee.confiance_personnelle', label: expect.stringMatching(/^Je fais confiance/), nspRate: 0.5 }],
    });
    for (const t of r.themes) if (t.id !== 'gouv-partagee-confiance') expect(t.nspItems, t.id).toEqual([]);
  });

  it.runIf(hasPoppler || process.env.CI === 'true')('is a page of the network PDF that says which rows to rework and why', async () => {
    const text = await pdfText(admin, `/api/campaigns/${campaignId}/report.pdf`, 'reseau.pdf');
    expect(text).toContain('Qualité du questionnaire');
    expect(text).toContain('À retravailler l’an prochain');
    expect(text).toMatch(/« Je fais confiance[^»]*» : 50 % de « je ne sais pas \/ non concerné » parmi les personnes à qui elle a été présentée ; la reformuler/);
    expect(text).toContain('Cohérence des thèmes');
    expect(text).toContain('trop peu de réponses complètes');
  });
});
