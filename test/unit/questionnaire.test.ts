import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Model } from 'survey-core';
import type { PtceSurveyMeta } from '../../surveys/metadata.ts';
import { registerPtceProperties } from '../../surveys/serializer.ts';
import { checkQuestionnaire, checkProfileForm } from '../../surveys/check.ts';
import { compileModel, NO_POLE_FACTS, poleFacts, profileModel } from '../../surveys/model.ts';
import { walkElements } from '../../surveys/json.ts';
import { seedItems } from '../fixtures/seed-items.ts';

const readJson = (file: string): any =>
  JSON.parse(readFileSync(new URL(`../../surveys/definitions/${file}`, import.meta.url), 'utf8'));

const questionnaire = readJson('ptce-2026.json');
const profile = readJson('ptce-2026.profile.json');
const clone = (): any => structuredClone(questionnaire);
/** The questions of a definition as written, through the compiled model. */
const questionsOf = (json: unknown): any[] => compileModel(json).questions.map((q) => q.json);
const question = (json: any, name: string): any => questionsOf(json).find((q) => q.name === name);

const AGREEMENT_COLUMNS = [
  { value: 1, text: "Pas du tout d’accord" },
  { value: 2, text: "Plutôt pas d’accord" },
  { value: 3, text: "Ni d’accord ni pas d’accord" },
  { value: 4, text: "Plutôt d’accord" },
  { value: 5, text: "Tout à fait d’accord" },
  { value: 'nsp', text: 'Je ne sais pas / non concerné' },
];
const MATURITY_CHOICES = [
  { value: 0, text: 'Aucune' },
  { value: 1, text: 'Faire avec : mise en commun de moyens' },
  { value: 2, text: 'Faire ensemble : coopération économique' },
  { value: 3, text: 'Faire corps : coopération stratégique' },
];
const ALLOWED_TYPES = ['radiogroup', 'dropdown', 'checkbox', 'boolean', 'text', 'comment', 'matrix', 'rating', 'html', 'panel'];

// Every version measures the whole seed: each practice and challenge by at least two scored items of its dimension.
describe.each(['ptce-2026', 'ptce-2027'])('seed coverage of %s', (id) => {
  const items = compileModel(readJson(`${id}.json`)).items;

  it('measures every seed item with at least two scored items of the right dimension', () => {
    expect(seedItems).toHaveLength(26);
    expect(new Set(seedItems.map((s) => s.seedRef)).size).toBe(26);
    for (const seed of seedItems) {
      const matching = items.filter((i) => i.seedRef === seed.seedRef && i.dimension === seed.dimension);
      expect(matching.length, seed.seedRef).toBeGreaterThanOrEqual(2);
    }
    // and no item points to a seedRef the fixture does not know
    const known = new Set(seedItems.map((s) => s.seedRef));
    for (const i of items) expect(known.has(i.seedRef), i.key).toBe(true);
  });
});

describe('questionnaire ptce-2026', () => {
  const meta: PtceSurveyMeta = questionnaire.ptce;
  const items = compileModel(questionnaire).items;

  it('passes checkQuestionnaire with no error', () => {
    expect(checkQuestionnaire(questionnaire)).toEqual([]);
  });

  it('has the survey-level settings', () => {
    expect(questionnaire.title).toBe('Auto-évaluation PTCE 2026');
    expect(questionnaire.locale).toBe('fr');
    expect(questionnaire.showProgressBar).toBe(true);
    expect(questionnaire.questionsOnPageMode).toBe('standard');
    expect(meta.dimensions).toEqual([
      { id: 'gouvernance', label: 'Gouvernance', factor: 'internal' },
      { id: 'cooperation', label: 'Coopération', factor: 'internal' },
      { id: 'contexte', label: 'Contexte', factor: 'external' },
    ]);
  });

  it('has the expected pages, each with a description', () => {
    const pages = questionnaire.pages;
    expect(pages[0].title).toBe('Votre profil');
    expect(pages.at(-1).title).toBe('Expression libre');
    expect(pages.map((p: any) => p.name)).toEqual([
      'profil', 'gouvernance_pratiques', 'gouvernance_defis', 'cooperation_pratiques', 'cooperation_defis', 'contexte', 'expression_libre',
    ]);
    for (const page of pages) expect(page.description, page.name).toMatch(/\S/);
  });

  it('has the profile questions', () => {
    const college = question(questionnaire, 'college');
    expect(college.type).toBe('radiogroup');
    expect(college.isRequired).toBe(true);
    expect(college.choices.map((c: any) => c.value)).toEqual(['ess', 'hors_ess', 'collectivites', 'recherche', 'salaries', 'benevoles_citoyens']);
    const position = question(questionnaire, 'position');
    expect(position).toMatchObject({ type: 'radiogroup', isRequired: true });
    expect(position.choices.map((c: any) => c.value)).toEqual(['animation', 'fondateur', 'membre', 'partenaire']);
    expect(question(questionnaire, 'anciennete')).toMatchObject({ type: 'text', inputType: 'number', min: 0, max: 60, isRequired: true });
    expect(question(questionnaire, 'siegeInstance')).toMatchObject({ type: 'boolean', isRequired: true });
  });

  it('has the three free comments, not required', () => {
    for (const name of ['verbatimForces', 'verbatimObstacle', 'verbatimProposition']) {
      const q = question(questionnaire, name);
      expect(q?.type, name).toBe('comment');
      expect(q.isRequired ?? false).toBe(false);
    }
  });

  it('uses only allowed question types, visibleIf only, and unique names', () => {
    const questions = questionsOf(questionnaire);
    for (const q of questions) {
      expect(ALLOWED_TYPES, q.name).toContain(q.type);
      for (const forbidden of ['enableIf', 'requiredIf']) expect(q[forbidden], `${q.name}.${forbidden}`).toBeUndefined();
    }
    expect(questionnaire.triggers).toBeUndefined();
    expect(questionnaire.calculatedValues).toBeUndefined();
    const names = questions.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    const conditions = questions.filter((q) => q.visibleIf).map((q) => q.visibleIf);
    expect(conditions.length).toBeGreaterThanOrEqual(2);
    expect(conditions.length).toBeLessThanOrEqual(3);
    expect(conditions).toContain('{siegeInstance} = true');
    expect(conditions).toContain("{college} = 'collectivites'");
  });

  it('uses the exact agreement scale on every matrix and the exact maturity ladder', () => {
    const questions = questionsOf(questionnaire);
    const matrices = questions.filter((q) => q.type === 'matrix');
    expect(matrices.length).toBeGreaterThanOrEqual(26);
    for (const m of matrices) {
      expect(m.columns, m.name).toEqual(AGREEMENT_COLUMNS);
      expect(m.isRequired ?? false).toBe(false);
      expect(m.isAllRowRequired).toBe(false);
    }
    const ladders = questions.filter((q) => q.type === 'radiogroup' && q.ptce && !q.ptce.respondent);
    expect(ladders.length).toBeGreaterThanOrEqual(3);
    for (const l of ladders) {
      expect(l.choices, l.name).toEqual(MATURITY_CHOICES);
      expect(l.ptce.dimension).toBe('cooperation');
    }
  });

  it('has one theme per seed item, measured by at least two items that everyone sees', () => {
    expect(meta.themes).toHaveLength(seedItems.length);
    for (const seed of seedItems) {
      const themes = meta.themes.filter((t) => t.seedRefs.includes(seed.seedRef));
      expect(themes, seed.seedRef).toHaveLength(1);
      expect(themes[0].dimension).toBe(seed.dimension);
      expect(themes[0].seedRefs).toEqual([seed.seedRef]);
    }
    const conditional = new Set(questionsOf(questionnaire).filter((q) => q.visibleIf).map((q) => q.name));
    for (const t of meta.themes) {
      const unconditional = items.filter((i) => i.theme === t.id && !conditional.has(i.question));
      expect(unconditional.length, t.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every scored item complete, valid metadata and a scale', () => {
    expect(items.length).toBeGreaterThanOrEqual(52);
    const dims = new Map(meta.dimensions.map((d) => [d.id, d]));
    const themes = new Map(meta.themes.map((t) => [t.id, t]));
    const keys = new Set<string>();
    for (const i of items) {
      expect(keys.has(i.key), i.key).toBe(false);
      keys.add(i.key);
      const theme = themes.get(i.theme);
      expect(theme, i.key).toBeDefined();
      expect(theme!.dimension).toBe(i.dimension);
      expect(dims.get(i.dimension)?.factor, i.key).toBe(i.factor);
      expect(['positive', 'negative']).toContain(i.polarity);
      expect(theme!.seedRefs).toContain(i.seedRef);
      expect(i.key).toMatch(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/);
      expect([[1, 5], [0, 3]]).toContainEqual([i.min, i.max]);
    }
    const negatives = items.filter((i) => i.polarity === 'negative');
    expect(negatives.length).toBeGreaterThanOrEqual(10);
    const informal = items.find((i) => i.key === 'gouv_informelle.decisions_hors_instances');
    expect(informal).toMatchObject({ theme: 'gouv-informelle', polarity: 'negative', seedRef: 'G-D4' });
    expect(items.filter((i) => i.factor === 'external').every((i) => i.dimension === 'contexte')).toBe(true);
  });

  it('keeps ptce through a survey-core round trip and exposes it at run time', () => {
    registerPtceProperties();
    const model = new Model(clone());
    expect((model as any).jsonErrors ?? []).toEqual([]);
    const out: any = model.toJSON();
    expect(out.ptce).toEqual(questionnaire.ptce);
    expect(compileModel(out).items).toEqual(items);
    expect(checkQuestionnaire(out)).toEqual([]);

    expect((model as any).ptce).toEqual(questionnaire.ptce);
    const matrix: any = model.getQuestionByName('gouv_debat');
    expect(matrix.rows[0].ptce).toEqual(question(questionnaire, 'gouv_debat').rows[0].ptce);
    const ladder: any = model.getQuestionByName('coop_outils_niveau');
    expect(ladder.ptce).toEqual(question(questionnaire, 'coop_outils_niveau').ptce);
    expect(model.getQuestionByName('anciennete')).toBeTruthy();
  });

  it('evaluates its visibleIf conditions', () => {
    registerPtceProperties();
    const model = new Model(clone());
    const instances = model.getQuestionByName('gouv_instances');
    const collectivites = model.getQuestionByName('gouv_vue_collectivites');
    expect(instances.isVisible).toBe(false);
    expect(collectivites.isVisible).toBe(false);
    model.setValue('siegeInstance', true);
    model.setValue('college', 'collectivites');
    expect(instances.isVisible).toBe(true);
    expect(collectivites.isVisible).toBe(true);
  });
});

describe('checkQuestionnaire rejects broken definitions', () => {
  const messages = (json: unknown) => checkQuestionnaire(json);
  const find = (json: unknown, path: string) => messages(json).filter((i) => i.path === path);

  it('rejects a non-object', () => {
    expect(messages(null)).toHaveLength(1);
    expect(messages([])[0].message).toMatch(/objet JSON/);
  });

  it('reports a matrix row without ptce', () => {
    const json = clone();
    delete question(json, 'gouv_debat').rows[1].ptce;
    const issues = find(json, 'pages[1].elements[0].rows[1].ptce');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('manquantes');
    expect(issues[0].message).toContain('« avis_pris_en_compte »');
    expect(issues[0].message).toContain('« gouv_debat »');
  });

  it('reports an unknown theme', () => {
    const json = clone();
    question(json, 'gouv_debat').rows[0].ptce.theme = 'gouv-inexistant';
    const issues = find(json, 'pages[1].elements[0].rows[0].ptce.theme');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/Thème inconnu « gouv-inexistant »/);
  });

  it('reports a theme of another dimension, a wrong factor and a seedRef not listed in the theme', () => {
    const json = clone();
    const row = question(json, 'gouv_debat').rows[0];
    row.ptce.theme = 'coop-animation';
    row.ptce.factor = 'external';
    const wrong = clone();
    question(wrong, 'gouv_debat').rows[0].ptce.seedRef = 'G-P2';
    expect(find(json, 'pages[1].elements[0].rows[0].ptce.theme')[0].message).toMatch(/appartient à la dimension « cooperation »/);
    expect(find(json, 'pages[1].elements[0].rows[0].ptce.factor')[0].message).toMatch(/incohérent/);
    expect(find(wrong, 'pages[1].elements[0].rows[0].ptce.seedRef')[0].message).toMatch(/« G-P2 ».*seedRefs du thème « gouv-debat-concertation »/);
  });

  it('reports a bad polarity on a row and on a ladder question', () => {
    const json = clone();
    question(json, 'gouv_debat').rows[2].ptce.polarity = 'negatif';
    delete question(json, 'coop_outils_niveau').ptce.polarity;
    const rowIssue = find(json, 'pages[1].elements[0].rows[2].ptce.polarity');
    expect(rowIssue).toHaveLength(1);
    expect(rowIssue[0].message).toMatch(/Polarité « negatif » invalide/);
    expect(messages(json).some((i) => i.path.endsWith('.ptce.polarity') && i.message.includes('« coop_outils_niveau »'))).toBe(true);
  });

  it('reports a theme measured by a single item', () => {
    const json = clone();
    const m = question(json, 'gouv_debat');
    m.rows = m.rows.slice(0, 1);
    const index = json.ptce.themes.findIndex((t: any) => t.id === 'gouv-debat-concertation');
    const issues = find(json, `ptce.themes[${index}]`);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('Le thème « gouv-debat-concertation » n’est mesuré que par 1 item noté : au moins 2 sont nécessaires.');
    // only that theme is affected
    expect(messages(json)).toHaveLength(1);
  });

  it('reports duplicate question names', () => {
    const json = clone();
    json.pages[2].elements[0].name = 'gouv_debat';
    const issues = messages(json).filter((i) => i.message.includes('en double'));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('pages[2].elements[0].name');
    expect(issues[0].message).toContain('pages[1].elements[0]');
  });

  it('reports duplicate names inside nested panels', () => {
    const json = clone();
    json.pages[6].elements.push({ type: 'panel', name: 'panneau', elements: [{ type: 'comment', name: 'verbatimForces' }] });
    const issues = messages(json);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('pages[6].elements[3].elements[0].name');
  });

  it('reports unsupported question types', () => {
    const json = clone();
    json.pages[6].elements.push({ type: 'paneldynamic', name: 'projets' }, { type: 'multipletext', name: 'chiffres', items: [] });
    const issues = messages(json).filter((i) => i.message.startsWith('Type de question non pris en charge'));
    expect(issues.map((i) => i.path)).toEqual(['pages[6].elements[3].type', 'pages[6].elements[4].type']);
    expect(issues[0].message).toContain('« paneldynamic »');
  });

  it('reports a missing or malformed survey-level ptce', () => {
    const missing = clone();
    delete missing.ptce;
    const issues = messages(missing);
    expect(issues[0]).toEqual({ path: 'ptce', message: expect.stringContaining('absentes') });
    const bad = clone();
    bad.ptce.dimensions[0].factor = 'interne';
    bad.ptce.themes[1].dimension = 'politique';
    bad.ptce.themes[2].seedRefs = [];
    const paths = messages(bad).map((i) => i.path);
    expect(paths).toContain('ptce.dimensions[0].factor');
    expect(paths).toContain('ptce.themes[1].dimension');
    expect(paths).toContain('ptce.themes[2].seedRefs');
  });

  it('reports scales that are neither agreement, maturity nor rating', () => {
    const json = clone();
    question(json, 'gouv_debat').columns.pop(); // no "nsp"
    question(json, 'coop_outils_niveau').choices.push({ value: 4, text: 'Fusion' });
    json.pages[6].elements.push({
      type: 'rating', name: 'note_globale', rateValues: [1, 2, 3],
      ptce: { dimension: 'gouvernance', theme: 'gouv-consensus', seedRef: 'G-D3', polarity: 'positive', factor: 'internal' },
    });
    const issues = messages(json);
    expect(issues.find((i) => i.path === 'pages[1].elements[0].columns')?.message).toMatch(/échelle d’accord/);
    expect(issues.some((i) => i.message.includes('« coop_outils_niveau »') && i.message.includes('échelle non reconnue'))).toBe(true);
    expect(issues.some((i) => i.message.includes('« note_globale »') && i.message.includes('rateMin/rateMax'))).toBe(true);
  });

  it('accepts a scored rating with rateMin/rateMax and lists it with its range', () => {
    const json = clone();
    json.pages[6].elements.push({
      type: 'rating', name: 'note_consensus', rateMin: 0, rateMax: 10,
      ptce: { dimension: 'gouvernance', theme: 'gouv-consensus', seedRef: 'G-D3', polarity: 'positive', factor: 'internal' },
    });
    expect(messages(json)).toEqual([]);
    const item = compileModel(json).items.find((i) => i.key === 'note_consensus');
    expect(item).toMatchObject({ question: 'note_consensus', min: 0, max: 10 });
    expect(item?.row).toBeUndefined();
  });

  it('reports ptce on a question type that cannot be scored, and ptce at matrix level', () => {
    const json = clone();
    question(json, 'siegeInstance').ptce = { dimension: 'gouvernance', theme: 'gouv-consensus', seedRef: 'G-D3', polarity: 'positive', factor: 'internal' };
    question(json, 'gouv_debat').ptce = { dimension: 'gouvernance' };
    const paths = messages(json).map((i) => i.path);
    expect(paths).toContain('pages[0].elements[3].ptce');
    expect(paths).toContain('pages[1].elements[0].ptce');
  });

  it('reports a missing or mistyped college question and a dangling visibleIf', () => {
    const json = clone();
    question(json, 'college').type = 'dropdown';
    expect(messages(json).map((i) => i.path)).toEqual(['pages[0].elements[0].type']);
    const gone = clone();
    gone.pages[0].elements.shift();
    const issues = messages(gone);
    expect(issues.some((i) => i.message.includes('« college »') && i.message.includes('absente'))).toBe(true);
    expect(issues.some((i) => i.path.endsWith('.visibleIf') && i.message.includes('{college}'))).toBe(true);
  });

  it('reserves the collège id « autres » for the merged group of small collèges', () => {
    const json = clone();
    question(json, 'college').choices[2].value = 'autres';
    const issues = messages(json).filter((i) => i.path === 'pages[0].elements[0].choices[2].value');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/réservé au groupe « Autres collèges »/);
  });
});

describe('one walker, one model', () => {
  const json = {
    pages: [
      { name: 'p1', elements: [{ type: 'text', name: 'a' }, { type: 'panel', name: 'pn', visibleIf: '{a} = 1', elements: [{ type: 'panel', name: 'pn2', elements: [{ type: 'comment', name: 'b', visibleIf: '{a} > 0' }] }, { type: 'boolean', name: 'c' }] }] },
      { name: 'p2', visibleIf: '{c} = true', elements: [{ type: 'html', name: 'd' }, { type: 'text', name: 'e' }] },
    ],
  };

  it('walks pages and nested panels in order, with the conditions that show each element', () => {
    const walked = walkElements(json);
    expect(walked.map((r) => r.element.name)).toEqual(['a', 'pn', 'pn2', 'b', 'c', 'd', 'e']);
    expect(walked.find((r) => r.element.name === 'b')).toMatchObject({ path: 'pages[0].elements[1].elements[0].elements[0]', conditions: ['{a} = 1', '{a} > 0'] });
    expect(walked.find((r) => r.element.name === 'e')?.conditions).toEqual(['{c} = true']);
    expect(walkElements(null)).toEqual([]);
  });

  it('keeps as questions only what holds an answer (no panel, no html block)', () => {
    const model = compileModel(json);
    expect(model.questions.map((q) => q.name)).toEqual(['a', 'b', 'c', 'e']);
    expect(model.freeText).toEqual([{ name: 'b', label: 'b' }]);
    expect(questionsOf(null)).toEqual([]);
  });

  it('keys matrix rows as question.row with the agreement range and ladders with 0..3', () => {
    const items = compileModel(questionnaire).items;
    expect(items[0]).toMatchObject({ key: 'gouv_debat.espaces_debat', question: 'gouv_debat', row: 'espaces_debat', min: 1, max: 5 });
    expect(items.find((i) => i.key === 'coop_lieu_niveau')).toMatchObject({ question: 'coop_lieu_niveau', min: 0, max: 3 });
  });
});

describe('profile form ptce-2026.profile', () => {
  it('passes checkProfileForm', () => {
    expect(checkProfileForm(profile)).toEqual([]);
  });

  it('has the expected questions', () => {
    const byName = new Map(questionsOf(profile).map((q) => [q.name, q]));
    const expected: Record<string, string> = {
      formeJuridique: 'radiogroup', charte: 'radiogroup', charteDesOrigines: 'boolean', lieuVitrine: 'boolean',
      soutienCollectivites: 'checkbox', membresParCollege: 'multipletext', anneeCreation: 'text', region: 'dropdown',
      departement: 'text', autofinancement: 'text', emploisMutualises: 'text',
    };
    for (const [name, type] of Object.entries(expected)) expect(byName.get(name)?.type, name).toBe(type);
    expect(byName.get('formeJuridique').choices.map((c: any) => c.value)).toEqual(['association', 'scic', 'ues', 'scop', 'aucune', 'autre']);
    expect(byName.get('formeJuridiqueAutre')?.visibleIf).toBe("{formeJuridique} = 'autre'");
    expect(byName.get('charte').choices.map((c: any) => c.value)).toEqual(['aucune', 'en_cours', 'adoptee']);
    expect(byName.get('soutienCollectivites').choices.map((c: any) => c.value)).toEqual(['financier', 'technique', 'siege_gouvernance']);
    expect(byName.get('membresParCollege').items).toEqual([]);
    expect(byName.get('anneeCreation')).toMatchObject({ inputType: 'number', min: 1990, max: 2100 });
    expect(byName.get('autofinancement')).toMatchObject({ inputType: 'number', min: 0, max: 100 });
    expect(byName.get('emploisMutualises')).toMatchObject({ inputType: 'number', min: 0 });
    expect(byName.get('region').choices).toHaveLength(18);
  });

  it('loads in survey-core', () => {
    const model = new Model(profile);
    expect(model.getQuestionByName('membresParCollege').getType()).toBe('multipletext');
  });

  it('rejects unsupported types and duplicate names', () => {
    const json = structuredClone(profile);
    json.pages[0].elements.push({ type: 'file', name: 'statuts' }, { type: 'text', name: 'region' });
    const issues = checkProfileForm(json);
    expect(issues).toHaveLength(2);
    expect(issues[0].message).toContain('« file »');
    expect(issues[1].message).toContain('« region » en double');
  });

  it('declares the facts the service reads by role, and the service reads them by role, whatever the question’s name', () => {
    expect(Object.fromEntries(Object.entries(profileModel(profile).fields).map(([role, q]) => [role, q!.name]))).toEqual({
      legalForm: 'formeJuridique', charter: 'charte', venue: 'lieuVitrine', membersPerCollege: 'membresParCollege', foundingYear: 'anneeCreation',
    });
    // A later form that renames its questions keeps its facts.
    const renamed = structuredClone(profile);
    questionsOf(renamed).find((q) => q.name === 'formeJuridique').name = 'statut';
    questionsOf(renamed).find((q) => q.name === 'formeJuridiqueAutre').visibleIf = "{statut} = 'autre'";
    questionsOf(renamed).find((q) => q.name === 'anneeCreation').name = 'creation';
    expect(checkProfileForm(renamed)).toEqual([]);
    expect(poleFacts(profileModel(renamed), { statut: 'scic', creation: '2012', membresParCollege: { ess: 4, salaries: 'x' }, charte: 'adoptee', lieuVitrine: false })).toEqual({
      ...NO_POLE_FACTS, legalForm: 'scic', foundingYear: 2012, membersPerCollege: { ess: 4 }, charter: 'adoptee', venue: false,
    });
    const unknown = { ...NO_POLE_FACTS, legalForm: null, foundingYear: null, membersPerCollege: {}, charter: null, venue: null };
    expect(poleFacts(profileModel(renamed), { formeJuridique: 'scic', anneeCreation: 2012 })).toEqual(unknown);
    expect(poleFacts(profileModel(renamed), null)).toEqual(unknown);
    // A boolean question that stores its own values is read through them.
    const yesNo = structuredClone(profile);
    Object.assign(questionsOf(yesNo).find((q) => q.name === 'lieuVitrine'), { valueTrue: 'oui', valueFalse: 'non' });
    expect(poleFacts(profileModel(yesNo), { lieuVitrine: 'oui' }).venue).toBe(true);
    expect(poleFacts(profileModel(yesNo), { lieuVitrine: 'non' }).venue).toBe(false);
    expect(poleFacts(profileModel(yesNo), { lieuVitrine: true }).venue).toBe(null);
  });

  it('refuses an unknown role, a role on a question that cannot hold it, a role held twice, and anything else in ptce', () => {
    const json = structuredClone(profile);
    const byName = (name: string) => questionsOf(json).find((q) => q.name === name);
    byName('charteDesOrigines').ptce = { role: 'charterYear' };
    byName('departement').ptce = { role: 'foundingYear' };
    byName('region').ptce = { role: 'legalForm' };
    byName('lieuVitrine').ptce = { dimension: 'gouvernance' };
    const issues = checkProfileForm(json).map((i) => i.message);
    expect(issues).toHaveLength(5);
    expect(issues[0]).toMatch(/Rôle « charterYear » inconnu pour « charteDesOrigines » \(rôles : legalForm, foundingYear, membersPerCollege, charter, venue, annualBudget, /);
    expect(issues[1]).toMatch(/ne peut que déclarer un rôle/);
    expect(issues.some((m) => /« departement » ne peut pas porter le rôle « foundingYear ».*numérique/.test(m))).toBe(true);
    expect(issues.some((m) => /Le rôle « legalForm » est déjà porté par « formeJuridique »/.test(m))).toBe(true);
  });
});
