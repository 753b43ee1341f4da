// Importing a questionnaire version through the API: checks, immutability, persistence, and the evolution across
// versions with a renamed matrix row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { createDeps } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { DEFINITIONS_DIR } from '../../surveys/registry.ts';
import { computePoleResults } from '../../reports/analysis/index.ts';
import { questionnaireModel } from '../../surveys/model.ts';
import { STRATEGIC_OPTIONS } from '../../surveys/strategic-options.ts';

type Json = Record<string, any>;

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const ptce2026 = (): Json => JSON.parse(readFileSync(join(DEFINITIONS_DIR, 'ptce-2026.json'), 'utf8'));
/** The first row of the first matrix (`gouv_debat.espaces_debat`) is renamed `gouv_debat.espaces` in the imported version. */
const RENAMED = { 'gouv_debat.espaces': 'gouv_debat.espaces_debat' };
function definition2028(): Json {
  const d = ptce2026();
  d.title = 'Auto-évaluation PTCE 2028';
  const row = d.pages[1].elements[0].rows[0];
  expect(row.value).toBe('espaces_debat');
  row.value = 'espaces';
  return d;
}
const importBody = (extra: Json = {}) => ({ id: 'ptce-2028', definition: definition2028(), renamed: RENAMED, ...extra });

/** 2026 answers fitted to the imported version: the renamed row's answer moves to its new key. */
function answers2027(college: string, seed: number): Json {
  const data = completeAnswers(h, college, seed);
  const { espaces_debat, ...others } = data.gouv_debat;
  data.gouv_debat = { ...others, espaces: espaces_debat };
  return data;
}

async function submitAll(coordinator: Client, base: string, answers: Json[]) {
  const links = await createLinks(coordinator, base, { count: answers.length });
  const r = h.client();
  for (const [i, data] of answers.entries()) {
    const res = await r.json('POST', `/api/responses/${links[i].token}/submit`, { data });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
}

describe('POST /api/questionnaires', () => {
  it('imports a valid version, lists it, serves it with its ptce metadata, and lets a campaign freeze it', async () => {
    const admin = await h.admin();
    const res = await admin.json('POST', '/api/questionnaires', importBody());
    expect(res.status).toBe(201);
    const model = questionnaireModel(ptce2026());
    expect(res.body).toEqual({ id: 'ptce-2028', title: 'Auto-évaluation PTCE 2028', themes: 26, scoredItems: model.items.length });

    const list = await admin.json('GET', '/api/questionnaires');
    expect(list.body.questionnaires).toEqual([
      { id: 'ptce-2026', title: expect.any(String) },
      { id: 'ptce-2027', title: expect.any(String) },
      { id: 'ptce-2028', title: 'Auto-évaluation PTCE 2028' },
    ]);
    const got = await admin.json('GET', '/api/questionnaires/ptce-2028');
    expect(got.status).toBe(200);
    expect(got.body.ptce.themes).toHaveLength(26);
    expect(got.body.pages[1].elements[0].rows[0]).toMatchObject({ value: 'espaces', ptce: { theme: 'gouv-debat-concertation' } });

    // Without `profile`, the newest version's profile form (ptce-2027's file) is reused (its collège items rebuilt
    // from the new version).
    const q = h.deps.questionnaires.get('ptce-2028')!;
    expect(q.profile).toEqual(h.deps.questionnaires.get('ptce-2027')!.profile);
    expect(q.renamed).toEqual(RENAMED);

    const campaign = await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028', opensAt: '2027-01-01' });
    expect(campaign.status).toBe(201);
    expect(campaign.body.questionnaireId).toBe('ptce-2028');
  });

  it('refuses an id already taken, by a file or an imported version: versions are immutable', async () => {
    const admin = await h.admin();
    expect((await admin.json('POST', '/api/questionnaires', importBody())).status).toBe(201);
    const again = await admin.json('POST', '/api/questionnaires', importBody({ definition: ptce2026(), renamed: undefined }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('questionnaire_exists');
    const file = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2026', definition: ptce2026() });
    expect(file.status).toBe(409);
    expect(h.deps.questionnaires.get('ptce-2028')!.definition.pages[1].elements[0].rows[0].value).toBe('espaces');
  });

  it('rejects an invalid definition with the checker’s precise paths, and stores nothing', async () => {
    const admin = await h.admin();
    const cases: { change: (d: Json) => void; path: string; message: RegExp }[] = [
      { change: (d) => delete d.pages[1].elements[0].rows[2].ptce, path: 'pages[1].elements[0].rows[2].ptce', message: /manquantes/ },
      { change: (d) => (d.pages[1].elements[1].rows[0].ptce.theme = 'theme-inconnu'), path: 'pages[1].elements[1].rows[0].ptce.theme', message: /Thème inconnu/ },
      {
        // A new theme measured by one row only (taken from a theme that keeps 4 items).
        change: (d) => {
          d.ptce.themes.push({ id: 'gouv-nouveau', label: 'Nouveau', dimension: 'gouvernance', seedRefs: ['G-NEW'] });
          Object.assign(d.pages[1].elements[3].rows[0].ptce, { theme: 'gouv-nouveau', seedRef: 'G-NEW', dimension: 'gouvernance', factor: 'internal' });
        },
        path: 'ptce.themes[26]',
        message: /que par 1 item/,
      },
      { change: (d) => d.pages[6].elements.push({ type: 'signaturepad', name: 'signature' }), path: 'pages[6].elements[3].type', message: /non pris en charge/ },
    ];
    for (const { change, path, message } of cases) {
      const definition = definition2028();
      change(definition);
      const res = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition });
      expect(res.status, path).toBe(422);
      expect(res.body.error.code).toBe('invalid_questionnaire');
      expect(res.body.error.details).toContainEqual({ path, message: expect.stringMatching(message) });
    }
    // All at once: every problem is listed.
    const all = definition2028();
    for (const { change } of cases) change(all);
    const res = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: all });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: Json) => d.path)).toEqual(expect.arrayContaining(cases.map((c) => c.path)));

    // A broken profile form is reported under `profil.`.
    const profile = structuredClone(h.deps.questionnaires.get('ptce-2026')!.profile);
    profile.pages[0].elements[0].type = 'signaturepad';
    const badProfile = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: definition2028(), profile });
    expect(badProfile.status).toBe(422);
    expect(badProfile.body.error.details).toContainEqual({ path: 'profil.pages[0].elements[0].type', message: expect.stringMatching(/non pris en charge/) });

    // The mapping must name items of the new version.
    const badMap = await admin.json('POST', '/api/questionnaires', importBody({ renamed: { ...RENAMED, 'gouv_debat.espaces_debat': 'x', nimporte: 'quoi' } }));
    expect(badMap.status).toBe(422);
    expect(badMap.body.error.details.map((d: Json) => d.path)).toEqual(['renamed["gouv_debat.espaces_debat"]', 'renamed["nimporte"]']);

    // Malformed bodies fail the schema (the app's usual 422 « validation »).
    const badId = await admin.json('POST', '/api/questionnaires', { id: 'PTCE 2028', definition: definition2028() });
    expect(badId.status).toBe(422);
    expect(badId.body.error.code).toBe('validation');
    expect((await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: [] })).status).toBe(422);

    expect(h.deps.questionnaires.has('ptce-2028')).toBe(false);
    expect(h.deps.repos.questionnaires.list()).toEqual([]);
  });

  it('keeps a renamed theme’s strategic options through its role, or refuses the version naming the theme', async () => {
    const admin = await h.admin();
    /** The imported version with « gouv-informelle » renamed (the theme and every item measuring it). */
    const renamedTheme = (role?: string) => {
      const d = definition2028();
      const theme = d.ptce.themes.find((t: Json) => t.id === 'gouv-informelle');
      theme.id = 'gouv-decisions-hors-instances';
      if (role) theme.role = role;
      for (const page of d.pages) {
        for (const el of page.elements) for (const row of el.rows ?? []) if (row.ptce?.theme === 'gouv-informelle') row.ptce.theme = theme.id;
      }
      return { d, index: d.ptce.themes.indexOf(theme) };
    };
    const lost = renamedTheme();
    const refused = await admin.json('POST', '/api/questionnaires', { ...importBody(), definition: lost.d });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { path: `ptce.themes[${lost.index}].id`, message: expect.stringMatching(/« gouv-decisions-hors-instances » n’a aucune option stratégique.*"role": "<identifiant de ce thème>"/) },
    ]);
    const twice = renamedTheme('gouv-consensus');
    const duplicate = await admin.json('POST', '/api/questionnaires', { ...importBody(), definition: twice.d });
    expect(duplicate.body.error.details).toContainEqual({ path: `ptce.themes[${twice.index}].role`, message: expect.stringMatching(/même rôle « gouv-consensus »/) });

    const kept = renamedTheme('gouv-informelle');
    const imported = await admin.json('POST', '/api/questionnaires', { ...importBody(), definition: kept.d });
    expect(imported.status).toBe(201);
    // The pole's analysis meets the options of « gouv-informelle » under the theme's new id.
    const model = h.deps.questionnaires.get('ptce-2028')!.model;
    expect(model.themes[kept.index]).toMatchObject({ id: 'gouv-decisions-hors-instances', role: 'gouv-informelle' });
    // The renamed theme a weakness, and the support of local authorities a threat: « wt-ecrire-engagements-alternance ».
    const weak = (data: Json) => {
      for (const item of model.items) {
        if (item.theme !== 'gouv-decisions-hors-instances' && item.theme !== 'ctx-soutien-collectivites') continue;
        const low = item.polarity === 'positive' ? item.min : item.max;
        if (item.row) data[item.question] = { ...data[item.question], [item.row]: low };
        else data[item.question] = low;
      }
      return data;
    };
    const results = computePoleResults({
      pole: { id: 'p', name: 'Pôle' }, campaign: { id: 'c', year: 2027, questionnaireId: 'ptce-2028' }, model, colleges: h.deps.questionnaires.get('ptce-2028')!.colleges,
      responses: ['ess', 'ess', 'ess'].map((college, i) => ({ college, data: weak(answers2027(college, 40 + i)) })), participation: [], profile: null,
    });
    expect(results.themes.find((t) => t.id === 'gouv-decisions-hors-instances')!.swot).toBe('weakness');
    const options = results.options.filter((o) => o.themes.includes('gouv-decisions-hors-instances'));
    expect(options.map((o) => o.id)).toContain('wt-ecrire-engagements-alternance');
    expect(STRATEGIC_OPTIONS.filter((o) => o.when.some((c) => c.role === 'gouv-informelle')).map((o) => o.id)).toEqual(expect.arrayContaining(options.map((o) => o.id)));
  });

  it('accepts a Creator-sized export under the body limit, and answers 413 beyond it', async () => {
    const admin = await h.admin();
    // SurveyJS Creator exports indented JSON; with a second locale for every text it stays well under 512 kB.
    const bilingual = JSON.parse(JSON.stringify(definition2028()), (key, value) =>
      (key === 'text' || key === 'title' || key === 'description') && typeof value === 'string' ? { default: value, en: `${value} (EN)` } : value);
    const exported = JSON.stringify(bilingual, null, 2);
    expect(exported.length).toBeLessThan(300 * 1024);
    const ok = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: JSON.parse(exported), renamed: RENAMED });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('Auto-évaluation PTCE 2028');

    const huge = definition2028();
    huge.description = 'x'.repeat(600 * 1024);
    const tooLarge = await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('too_large');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.client().json('GET', '/api/openapi.json')).body;
    const post = doc.paths['/api/questionnaires'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '409', '413', '422']));
    expect(post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/QuestionnaireInput' });
    expect(Object.keys(doc.components.schemas.QuestionnaireInput.properties)).toEqual(['id', 'definition', 'profile', 'renamed']);
  });

  it('is for the admin only', async () => {
    const admin = await h.admin();
    const pole = (await admin.json('POST', '/api/poles', { name: 'Pôle des Coteaux' })).body;
    const coordinator = await h.coordinator(pole.id);
    expect((await coordinator.json('POST', '/api/questionnaires', importBody())).status).toBe(403);
    expect((await h.client().json('POST', '/api/questionnaires', importBody())).status).toBe(401);
    // Checked before the body: a stranger learns nothing from validation.
    expect((await h.client().json('POST', '/api/questionnaires', { id: 'x' })).status).toBe(401);
    expect(h.deps.questionnaires.has('ptce-2028')).toBe(false);
  });

  it('keeps the imported version across a restart', async () => {
    const admin = await h.admin();
    expect((await admin.json('POST', '/api/questionnaires', importBody())).status).toBe(201);
    const restarted = createDeps(readConfig({ DATA_DIR: h.dataDir }));
    try {
      expect([...restarted.questionnaires.keys()]).toEqual(['ptce-2026', 'ptce-2027', 'ptce-2028']);
      const q = restarted.questionnaires.get('ptce-2028')!;
      expect(q.title).toBe('Auto-évaluation PTCE 2028');
      expect(q.renamed).toEqual(RENAMED);
      expect(q.definition).toEqual(h.deps.questionnaires.get('ptce-2028')!.definition);
      expect(q.colleges).toEqual(h.deps.questionnaires.get('ptce-2026')!.colleges);
      expect(restarted.repos.questionnaires.get('ptce-2028')!.createdBy).toBe(h.deps.repos.users.findByEmail('admin@labo.test')!.id);
    } finally {
      restarted.repos.db.close();
    }
  });
});

describe('evolution across questionnaire versions', () => {
  it('compares a renamed row with its former self through the mapping', async () => {
    const { admin, pole, base } = await poleWithCampaign(h);
    const coordinator2026 = await h.coordinator(pole.id);
    await submitAll(coordinator2026, base, [completeAnswers(h, 'ess', 11), completeAnswers(h, 'ess', 12), completeAnswers(h, 'salaries', 13)]);

    expect((await admin.json('POST', '/api/questionnaires', importBody())).status).toBe(201);
    const campaign2027 = (await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028', opensAt: '2027-01-01', closesAt: '2027-06-30' })).body;
    h.clock.now = new Date('2027-03-01T10:00:00Z');
    const coordinator = await h.coordinator(pole.id); // last year's session has expired
    const base2027 = `/api/poles/${pole.id}/campaigns/${campaign2027.id}`;
    await submitAll(coordinator, base2027, [answers2027('ess', 21), answers2027('ess', 22), answers2027('salaries', 23)]);

    const res = await coordinator.json('GET', `${base2027}/results`);
    expect(res.status).toBe(200);
    const evolution = res.body.evolution;
    expect(evolution.previousCampaign.year).toBe(2026);
    const debate = evolution.themes.find((t: Json) => t.id === 'gouv-debat-concertation');
    // The three rows of gouv_debat count, the renamed one included; the other themes share all their items.
    expect(debate.sharedItems).toBe(3);
    const model = h.deps.questionnaires.get('ptce-2028')!.model;
    for (const t of evolution.themes) expect(t.sharedItems).toBe(model.themes.find((m) => m.id === t.id)!.items.length);

    // The same analysis without the mapping loses the renamed row for its theme (and only there).
    const q2027 = h.deps.questionnaires.get('ptce-2028')!;
    const input = {
      pole: { id: pole.id, name: pole.name },
      campaign: { id: campaign2027.id, year: 2027, questionnaireId: 'ptce-2028' },
      model: q2027.model,
      colleges: q2027.colleges,
      responses: h.deps.repos.responses.snapshot(pole.id, campaign2027.id),
      participation: h.deps.repos.tickets.participation(pole.id, campaign2027.id),
      profile: null,
    };
    const previous = {
      campaign: evolution.previousCampaign,
      model: h.deps.questionnaires.get('ptce-2026')!.model,
      responses: h.deps.repos.responses.snapshot(pole.id, evolution.previousCampaign.id),
    };
    const withMapping = computePoleResults({ ...input, previous: { ...previous, renamed: RENAMED } }).evolution!;
    const without = computePoleResults({ ...input, previous }).evolution!;
    expect(evolution).toEqual(JSON.parse(JSON.stringify(withMapping)));
    const debateWithout = without.themes.find((t) => t.id === 'gouv-debat-concertation')!;
    expect(debateWithout.sharedItems).toBe(2);
    expect(debateWithout.previous).not.toBe(debate.previous);
    expect(without.themes.filter((t) => t.id !== 'gouv-debat-concertation')).toEqual(withMapping.themes.filter((t) => t.id !== 'gouv-debat-concertation'));
  });
});
