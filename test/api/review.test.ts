// The collective review through HTTP, over a whole cycle: a 2025 campaign, its review and plan adopted, statuses
// updated during the year, then the 2026 campaign whose results, action plan PDF and network view follow the plan.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { formatDelta, formatScore } from '../../reports/format.ts';
import type { PoleResults } from '../../reports/types.ts';
import type { ReviewInput, ReviewView } from '../../reports/contract/review.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
let h: Harness;
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ptce-review-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

/** A PDF of the API: its text (runs of spaces made one) and its number of pages. */
async function pdfOf(client: Client, url: string): Promise<{ text: string; pages: number }> {
  const res = await client.request('GET', url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = join(dir, 'plan.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '), pages };
}

/** A pole, its coordinator and campaigns of the given years, each open from January to the end of June. */
async function poleWithCampaigns(years: number[]) {
  h.clock.now = new Date(`${years[0]}-01-01T10:00:00Z`);
  const admin = await h.admin();
  const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle des Coteaux' })).body;
  const campaigns: Record<number, { id: string; base: string }> = {};
  for (const year of years) {
    const created = await admin.json('POST', '/api/campaigns', { year, questionnaireId: 'ptce-2026', opensAt: `${year}-01-15`, closesAt: `${year}-06-30` });
    campaigns[year] = { id: created.body.id, base: `/api/poles/${pole.id}/campaigns/${created.body.id}` };
  }
  return { admin, pole, campaigns, coordinator: await h.coordinator(pole.id) };
}

/** Moves the clock to `when` and signs the clients in again (their sessions lapsed meanwhile). */
async function at(when: string, ...clients: Client[]) {
  h.clock.now = new Date(when);
  for (const c of clients) await c.relogin();
}

/**
 * Submitted responses for the campaign: three ESS enterprises, three employees, three local authorities, answering
 * around `leaning` (0..1) on every theme: low, the pole has weaknesses, hence options to adopt.
 */
async function answer(coordinator: Client, base: string, seed: number, leaning = 0.25) {
  const q = h.deps.questionnaires.get('ptce-2026')!;
  const leanings = new Map(q.model.themes.map((t) => [t.id, leaning]));
  const rng = seededRandom(seed);
  const colleges = ['ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'collectivites', 'collectivites', 'collectivites'];
  const links = await createLinks(coordinator, base, { count: colleges.length });
  for (const [i, college] of colleges.entries()) {
    const data = sampleAnswers(q, rng, { college, leanings, complete: true });
    expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data })).status).toBe(201);
  }
}

describe('the collective review through the API', () => {
  it('runs a whole cycle: review and plan adopted, statuses updated, then followed by the next campaign’s results, PDF and network view', async () => {
    const { admin, coordinator, pole, campaigns } = await poleWithCampaigns([2025, 2026]);
    await at('2025-03-01T10:00:00Z', admin, coordinator);
    await answer(coordinator, campaigns[2025].base, 10);

    // September: the meeting. Before it, an empty review and what it may name.
    await at('2025-09-18T18:00:00Z', admin, coordinator);
    const results2025 = (await coordinator.json('GET', `${campaigns[2025].base}/results`)).body as PoleResults;
    const empty = await coordinator.json('GET', `${campaigns[2025].base}/review`);
    expect(empty.status).toBe(200);
    const view = empty.body as ReviewView;
    expect(view).toMatchObject({ meetingDate: null, participants: {}, themes: [], actions: [], updatedAt: null });
    expect(results2025.options.length).toBeGreaterThan(0);
    const option = results2025.options[0];
    const catalogued = view.choices.options.find((o) => o.id === option.id)!;
    const discussed = results2025.themes.find((t) => t.id === results2025.swot.weaknesses[0]) ?? results2025.themes[0];
    const plan: ReviewInput = {
      meetingDate: '2025-09-18',
      participants: { ess: 5, salaries: 3, collectivites: 2 },
      themes: [{ themeId: discussed.id, note: 'Constat partagé : le sujet revient chaque année.', agreed: true }],
      actions: [
        { id: 'charte', optionId: option.id, title: option.title, owner: 'Bureau de l’association', due: '2026-03', status: 'planned', note: '', themeIds: [] },
        { id: 'lettre', optionId: null, title: 'Lettre d’information trimestrielle', owner: 'Équipe d’animation', due: '2025-12', status: 'planned', note: 'Premier numéro avant Noël.', themeIds: [discussed.id] },
      ],
      basedOn: null,
    };
    const adopted = await coordinator.json('PUT', `${campaigns[2025].base}/review`, plan);
    expect(adopted.status).toBe(200);
    expect(adopted.body.updatedAt).toBe('2025-09-18T18:00:00.000Z');
    // The adopted option targets its own themes, as the catalogue names them.
    expect(adopted.body.actions[0].themeIds).toEqual(catalogued.themeIds);

    // During the year, the statuses move; a page still open on the September version cannot overwrite them.
    await at('2026-02-10T09:00:00Z', admin, coordinator);
    const updated = structuredClone(plan);
    updated.actions[0].status = 'done';
    updated.actions[1].status = 'in_progress';
    const saved = await coordinator.json('PUT', `${campaigns[2025].base}/review`, { ...updated, basedOn: adopted.body.updatedAt });
    expect(saved.status).toBe(200);
    expect((await admin.json('PUT', `${campaigns[2025].base}/review`, { ...plan, basedOn: adopted.body.updatedAt })).status).toBe(409);
    expect((await coordinator.json('GET', `${campaigns[2025].base}/review`)).body).toMatchObject({
      updatedAt: '2026-02-10T09:00:00.000Z', actions: [{ id: 'charte', status: 'done' }, { id: 'lettre', status: 'in_progress' }],
    });

    // The 2026 campaign: its results follow the 2025 plan, its themes before and after on the items both share.
    await at('2026-03-01T10:00:00Z', admin, coordinator);
    await answer(coordinator, campaigns[2026].base, 50, 0.4);
    const results2026 = (await coordinator.json('GET', `${campaigns[2026].base}/results`)).body as PoleResults;
    const followUp = results2026.followUp!;
    expect(followUp).toMatchObject({ campaignId: campaigns[2025].id, year: 2025, meetingDate: '2025-09-18' });
    expect(followUp.actions.map((a) => [a.id, a.status, a.owner, a.due])).toEqual([
      ['charte', 'done', 'Bureau de l’association', '2026-03'], ['lettre', 'in_progress', 'Équipe d’animation', '2025-12'],
    ]);
    expect(followUp.actions[0].themes.map((t) => t.themeId)).toEqual(catalogued.themeIds);
    const score = (results: PoleResults, id: string) => results.themes.find((t) => t.id === id)!.score!;
    for (const action of followUp.actions) {
      for (const t of action.themes) {
        // Same questionnaire both years: every item is shared, the figures are the two campaigns' theme scores.
        expect(t.before).toBeCloseTo(score(results2025, t.themeId), 9);
        expect(t.after).toBeCloseTo(score(results2026, t.themeId), 9);
        expect(t.delta).toBeCloseTo(t.after! - t.before!, 9);
      }
    }
    expect(followUp.actions[1].themes.map((t) => t.label)).toEqual([discussed.label]);
    // The 2025 results follow nothing: no earlier review.
    expect((await coordinator.json('GET', `${campaigns[2025].base}/results`)).body.followUp).toBeNull();

    // The Labo sees which remedy the pole chose and carried out, and its own action.
    const network = (await admin.json('GET', `/api/campaigns/${campaigns[2025].id}/results`)).body;
    expect(network.actions).toEqual({ options: [{ optionId: option.id, title: option.title, adopted: 1, done: 1 }], ownActions: 1, poles: 1 });
    expect((await admin.json('GET', `/api/campaigns/${campaigns[2026].id}/results`)).body.actions).toEqual({ options: [], ownActions: 0, poles: 0 });

    // Each save is in the audit trail, with counts and never the group's words.
    const audit = (await admin.json('GET', '/api/audit')).body.entries.filter((e: { action: string }) => e.action === 'review.saved');
    expect(audit.map((e: { detail: string; poleId: string }) => [e.detail, e.poleId])).toEqual([
      ['2 actions (1 réalisée), 1 thème discuté', pole.id], ['2 actions (0 réalisée), 1 thème discuté', pole.id],
    ]);

    if (!hasPoppler && process.env.CI !== 'true') return;
    // The 2025 plan as printed for the meeting's minutes, on one page.
    const minutes = await pdfOf(coordinator, `${campaigns[2025].base}/action-plan.pdf`);
    expect(minutes.pages).toBe(1);
    for (const text of ['Plan d’action 2025', 'Pôle des Coteaux', 'Revue collective du 18 septembre 2025', '10 participants', 'Lecture du diagnostic', 'Constat partagé', 'Actions adoptées', 'Bureau de l’association', 'mars 2026', 'Réalisée', 'En cours', 'Premier numéro avant Noël.']) {
      expect(minutes.text, text).toContain(text);
    }
    // The 2026 plan, before its meeting, shows what became of the 2025 one, with the same figures as the JSON.
    const next = await pdfOf(coordinator, `${campaigns[2026].base}/action-plan.pdf`);
    expect(next.pages).toBe(1);
    expect(next.text).toContain('Suivi du plan d’action 2025');
    expect(next.text).toContain('Aucune revue collective enregistrée pour cette campagne.');
    const t = followUp.actions[0].themes[0];
    expect(next.text).toContain(`${formatScore(t.before)} → ${formatScore(t.after)} (${formatDelta(t.delta)})`);
    expect(next.text).toContain(option.title.slice(0, 30));
    // The pole's full report says it too.
    expect((await pdfOf(coordinator, `${campaigns[2026].base}/report.pdf`)).text).toContain('Suivi du plan d’action 2025');
  });

  it('follows the plan of the latest earlier campaign with a review, since that campaign, across a year without one', async () => {
    const { admin, coordinator, campaigns } = await poleWithCampaigns([2024, 2025, 2026]);
    await at('2024-03-01T10:00:00Z', admin, coordinator);
    await answer(coordinator, campaigns[2024].base, 10);
    await at('2024-10-01T10:00:00Z', admin, coordinator);
    const view = (await coordinator.json('GET', `${campaigns[2024].base}/review`)).body as ReviewView;
    const option = view.choices.options[0];
    const review = { meetingDate: '2024-10-01', participants: {}, themes: [], actions: [{ id: 'a1', optionId: option.id, title: option.title, owner: '', due: null, status: 'dropped', note: '' }] };
    expect((await coordinator.json('PUT', `${campaigns[2024].base}/review`, review)).status).toBe(200);
    await at('2025-03-01T10:00:00Z', admin, coordinator);
    await answer(coordinator, campaigns[2025].base, 30);
    await at('2026-03-01T10:00:00Z', admin, coordinator);
    await answer(coordinator, campaigns[2026].base, 50);

    const results = (await coordinator.json('GET', `${campaigns[2026].base}/results`)).body as PoleResults;
    // The evolution compares with 2025; the follow-up with the plan's campaign, 2024.
    expect(results.evolution!.previousCampaign.year).toBe(2025);
    expect(results.followUp).toMatchObject({ year: 2024, actions: [{ id: 'a1', status: 'dropped' }] });
    const results2024 = (await coordinator.json('GET', `${campaigns[2024].base}/results`)).body as PoleResults;
    expect(results.followUp!.actions[0].themes.length).toBeGreaterThan(0);
    for (const t of results.followUp!.actions[0].themes) {
      expect(t.before).toBeCloseTo(results2024.themes.find((x) => x.id === t.themeId)!.score!, 9);
      expect(t.after).toBeCloseTo(results.themes.find((x) => x.id === t.themeId)!.score!, 9);
    }
  });

  it('refuses a malformed review or one naming what the campaign does not have, with the path of each problem', async () => {
    const { coordinator, campaigns } = await poleWithCampaigns([2026]);
    const { base } = campaigns[2026];
    const valid = { meetingDate: null, participants: {}, themes: [], actions: [] };
    const action = { id: 'a1', optionId: null, title: 'Action', owner: '', due: null, status: 'planned', note: '' };
    const cases: [unknown, string[]][] = [
      [{ ...valid, actions: [{ ...action, due: '2026-13' }, { ...action, id: 'a2', status: 'finie', title: '' }] }, ['actions.0.due', 'actions.1.title', 'actions.1.status']],
      [{ ...valid, actions: [action, action] }, ['actions']],
      [{ ...valid, meetingDate: '18/09/2025', participants: { ess: -1 } }, ['meetingDate', 'participants.ess']],
      [{ ...valid, participants: { martiens: 2 }, themes: [{ themeId: 'inconnu', note: '', agreed: true }] }, ['participants.martiens', 'themes.0.themeId']],
      [{ ...valid, actions: [{ ...action, optionId: 'option-inventee', themeIds: ['inconnu'] }] }, ['actions.0.optionId', 'actions.0.themeIds.0']],
    ];
    for (const [body, paths] of cases) {
      const res = await coordinator.json('PUT', `${base}/review`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { question: string }) => d.question).sort(), JSON.stringify(body)).toEqual([...paths].sort());
    }
    expect((await coordinator.json('GET', `${base}/review`)).body.updatedAt).toBeNull();
  });
});
