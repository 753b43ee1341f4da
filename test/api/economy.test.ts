// The pole's economy (issue 12), through the API as the coordinator and the Labo use it: the 2027 profile form's
// economic figures and tools (bounded values), last campaign's values offered in a new campaign's form, the key
// figures and their change in the results and the pole PDF, the options the profile makes pointless left out, and the
// network's distributions with its territory-type and stage filters (results, comparison, PDF, export).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { parseCsv } from '../helpers/csv.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import type { PoleResults } from '../../reports/types.ts';
import type { NetworkResultsView } from '../../reports/contract/network.ts';

const VERSION = 'essai-eco-2027';
const definitions = new URL('../../surveys/definitions/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, definitions), 'utf8'));
const hasPoppler = existsSync('/usr/bin/pdftotext');

let h: Harness;
let admin: Client;
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ptce-eco-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  h = await createHarness();
  admin = await h.admin();
});
afterEach(() => h.close());

/**
 * A 2025 campaign on ptce-2026 (its profile form has self-financing, pooled jobs and joint projects, without roles)
 * and a 2026 campaign on a version with the 2027 profile form: the campaign whose figures are compared to last year's.
 */
async function campaigns() {
  const imported = await admin.json('POST', '/api/questionnaires', { id: VERSION, definition: read('ptce-2026.json'), profile: read('ptce-2027.profile.json') });
  expect(imported.status).toBe(201);
  const before = await admin.json('POST', '/api/campaigns', { year: 2025, questionnaireId: 'ptce-2026', opensAt: '2025-02-01', closesAt: '2025-06-30' });
  const now = await admin.json('POST', '/api/campaigns', { year: 2026, questionnaireId: VERSION, opensAt: '2026-02-01', closesAt: '2026-06-30' });
  return { before: before.body.id as string, now: now.body.id as string };
}

async function pole(name: string, region = 'Bretagne') {
  const created = await admin.json('POST', '/api/poles', { name, region });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, coordinator: await h.coordinator(created.body.id) };
}

/** Last year's profile, on the 2026 form. */
const PROFILE_2025 = {
  formeJuridique: 'association', charte: 'adoptee', charteDesOrigines: true, lieuVitrine: true, soutienCollectivites: ['financier'],
  membresParCollege: { ess: 6, collectivites: 2 }, anneeCreation: 2012, region: 'bretagne', departement: 'Finistère',
  autofinancement: 30, emploisMutualises: 2.5, projetsCommuns: 3,
};

/** This year's, on the 2027 form: new figures, territory, stage, tools. */
const profile2026 = (more: Record<string, unknown> = {}) => ({
  ...PROFILE_2025,
  autofinancement: 45, emploisMutualises: 3, projetsCommuns: 5, membresParCollege: { ess: 7, collectivites: 2, recherche: 1 },
  budgetAnnuel: 480000, financementsPublics: { etat: 40000, region: 120000, union_europeenne: 25000 },
  emploisCrees: 4.5, emploisMaintenus: 12, equipeAnimation: 1.5,
  typeTerritoire: 'rural', stade: 'developpement', filieres: ['alimentation', 'economie_circulaire'], laureatAppelEtat: '2015',
  groupementEmployeurs: false, adherentCress: false, collectiviteRtes: false, accompagnementDla: 'jamais', lienCae: false,
  ...more,
});

const profilePath = (poleId: string, campaignId: string) => `/api/poles/${poleId}/campaigns/${campaignId}/profile`;

async function pdf(client: Client, url: string, name: string) {
  const res = await client.request('GET', url);
  expect(res.status, url).toBe(200);
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ');
}

describe('the profile form of a new campaign', () => {
  it('offers last campaign’s values, for the questions of the same name it accepts, until the profile is saved', async () => {
    const { before, now } = await campaigns();
    const { id, coordinator } = await pole('Pôle des Coteaux');
    expect((await coordinator.json('PUT', profilePath(id, before), { data: PROFILE_2025 })).status).toBe(200);
    // Without an earlier profile there is nothing to offer.
    expect((await coordinator.json('GET', profilePath(id, before))).body.prefill).toBeNull();

    // A question of an older form that this one no longer has, and a value it no longer accepts, stay behind.
    const userId = h.deps.repos.users.findByEmail(`coord-${id}@pole.test`)!.id;
    h.deps.repos.profiles.save(id, before, { ...PROFILE_2025, ancienneQuestion: 'oui', soutienCollectivites: ['financier', 'disparu'] }, '2025-03-01T10:00:00.000Z', userId);
    const opened = await coordinator.json('GET', profilePath(id, now));
    expect(opened.status).toBe(200);
    expect(opened.body.data).toBeNull();
    expect(opened.body.prefill.campaign).toEqual({ id: before, year: 2025 });
    const { soutienCollectivites, ...kept } = PROFILE_2025;
    expect(soutienCollectivites).toBeDefined();
    expect(opened.body.prefill.data).toEqual(kept);
    // What is offered is valid in this campaign's form as it stands (only the new required questions are missing).
    const saved = await coordinator.json('PUT', profilePath(id, now), { data: opened.body.prefill.data });
    expect(saved.status).toBe(422);
    expect(saved.body.error.details.map((d: { question: string }) => d.question).sort()).toEqual(['stade', 'typeTerritoire']);

    expect((await coordinator.json('PUT', profilePath(id, now), { data: profile2026() })).status).toBe(200);
    const after = (await coordinator.json('GET', profilePath(id, now))).body;
    expect(after.prefill).toBeNull();
    expect(after.data.budgetAnnuel).toBe(480000);
  });

  it('refuses out-of-range figures and unknown answers with a 422 naming each question, and stores nothing', async () => {
    const { now } = await campaigns();
    const { id, coordinator } = await pole('Pôle des Coteaux');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ autofinancement: 120 }, 'autofinancement', /au plus 100/],
      [{ autofinancement: -1 }, 'autofinancement', /au moins 0/],
      [{ budgetAnnuel: -5000 }, 'budgetAnnuel', /au moins 0/],
      [{ financementsPublics: { etat: -1 } }, 'financementsPublics', /au moins 0/],
      [{ financementsPublics: { mairie: 10 } }, 'financementsPublics', /Champ inconnu/],
      [{ emploisCrees: 'beaucoup' }, 'emploisCrees', /nombre/],
      [{ equipeAnimation: -0.5 }, 'equipeAnimation', /au moins 0/],
      [{ typeTerritoire: 'lunaire' }, 'typeTerritoire', /choix proposés/],
      [{ stade: 'maturite' }, 'stade', /choix proposés/],
      [{ filieres: ['alimentation', 'spatial'] }, 'filieres', /choix proposés/],
      [{ accompagnementDla: 'souvent' }, 'accompagnementDla', /choix proposés/],
      [{ groupementEmployeurs: 'oui' }, 'groupementEmployeurs', /Oui ou non/],
    ];
    for (const [bad, question, message] of cases) {
      const res = await coordinator.json('PUT', profilePath(id, now), { data: profile2026(bad) });
      expect(res.status, question).toBe(422);
      expect(res.body.error.details, question).toContainEqual({ question, message: expect.stringMatching(message) });
    }
    expect(h.deps.repos.profiles.get(id, now)).toBeUndefined();
  });
});

describe('the key figures of a pole', () => {
  it('reach the results and the pole PDF with last year’s values and the change, before any response', async () => {
    const { before, now } = await campaigns();
    const { id, coordinator } = await pole('Pôle des Coteaux');
    const results = () => coordinator.json<PoleResults>('GET', `/api/poles/${id}/campaigns/${now}/results`);
    // No profile for the campaign yet: no key figures.
    expect((await results()).body.keyFigures).toBeNull();

    expect((await coordinator.json('PUT', profilePath(id, before), { data: PROFILE_2025 })).status).toBe(200);
    expect((await coordinator.json('PUT', profilePath(id, now), { data: profile2026() })).status).toBe(200);
    const { keyFigures } = (await results()).body;
    expect(keyFigures!.previousCampaign).toEqual({ id: before, year: 2025 });
    const figure = (fid: string) => keyFigures!.figures.find((f) => f.id === fid);
    expect(figure('selfFinancing')).toEqual({ id: 'selfFinancing', label: 'Part d’autofinancement', unit: 'percent', partOf: null, value: 45, previous: 30, change: 15 });
    // Read from last year's form by question name (it had no role yet): self-financing above, pooled jobs, joint projects.
    expect(figure('pooledJobs')).toMatchObject({ unit: 'fte', value: 3, previous: 2.5, change: 0.5 });
    expect(figure('jointProjects')).toMatchObject({ unit: 'count', value: 5, previous: 3, change: 2 });
    // A figure last year's form did not ask has no change.
    expect(figure('annualBudget')).toMatchObject({ unit: 'euro', value: 480000, previous: null, change: null });
    // Public funding: the total of the levels given, then each level of the form.
    expect(figure('publicFunding')).toMatchObject({ value: 185000, partOf: null });
    expect(figure('publicFunding.region')).toMatchObject({ label: 'Région', value: 120000, partOf: 'publicFunding' });
    expect(figure('publicFunding.departement')).toMatchObject({ value: null });
    expect(figure('membersPerCollege')).toMatchObject({ label: 'Structures membres', value: 10, previous: 8, change: 2 });
    expect(keyFigures!.figures.map((f) => f.id).slice(0, 3)).toEqual(['annualBudget', 'selfFinancing', 'publicFunding']);
    const fact = (fid: string) => keyFigures!.facts.find((f) => f.id === fid);
    expect(fact('territoryType')).toEqual({ id: 'territoryType', label: 'Type de territoire', value: 'Rural', previous: null, changed: false });
    expect(fact('sectors')!.value).toBe('Alimentation, agriculture et circuits courts, Réemploi, recyclage et économie circulaire');
    expect(fact('employersGroup')!.value).toBe('Non');

    if (!hasPoppler && process.env.CI !== 'true') return;
    const text = await pdf(coordinator, `/api/poles/${id}/campaigns/${now}/report.pdf`, 'chiffres-cles.pdf');
    expect(text).toContain('Chiffres clés');
    expect(text).toMatch(/Part d’autofinancement 45 % 30 % \+15 points/);
    expect(text).toMatch(/Emplois mutualisés 3 ETP 2,5 ETP \+0,5 ETP/);
    expect(text).toMatch(/Budget annuel 480 000 € – –/);
    expect(text).toMatch(/dont Région 120 000 €/);
    expect(text).toContain('Évolution depuis 2025');
    // Last year’s form asked none of these facts: no column for it.
    expect(text).toMatch(/Repère 2026 Type de territoire Rural Stade de développement Développement/);
  });
});

/** Three responses answering low on every theme but two context themes: weaknesses everywhere, two opportunities. */
async function lowResults(coordinator: Client, base: string, seed: number) {
  const q = h.deps.questionnaires.get(VERSION)!;
  const opportunities = ['ctx-nouveaux-acteurs', 'ctx-soutien-collectivites'];
  const leanings = new Map(q.model.themes.map((t) => [t.id, opportunities.includes(t.id) ? 0.95 : 0.05]));
  const rng = seededRandom(seed);
  const links = await createLinks(coordinator, base, { count: 3 });
  for (const [i, college] of ['ess', 'ess', 'ess'].entries()) {
    expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: sampleAnswers(q, rng, { college, leanings, complete: true }) })).status).toBe(201);
  }
}

describe('the strategic options of a pole', () => {
  it('leave out what the profile shows in place, and still answer every weakness', async () => {
    const { now } = await campaigns();
    const optionsOf = async (name: string, tools: Record<string, unknown>) => {
      const { id, coordinator } = await pole(name);
      const base = `/api/poles/${id}/campaigns/${now}`;
      expect((await coordinator.json('PUT', `${base}/profile`, { data: profile2026(tools) })).status).toBe(200);
      await lowResults(coordinator, base, 11);
      const results = (await coordinator.json<PoleResults>('GET', `${base}/results`)).body;
      expect(results.available).toBe(true);
      for (const weak of results.swot.weaknesses) expect(results.options.some((o) => o.themes[0] === weak), weak).toBe(true);
      return results.options.map((o) => o.id);
    };
    const pointless = ['wo-groupement-employeurs', 'remede-adherer-cress', 'remede-rtes-collectivites', 'remede-cae-activites', 'remede-dla-structuration'];
    // Same answers: only the profiles differ.
    const without = await optionsOf('Pôle sans outils', {});
    for (const id of pointless) expect(without, id).toContain(id);
    const equipped = await optionsOf('Pôle outillé', { groupementEmployeurs: true, adherentCress: true, collectiviteRtes: true, lienCae: true, accompagnementDla: 'recent' });
    for (const id of pointless) expect(equipped, id).not.toContain(id);
    expect(equipped).toEqual(expect.arrayContaining(['remede-portes-ouvertes-territoire', 'remede-comite-suivi-collectivites', 'remede-achats-filieres']));
    // A support ended long ago is no reason to leave the DLA out; a SCIC is not told to become one.
    const later = await optionsOf('Pôle accompagné il y a longtemps', { accompagnementDla: 'ancien', formeJuridique: 'scic' });
    expect(later).toContain('remede-dla-structuration');
    expect(later).not.toContain('wo-scic-college-collectivites');
    expect(without).toContain('wo-scic-college-collectivites');
  });
});

describe('the network view of the key figures', () => {
  /** Four poles of the 2026 campaign, three with results; their budgets, territories and stages differ. */
  async function network() {
    const { now } = await campaigns();
    const poles = [
      { name: 'Pôle A', tools: { budgetAnnuel: 100000, autofinancement: 20, typeTerritoire: 'rural', stade: 'emergence', filieres: ['alimentation'] }, answers: true },
      { name: 'Pôle B', tools: { budgetAnnuel: 300000, autofinancement: 40, typeTerritoire: 'rural', stade: 'developpement', filieres: ['alimentation', 'energie'] }, answers: true },
      { name: 'Pôle C', tools: { budgetAnnuel: 500000, autofinancement: 60, typeTerritoire: 'urbain', stade: 'developpement', filieres: ['numerique'] }, answers: true },
      { name: 'Pôle D', tools: { budgetAnnuel: 900000, autofinancement: 80, typeTerritoire: 'urbain', stade: 'consolidation', filieres: [] }, answers: false },
    ];
    const ids = new Map<string, string>();
    for (const [i, p] of poles.entries()) {
      const { id, coordinator } = await pole(p.name, i % 2 ? 'Occitanie' : 'Bretagne');
      ids.set(p.name, id);
      const base = `/api/poles/${id}/campaigns/${now}`;
      expect((await coordinator.json('PUT', `${base}/profile`, { data: profile2026(p.tools) })).status).toBe(200);
      if (p.answers) await lowResults(coordinator, base, 20 + i);
    }
    return { now, ids };
  }

  it('gives the figures’ distributions and the poles per answer, and filters by territory type and stage everywhere', async () => {
    const { now, ids } = await network();
    const results = (query = '') => admin.json<NetworkResultsView>('GET', `/api/campaigns/${now}/results${query}`);
    const all = (await results()).body;
    expect(all.keyFigures.poles).toBe(4);
    const budget = all.keyFigures.figures.find((f) => f.id === 'annualBudget')!;
    // QUARTILE.INC of 100 000, 300 000, 500 000, 900 000.
    expect(budget.distribution).toEqual({ n: 4, min: 100000, q1: 250000, median: 400000, q3: 600000, max: 900000 });
    expect(all.keyFigures.figures.find((f) => f.id === 'selfFinancing')!.distribution.median).toBe(50);
    const territory = all.keyFigures.facts.find((f) => f.id === 'territoryType')!;
    expect(territory.counts).toEqual([
      { value: 'urbain', label: 'Urbain', count: 2 }, { value: 'periurbain', label: 'Périurbain', count: 0 },
      { value: 'rural', label: 'Rural', count: 2 }, { value: 'mixte', label: 'Mixte (plusieurs types de territoire)', count: 0 },
    ]);
    expect(all.keyFigures.facts.find((f) => f.id === 'sectors')!.counts.find((c) => c.value === 'alimentation')!.count).toBe(2);
    expect(all.filterChoices.territoryTypes).toEqual([{ value: 'urbain', label: 'Urbain', count: 2 }, { value: 'rural', label: 'Rural', count: 2 }]);
    expect(all.filterChoices.stages.map((s) => [s.value, s.count])).toEqual([['emergence', 1], ['developpement', 2], ['consolidation', 1]]);

    // Filtered: the poles, the distributions and the comparison follow.
    const rural = (await results('?territoryType=rural')).body;
    expect(rural.filters).toEqual({ territoryType: 'rural' });
    expect(rural.poles.map((p) => p.id).sort()).toEqual([ids.get('Pôle A'), ids.get('Pôle B')].sort());
    expect(rural.keyFigures.figures.find((f) => f.id === 'annualBudget')!.distribution).toMatchObject({ n: 2, min: 100000, max: 300000 });
    const developing = (await results('?stage=developpement')).body;
    expect(developing.poles.map((p) => p.id).sort()).toEqual([ids.get('Pôle B'), ids.get('Pôle C')].sort());
    expect((await results('?territoryType=rural&stage=developpement')).body.poles.map((p) => p.id)).toEqual([ids.get('Pôle B')]);
    expect((await results('?stage=consolidation')).body.polesWithResults).toBe(0);
    const compared = await admin.json('GET', `/api/campaigns/${now}/compare?by=region&territoryType=urbain`);
    expect(compared.status).toBe(200);
    expect(compared.body.filters).toEqual({ territoryType: 'urbain' });
    expect(compared.body.polesWithResults).toBe(1);
    expect((await results(`?territoryType=${'x'.repeat(61)}`)).status).toBe(422);

    // The export keeps the same poles and says the filters.
    const csv = await admin.request('GET', `/api/campaigns/${now}/export.csv?format=long&territoryType=rural&stage=developpement`);
    expect(csv.status).toBe(200);
    expect(decodeURIComponent(csv.headers.get('x-export-filters')!)).toBe('Filtres : Type de territoire : Rural ; Stade de développement : Développement');
    const [header, ...rows] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''), ';').filter((r) => r.length > 1);
    expect(new Set(rows.map((r) => r[header.indexOf('pole_id')]))).toEqual(new Set([ids.get('Pôle B')]));

    if (!hasPoppler && process.env.CI !== 'true') return;
    const text = await pdf(admin, `/api/campaigns/${now}/report.pdf?stage=developpement`, 'reseau.pdf');
    expect(text).toContain('Stade de développement : Développement');
    expect(text).toContain('Chiffres clés des pôles');
    // Pôles B and C: budgets 300 000 and 500 000 (median 400 000); rural 1, urban 1.
    expect(text).toMatch(/Budget annuel 2 300 000 € 350 000 € 400 000 € 450 000 € 500 000 €/);
    expect(text).toMatch(/Type de territoire Urbain : 1 ; Rural : 1 2/);
    expect(text).not.toContain('Pôle A');
  });
});
