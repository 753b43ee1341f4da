// The pole's PDFs, downloaded as a coordinator does, read back with pdftotext: the full report (sections, figures equal
// to the JSON, the follow-up of last year's plan, the meeting's conclusions) and its summary on two pages at most.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { formatScore } from '../../reports/format.ts';
import type { PoleResults } from '../../reports/types.ts';
import type { ReviewInput } from '../../reports/contract/review.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
let h: Harness;
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ptce-pdf-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A harness per test: the second one moves the clock over two years.
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Downloads a PDF to `name`: its file, and its text in drawing order (a table row by row) on one line, spaces made plain. */
async function download(client: Client, url: string, name: string) {
  const res = await client.request('GET', url);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  return { res, file, text: text.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ') };
}

/** Nine responses in three collèges, answering around `leaning` on every theme (low: weaknesses, hence options). */
async function answer(coordinator: Client, base: string, seed: number, leaning: number) {
  const q = h.deps.questionnaires.get('ptce-2026')!;
  const leanings = new Map(q.model.themes.map((t) => [t.id, leaning]));
  const rng = seededRandom(seed);
  const colleges = ['ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'collectivites', 'collectivites', 'collectivites'];
  const links = await createLinks(coordinator, base, { count: colleges.length });
  for (const [i, college] of colleges.entries()) {
    expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: sampleAnswers(q, rng, { college, leanings, complete: true }) })).status).toBe(201);
  }
}

describe.runIf(hasPoppler || process.env.CI === 'true')('the pole report PDF through the API', () => {
  it('holds every section, the same figures as the results JSON, and numbered pages', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    // Batches of three: {Recherche, Collectivités, Salariés} (all under k: « Autres collèges »), {ESS ×3}, {Salariés ×3}
    // (Salariés stays merged), then one ESS response waiting for the next batch.
    const colleges = ['recherche', 'collectivites', 'salaries', 'ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'ess'];
    const links = await createLinks(coordinator, base, { count: colleges.length });
    for (const [i, college] of colleges.entries()) {
      expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, college, 40 + i) })).status).toBe(201);
    }
    const results = (await coordinator.json('GET', `${base}/results`)).body;
    const res = await coordinator.request('GET', `${base}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="rapport-pole-des-coteaux-2026\.pdf"/);
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));

    const text = pdfText(file);
    for (const heading of ['Sommaire', 'Synthèse', 'Participation par collège', 'Vue d’ensemble', 'Gouvernance', 'Coopération', 'Contexte', 'Accords et désaccords', 'Forces, faiblesses', 'Options stratégiques', 'Évolution', 'Annexe']) {
      expect(text, heading).toContain(heading);
    }
    // The figures printed are the JSON's, rounded to one decimal.
    expect(text).toContain(formatScore(results.overall));
    for (const theme of results.themes) expect(text, theme.id).toContain(formatScore(theme.score));
    // Results rest on the 9 responses of three batches; the 10th waits: the cover says so, and that they are provisional.
    expect(results.snapshot).toMatchObject({ responses: 9, pending: 1, provisional: true });
    const cover = pdfText(file, 1).replace(/\s+/g, ' ');
    expect(cover).toMatch(/PROVISOIRES \(campagne en cours\) : établis sur 9 réponses ; prochaine mise à jour au plus tôt à 12 réponses envoyées/);
    // The promise, as on the respondent's first page.
    expect(cover).toContain('La coordination du pôle sait qui a répondu, jamais ce que chacun a répondu');
    expect(cover).toContain('Une réponse envoyée n’est jamais enregistrée avec le nom ni le lien de son auteur.');
    expect(cover).not.toContain('jamais attribuées');
    expect(pdfText(file, 3)).toContain('résultats provisoires');
    expect(results.groups.map((g: any) => [g.id, g.colleges, g.n])).toEqual([['ess', ['ess'], 3], ['autres', ['collectivites', 'recherche', 'salaries'], 6]]);
    expect(text).toContain('Autres collèges');
    // Every option proposed appears.
    for (const option of results.options.slice(0, 5)) expect(text).toContain(option.title.slice(0, 30));

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(40);
    expect(pdfText(file, 2)).toContain(`Page 2 / ${pages}`);

    // The summary: its own file, two pages at most, the same score, the same provisional status.
    const summary = await download(coordinator, `${base}/summary.pdf`, 'synthese.pdf');
    expect(summary.res.headers.get('content-disposition')).toMatch(/attachment; filename="synthese-pole-des-coteaux-2026\.pdf"/);
    expect(summary.res.headers.get('cache-control')).toBe('no-store');
    expect(pageCount(summary.file)).toBeLessThanOrEqual(2);
    expect(summary.text).toMatch(new RegExp(`Score global du pôle ${formatScore(results.overall)} ?/ 100`));
    expect(summary.text).toContain('Résultats provisoires : la campagne est en cours ; ils reposent sur 9 réponses.');
    expect(summary.text).toContain('10 réponses sur 10 personnes invitées');
    expect(summary.text).toContain('Points faibles et pistes pour y remédier');
    expect(summary.text).toMatch(/Page 1 \/ [12]/);
  });

  it('follows the plan adopted last year, and ends with the meeting’s conclusions once the pole has met', async () => {
    h.clock.now = new Date('2025-01-01T10:00:00Z');
    const admin = await h.admin();
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle du Bocage' })).body;
    const base: Record<number, string> = {};
    for (const year of [2025, 2026]) {
      const campaign = (await admin.json('POST', '/api/campaigns', { year, questionnaireId: 'ptce-2026', opensAt: `${year}-01-15`, closesAt: `${year}-06-30` })).body;
      base[year] = `/api/poles/${pole.id}/campaigns/${campaign.id}`;
    }
    const coordinator = await h.coordinator(pole.id);
    h.clock.now = new Date('2025-03-01T10:00:00Z');
    await coordinator.relogin();
    await answer(coordinator, base[2025], 10, 0.25);

    // The September meeting adopts a remedy of the results and an action of its own.
    h.clock.now = new Date('2025-09-18T18:00:00Z');
    await coordinator.relogin();
    const results2025 = (await coordinator.json('GET', `${base[2025]}/results`)).body as PoleResults;
    const option = results2025.options[0];
    const weak = results2025.themes.find((t) => t.id === results2025.swot.weaknesses[0])!;
    const plan: ReviewInput = {
      meetingDate: '2025-09-18',
      participants: { ess: 5, salaries: 3 },
      themes: [{ themeId: weak.id, note: 'Constat partagé : le sujet revient chaque année.', agreed: true }],
      actions: [
        { id: 'piste', optionId: option.id, title: option.title, owner: 'Bureau de l’association', due: '2026-03', status: 'done', note: '', themeIds: [] },
        { id: 'lettre', optionId: null, title: 'Lettre d’information trimestrielle', owner: 'Équipe d’animation', due: '2025-12', status: 'in_progress', note: '', themeIds: [weak.id] },
      ],
    };
    expect((await coordinator.json('PUT', `${base[2025]}/review`, plan)).status).toBe(200);
    const minutes = await download(coordinator, `${base[2025]}/report.pdf`, 'rapport-2025.pdf');
    expect(minutes.text).toContain('Conclusions de la réunion et plan d’action Réunion du 18 septembre 2025 : 8 participants');
    expect(minutes.text).toContain('Constat partagé : le sujet revient chaque année.');
    expect(minutes.text).toContain('Lettre d’information trimestrielle (action propre au pôle)');
    // The conclusions close the body: only the annex follows them.
    expect(minutes.text.indexOf('Conclusions de la réunion et plan d’action Réunion')).toBeLessThan(minutes.text.indexOf('Annexe : méthode Échelles'));
    expect(minutes.text.indexOf('Conclusions de la réunion et plan d’action Réunion')).toBeGreaterThan(minutes.text.indexOf('Paroles de répondants Réponses libres'));

    // The next campaign's report and summary say what became of it.
    h.clock.now = new Date('2026-03-01T10:00:00Z');
    await coordinator.relogin();
    await answer(coordinator, base[2026], 50, 0.4);
    const next = await download(coordinator, `${base[2026]}/report.pdf`, 'rapport-2026.pdf');
    expect(next.text).toContain('Suivi du plan d’action 2025 Lors de sa réunion du 18 septembre 2025, le pôle a adopté 2 actions : 1 réalisée, 1 en cours.');
    expect(next.text).toContain('Lettre d’information trimestrielle');
    expect(next.text).not.toContain('Conclusions de la réunion');
    const summary = await download(coordinator, `${base[2026]}/summary.pdf`, 'synthese-2026.pdf');
    expect(pageCount(summary.file)).toBeLessThanOrEqual(2);
    expect(summary.text).toContain('Suivi du plan d’action 2025 Après la campagne 2025, le pôle a adopté 2 actions : 1 réalisée, 1 en cours.');
  }, 60_000);
});
