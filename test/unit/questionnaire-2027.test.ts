// The 2027 version (issue 12): shorter for a yearly survey answered by everyone, in words a stakeholder uses, insider
// questions asked of the insiders only, the maturity ladder explained for each practice, the pole's funding and its
// members' workload measured as the pole's own traits, and a renamed mapping that carries the evolution from 2026.
// Row counts come from the survey's own conditions, evaluated by survey-core as the respondent's browser does.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Model, type Question, type QuestionMatrixModel } from 'survey-core';
import { checkQuestionnaire } from '../../surveys/check.ts';
import { compileModel, NO_POLE_FACTS, partsOf, profileModel, questionnaireModel, type QuestionnaireModel } from '../../surveys/model.ts';
import { checkRenamed, DEFINITIONS_DIR, loadQuestionnaires, QuestionnaireError } from '../../surveys/registry.ts';
import { registerPtceProperties } from '../../surveys/serializer.ts';
import { CATALOGUE_ROLES, STRATEGIC_OPTIONS } from '../../surveys/strategic-options.ts';
import { selectOptions } from '../../reports/analysis/options.ts';
import { computeFollowUp, optionThemeIds } from '../../reports/analysis/follow-up.ts';
import { themeRoles } from '../../surveys/metadata.ts';
import { swotCategory, DEFAULT_THRESHOLDS } from '../../reports/analysis/swot.ts';
import type { ThemeResult } from '../../reports/types.ts';

const readJson = (file: string): any => JSON.parse(readFileSync(new URL(`../../surveys/definitions/${file}`, import.meta.url), 'utf8'));
const definition = readJson('ptce-2027.json');
const renamed: Record<string, string> = readJson('ptce-2027.renamed.json');
const model = questionnaireModel(definition);
const model2026 = questionnaireModel(readJson('ptce-2026.json'));

/** The positions that know the pole's inner workings: they get the insider questions. */
const INSIDERS = ['animation', 'fondateur'];
const MAX_TYPICAL_ROWS = 60;

// ───────────── Visible rows, by the survey's own conditions ─────────────

type Profile = Record<string, unknown>;

/** Every combination of answers to the profile page (a number question: its bounds and each band boundary). */
function profileCombinations(): Profile[] {
  const page = definition.pages.find((p: any) => p.name === 'profil');
  let combos: Profile[] = [{}];
  for (const q of page.elements) {
    const values: unknown[] =
      q.type === 'radiogroup' ? partsOf(q.choices).map((c) => c.value)
      : q.type === 'boolean' ? [true, false]
      : q.type === 'text' && q.inputType === 'number' ? [...new Set([q.min, ...(q.ptce?.bands ?? []), q.max])]
      : [];
    expect(values.length, `profile question ${q.name}`).toBeGreaterThan(1);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [q.name]: v })));
  }
  return combos;
}

registerPtceProperties();
const survey = new Model(structuredClone(definition));

/** The scored items a respondent with this profile is shown: visible question (and page), visible matrix row. */
function visibleItems(profile: Profile, survey_: Model = survey, compiled: QuestionnaireModel = model) {
  survey_.clear(true, true);
  for (const [name, value] of Object.entries(profile)) survey_.setValue(name, value);
  return compiled.items.filter((item) => {
    const q = survey_.getQuestionByName(item.question) as Question;
    if (!q || !q.isVisible || !q.isParentVisible) return false;
    if (item.row === undefined) return true;
    return (q as QuestionMatrixModel).visibleRows.some((r) => String(r.item.value) === item.row);
  });
}

const isInsider = (p: Profile) => INSIDERS.includes(p.position as string);
const isTypical = (p: Profile) => !isInsider(p) && p.siegeInstance === false;
const combinations = profileCombinations();
const counted = combinations.map((profile) => ({ profile, items: visibleItems(profile) }));
const figure = (filter: (p: Profile) => boolean) => {
  const counts = counted.filter((c) => filter(c.profile)).map((c) => c.items.length);
  return { min: Math.min(...counts), max: Math.max(...counts) };
};

describe('ptce-2027: the definition', () => {
  it('refuses a merged theme’s alsoRoles that are not a list, unknown to the catalogue, or held by another theme', () => {
    const withAlso = (index: number, alsoRoles: unknown) => {
      const copy = structuredClone(definition);
      copy.ptce.themes[index].alsoRoles = alsoRoles;
      return checkQuestionnaire(copy).map((i) => i.path);
    };
    const debate = definition.ptce.themes.findIndex((t: any) => t.id === 'gouv-debat-decision');
    expect(withAlso(debate, 'gouv-consensus')).toEqual([`ptce.themes[${debate}].alsoRoles`]);
    expect(withAlso(debate, ['gouv-consensus', 'inconnu'])).toEqual([`ptce.themes[${debate}].alsoRoles[1]`]);
    // Held by the theme itself (its role) or by another theme.
    expect(withAlso(debate, ['gouv-debat-concertation'])).toEqual([`ptce.themes[${debate}].alsoRoles[0]`]);
    expect(withAlso(debate, ['gouv-consensus', 'coop-ouverture'])).toEqual([`ptce.themes[${definition.ptce.themes.findIndex((t: any) => t.id === 'coop-ouverture')}].role`]);
  });

  it('passes the definition check and loads from the folder with its renamed mapping', () => {
    expect(checkQuestionnaire(definition)).toEqual([]);
    const loaded = loadQuestionnaires().get('ptce-2027')!;
    expect(loaded.renamed).toEqual(renamed);
    expect(loaded.model.items.map((i) => i.key)).toEqual(model.items.map((i) => i.key));
    // What picks « the latest version » (a new campaign's default, an import without a profile form) finds 2027.
    expect([...loadQuestionnaires().keys()].at(-1)).toBe('ptce-2027');
  });

  it('asks about the context between the two internal dimensions, not last', () => {
    const pages: string[] = definition.pages.map((p: any) => p.name);
    const pageOf = (question: string) => definition.pages.find((p: any) => p.elements.some((e: any) => e.name === question))?.name;
    const dimensionsOf = (page: string) => new Set(model.items.filter((i) => pageOf(i.question) === page).map((i) => i.dimension));
    const contextPage = pages.indexOf('contexte');
    expect([...dimensionsOf('contexte')]).toEqual(['contexte']);
    const before = pages.slice(0, contextPage).flatMap((p) => [...dimensionsOf(p)]);
    const after = pages.slice(contextPage + 1).flatMap((p) => [...dimensionsOf(p)]);
    expect(before.length && after.length).toBeTruthy();
    expect(new Set(before)).toEqual(new Set(['gouvernance']));
    expect(new Set(after)).toEqual(new Set(['cooperation']));
    expect(pages.at(-1)).toBe('expression_libre');
  });

  it('gives every theme a role the options catalogue names, and new roles options of their own', () => {
    for (const t of model.themes) expect(CATALOGUE_ROLES.has(t.role), `${t.id} (${t.role})`).toBe(true);
    // A merged theme holds the roles of the themes it took over: every option of the catalogue still reaches a 2027 pole.
    const reachable = model.themes.flatMap(themeRoles);
    expect(new Set(reachable).size).toBe(reachable.length);
    expect(new Set(reachable)).toEqual(new Set(CATALOGUE_ROLES));
    for (const t of model2026.themes) expect(reachable, t.id).toContain(t.role);
    const funding = model.themes.find((t) => t.role === 'gouv-autonomie-financiere')!;
    expect(funding.factor).toBe('internal');
    const naming = STRATEGIC_OPTIONS.filter((o) => o.when.some((c) => c.role === funding.role));
    expect(naming.some((o) => 'pairWith' in o)).toBe(true);
    for (const is of ['strength', 'weakness'] as const) expect(naming.some((o) => !('pairWith' in o) && o.when.some((c) => c.role === funding.role && c.is === is)), is).toBe(true);
  });
});

describe('ptce-2027: length, by the survey’s own conditions', () => {
  it(`shows at most ${MAX_TYPICAL_ROWS} scored rows to every typical respondent (not an insider, no seat), whatever the collège`, () => {
    const typical = figure(isTypical);
    const seat = figure((p) => !isInsider(p) && p.siegeInstance === true);
    const insiders = figure(isInsider);
    console.info(`ptce-2027 scored rows: typical respondent ${typical.min}–${typical.max}, with a seat ${seat.min}–${seat.max}, insiders ${insiders.min}–${insiders.max} (of ${model.items.length}); ptce-2026 typical: ${visibleItems({ college: 'ess', position: 'membre', anciennete: 5, siegeInstance: false }, new Model(readJson('ptce-2026.json')), model2026).length}`);
    expect(counted.filter((c) => isTypical(c.profile))).toHaveLength(combinations.length / 4);
    expect(typical.max).toBeLessThanOrEqual(MAX_TYPICAL_ROWS);
    // The insiders' extra questions stay a minority of what they answer.
    expect(insiders.max).toBeLessThanOrEqual(MAX_TYPICAL_ROWS + 25);
  });

  it('measures every theme by at least three rows for every respondent', () => {
    for (const { profile, items } of counted) {
      for (const t of model.themes) {
        expect(items.filter((i) => i.theme === t.id).length, `${t.id} for ${JSON.stringify(profile)}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('shows the insider rows to the facilitation team and the founding members only, through the position question', () => {
    const insiderOnly = (key: string) =>
      counted.every(({ profile, items }) => items.some((i) => i.key === key) === isInsider(profile));
    const conditional = model.items.filter((i) => model.questions.find((q) => q.name === i.question)!.conditions.length > 0);
    const byPosition = conditional.filter((i) => insiderOnly(i.key));
    expect(byPosition.length).toBeGreaterThanOrEqual(10);
    for (const i of byPosition) {
      expect(model.questions.find((q) => q.name === i.question)!.conditions).toEqual(["{position} anyof ['animation', 'fondateur']"]);
    }
    // What only insiders can know (the three rows, 2027 wording).
    for (const key of ['ctx_equipe.soutien_durable', 'ctx_equipe.normes_financeurs', 'gouv_equipe.dependance_financements']) {
      expect(model.itemIndex.has(key), key).toBe(true);
      expect(insiderOnly(key), key).toBe(true);
    }
    // Every other conditional row is for the members who sit in an instance, and no row depends on the collège.
    for (const i of conditional.filter((c) => !byPosition.includes(c))) {
      expect(model.questions.find((q) => q.name === i.question)!.conditions, i.key).toEqual(['{siegeInstance} = true']);
    }
  });
});

// ───────────── Wording ─────────────

/** Every text a respondent reads: page and question titles and descriptions, matrix rows, choices. */
function respondentTexts(json: any): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: unknown) => typeof text === 'string' && out.push({ where, text });
  add('title', json.title);
  add('description', json.description);
  for (const page of json.pages) {
    add(`${page.name}.title`, page.title);
    add(`${page.name}.description`, page.description);
    for (const q of page.elements) {
      add(`${q.name}.title`, q.title);
      add(`${q.name}.description`, q.description);
      for (const r of q.rows ?? []) add(`${q.name}.${r.value}`, r.text);
      for (const c of q.choices ?? []) add(`${q.name}.choice ${c.value}`, c.text);
    }
  }
  for (const t of json.ptce.themes) add(`theme ${t.id}`, t.label);
  return out;
}

/** Leading words and jargon a stakeholder does not use (issue 12). */
const FORBIDDEN: [string, RegExp][] = [
  ['réellement', /\bréellement\b/i],
  ['vraiment', /\bvraiment\b/i],
  ['vrai(e)(s)', /\bvraie?s?\b/i],
  ['véritable(ment)', /\bvéritable(s|ment)?\b/i],
  ['trop', /\btrop\b/i],
  ['pleinement', /\bpleinement\b/i],
  ['activement', /\bactivement\b/i],
  ['clairement', /\bclairement\b/i],
  ['toujours', /\btoujours\b/i],
  ['isomorphisme', /isomorphisme/i],
  ['géométrie variable', /géométrie\s+variable/i],
  ['parties prenantes', /parties\s+prenantes/i],
  ['intelligence collective', /intelligence\s+collective/i],
];
/** A negation in a row whose agreement counts against the pole makes disagreeing a double negative. */
const NEGATIONS: [string, RegExp][] = [
  ['ne … pas/plus/jamais/rien/guère', /\bn(e\b|['’])/i],
  ['pas', /\bpas\b/i],
  ['rarement', /\brarement\b/i],
  ['jamais', /\bjamais\b/i],
  ['peu', /\bpeu\b/i],
  ['aucun(e)', /\baucune?s?\b/i],
  ['sans', /\bsans\b/i],
  ['guère', /\bguère\b/i],
];
const lint = (texts: { where: string; text: string }[], rules: [string, RegExp][]) =>
  texts.flatMap(({ where, text }) => rules.filter(([, re]) => wordMatch(re, text)).map(([name]) => `${where}: « ${name} » in « ${text} »`));
/**
 * Whether the rule matches in the text. JavaScript's \\b only knows ASCII letters (« très » would end at « tr »): each
 * \\b of a rule, which come in pairs (start, end), becomes a boundary that counts accented letters as letters.
 */
function wordMatch(re: RegExp, text: string): boolean {
  const source = re.source.replace(/\\b/g, '§');
  const parts = source.split('§');
  const pattern = parts.map((p, i) => (i === 0 ? p : (i % 2 === 1 ? '(?<!\\p{L})' : '(?!\\p{L})') + p)).join('');
  return new RegExp(pattern, `${re.flags}u`).test(text);
}

const negativeRows = (json: any) => {
  const compiled = compileModel(json);
  return compiled.items.filter((i) => i.polarity === 'negative').map((i) => ({ where: i.key, text: i.label }));
};

describe('ptce-2027: wording', () => {
  it('uses no leading word and no jargon the issue names, anywhere a respondent reads', () => {
    expect(lint(respondentTexts(definition), FORBIDDEN)).toEqual([]);
  });

  it('states every negative row without a negation (disagreeing is never a double negative)', () => {
    const rows = negativeRows(definition);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(lint(rows, NEGATIONS)).toEqual([]);
  });

  it('the same lint finds what the practitioner found in 2026', () => {
    const found2026 = [...lint(respondentTexts(readJson('ptce-2026.json')), FORBIDDEN), ...lint(negativeRows(readJson('ptce-2026.json')), NEGATIONS)].join('\n');
    for (const expected of [
      /avis_pris_en_compte: « réellement »/,
      /consensus_instances: « vrai\(e\)\(s\) »/,
      /poids_financeurs: « trop »/,
      /ctx_isomorphisme\.title: « isomorphisme »/,
      /coop_geometrie\.title: « géométrie variable »/,
      /projets_non_evalues: « rarement »/,
      /dependance_forte: « ne … pas/,
      /charge_structures: « peu »/,
    ]) expect(found2026).toMatch(expected);
    // Accented words are words: « très » is not « trop », « pasteur » is not « pas ».
    expect(wordMatch(/\bpas\b/i, 'Un pasteur passe.')).toBe(false);
    expect(wordMatch(/\bpeu\b/i, 'Ils peuvent.')).toBe(false);
    expect(wordMatch(/\bne\b/i, 'Une personne.')).toBe(false);
    expect(wordMatch(/\bn(e\b|['’])/i, 'Il n’y a')).toBe(true);
  });

  it('asks one thing per row where 2026 asked two, and no longer rewards a pole for skipping consensus or vigilance', () => {
    const rowKeys = new Set(model.items.map((i) => i.row ?? i.question));
    for (const key of ['transmission_savoirs', 'sens_initial', 'processus_ecrit', 'collectivites_absentes', 'cooperation_ponctuelle', 'dilution_sens', 'consensus_bloquant', 'projets_non_evalues']) {
      expect(rowKeys.has(key), key).toBe(false);
      expect(Object.values(renamed).some((old) => old.endsWith(`.${key}`)), key).toBe(false);
    }
    // The vigilance the seed recommends (« tout en préservant le sens initial ») now counts for the pole.
    const vigilance = model.items.find((i) => i.key === 'coop_ouverture.projet_partage_nouveaux')!;
    expect(vigilance).toMatchObject({ theme: 'coop-ouverture', seedRef: 'C-D4', polarity: 'positive' });
    const consensus = model.items.filter((i) => i.seedRef === 'G-D3');
    expect(consensus.every((i) => i.polarity === 'positive')).toBe(true);
  });

  it('explains the maturity ladder for each practice it measures, with an example per level, and not for the venue', () => {
    const ladders = model.questions.filter((q) => q.type === 'radiogroup' && model.itemIndex.has(q.name));
    expect(ladders.length).toBeGreaterThanOrEqual(3);
    const seen = new Set<string>();
    for (const q of ladders) {
      const item = model.items[model.itemIndex.get(q.name)!];
      expect(item.scale, q.name).toBe('maturity');
      expect(model.themes.find((t) => t.id === item.theme)!.role, q.name).not.toBe('coop-lieu-vitrine');
      const choices = partsOf(q.json.choices);
      expect(choices.map((c) => c.value)).toEqual([0, 1, 2, 3]);
      ['Faire avec', 'Faire ensemble', 'Faire corps'].forEach((level, i) => {
        const text = choices[i + 1].label;
        expect(text.startsWith(`${level}\u00a0: `), `${q.name} ${i + 1}`).toBe(true);
        expect(text, `${q.name} ${i + 1}`).toMatch(/\(par exemple, [^)]+\)$/);
        // The example speaks of this practice: no two ladders share a level's text.
        expect(seen.has(text), text).toBe(false);
        seen.add(text);
      });
    }
  });
});

// ───────────── Continuity with 2026 ─────────────

describe('ptce-2027: the renamed mapping and the items shared with 2026', () => {
  const shared = model.items.flatMap((item) => {
    const index = model2026.itemIndex.get(renamed[item.key] ?? item.key);
    return index === undefined ? [] : [{ item, before: model2026.items[index] }];
  });
  const conditionsOf = (m: QuestionnaireModel, question: string) => m.questions.find((q) => q.name === question)!.conditions;

  it('is read from <id>.renamed.json beside a file version and checked like an imported version’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptce-renamed-'));
    try {
      for (const file of ['ptce-2027.json', 'ptce-2027.profile.json']) copyFileSync(join(DEFINITIONS_DIR, file), join(dir, file));
      // Without the file, no mapping (and the mapping file is never taken for a version of its own).
      expect(loadQuestionnaires(dir).get('ptce-2027')!.renamed).toEqual({});
      writeFileSync(join(dir, 'ptce-2027.renamed.json'), JSON.stringify({ ...renamed, 'gouv_debat.inconnue': 'gouv_debat.espaces_debat', 'gouv_debat.espaces_debat': 42 }));
      let error: unknown;
      try {
        loadQuestionnaires(dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(QuestionnaireError);
      expect((error as QuestionnaireError).problems.map((p) => p.path)).toEqual(['renamed["gouv_debat.inconnue"]', 'renamed["gouv_debat.espaces_debat"]']);
      writeFileSync(join(dir, 'ptce-2027.renamed.json'), JSON.stringify(renamed));
      expect([...loadQuestionnaires(dir).keys()]).toEqual(['ptce-2027']);
      expect(loadQuestionnaires(dir).get('ptce-2027')!.renamed).toEqual(renamed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is valid: 2027 keys on the left, 2026 item keys on the right', () => {
    expect(checkRenamed(definition, renamed)).toEqual([]);
    for (const [key, old] of Object.entries(renamed)) {
      expect(model.itemIndex.has(key), key).toBe(true);
      expect(model2026.itemIndex.has(old), old).toBe(true);
      // A mapping is only needed where the key changed.
      expect(model2026.itemIndex.has(key), key).toBe(false);
    }
    expect(new Set(Object.values(renamed)).size).toBe(Object.keys(renamed).length);
  });

  it('compares only rows whose meaning and audience are unchanged', () => {
    expect(shared.length).toBeGreaterThanOrEqual(45);
    for (const { item, before } of shared) {
      expect(item.polarity, item.key).toBe(before.polarity);
      expect(item.scale, item.key).toBe(before.scale);
      // A row moved out of the context keeps its statement but now answers the seed's internal challenge.
      if (item.factor === before.factor) expect(item.seedRef, item.key).toBe(before.seedRef);
      // Asked of the same people: a row now for insiders only is a new row, not the old one.
      expect(conditionsOf(model, item.question), item.key).toEqual(conditionsOf(model2026, before.question));
    }
  });

  it('moves the pole’s own funding and its members’ workload out of the context themes', () => {
    const byOldKey = new Map(shared.map((s) => [s.before.key, s.item]));
    for (const old of ['ctx_financements.ressources_diversifiees', 'ctx_temps.charge_structures']) {
      expect(model2026.items[model2026.itemIndex.get(old)!].factor).toBe('external');
      expect(byOldKey.get(old)?.factor, old).toBe('internal');
    }
    expect(byOldKey.get('ctx_temps.charge_structures')!.theme).toBe('coop-temps-engagement');
    expect(model.items[model.itemIndex.get('gouv_equipe.dependance_financements')!]).toMatchObject({ theme: 'gouv-autonomie-financiere', factor: 'internal', polarity: 'negative' });
    // The external funding theme now speaks of the funding climate only.
    expect(model.items.filter((i) => i.theme === 'ctx-dependance-financements').every((i) => !/\b(ressources du pôle|le pôle dépend)\b/.test(i.label))).toBe(true);
  });

  it('keeps at least one shared item in every theme, so every theme has an evolution', () => {
    for (const t of model.themes) expect(shared.filter((s) => s.item.theme === t.id).length, t.id).toBeGreaterThan(0);
  });
});

// ───────────── Strategic options ─────────────

describe('ptce-2027: strategic options', () => {
  const profile = profileModel(readJson('ptce-2027.profile.json'));
  const values = (role: 'legalForm' | 'charter') => [null, ...partsOf(profile.fields[role]!.json.choices).map((c) => String(c.value))];
  const roles = new Map(model.themes.map((t) => [t.id, themeRoles(t)]));
  const result = (id: string, score: number, factor: 'internal' | 'external'): ThemeResult =>
    ({ id, label: id, dimension: '', factor, seedRefs: [], score, rawScore: score, n: 10, sd: 0, ci: null, groups: [], dissensus: false, swot: swotCategory(score, factor, DEFAULT_THRESHOLDS) }) as unknown as ThemeResult;

  it('answers the weakness of every internal theme with a remedy, whatever the pole’s profile', () => {
    for (const weak of model.themes.filter((t) => t.factor === 'internal')) {
      const themes = model.themes.map((t) => result(t.id, t.id === weak.id ? 30 : 55, t.factor));
      // A pole with every tool and network in place too: the exclusions they bring must leave a remedy.
      const equipped = { employersGroup: true, cressMember: true, rtesMember: true, caeLink: true, dlaSupport: 'en_cours' };
      for (const legalForm of values('legalForm')) for (const charter of values('charter')) for (const venue of [null, true, false]) for (const tools of [{}, equipped]) {
        const facts = { ...NO_POLE_FACTS, ...tools, legalForm, charter, venue };
        const options = selectOptions({ catalogue: STRATEGIC_OPTIONS, themes, items: [], roles, thresholds: DEFAULT_THRESHOLDS, facts });
        expect(options.some((o) => o.themes[0] === weak.id && (o.quadrant === 'WO' || o.quadrant === 'WT')), `${weak.id} ${legalForm} ${charter} ${venue}`).toBe(true);
      }
    }
  });

  it('answers a merged theme’s weakness with the remedies of every theme it took over', () => {
    const weak = model.themes.find((t) => t.id === 'coop-animation-rencontres')!;
    const themes = model.themes.map((t) => result(t.id, t.id === weak.id ? 30 : 55, t.factor));
    const ids = selectOptions({ catalogue: STRATEGIC_OPTIONS, themes, items: [], roles, thresholds: DEFAULT_THRESHOLDS, facts: null }).map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['remede-mediation-dissensus', 'remede-petit-dejeuner-mensuel']));
    // Without alsoRoles, the convivial meetings' remedy would be lost to 2027 poles.
    const primaryOnly = new Map(model.themes.map((t) => [t.id, t.role]));
    expect(selectOptions({ catalogue: STRATEGIC_OPTIONS, themes, items: [], roles: primaryOnly, thresholds: DEFAULT_THRESHOLDS, facts: null }).map((o) => o.id)).not.toContain('remede-petit-dejeuner-mensuel');
  });

  it('lets a plan adopted on a 2026 theme be adopted again and followed on the 2027 theme that took it over', () => {
    const consentement = STRATEGIC_OPTIONS.find((o) => o.id === 'remede-decision-par-consentement')!;
    expect(optionThemeIds(consentement, model2026.themes)).toEqual(['gouv-consensus']);
    expect(optionThemeIds(consentement, model.themes)).toEqual(['gouv-debat-decision']);
    const followUp = computeFollowUp({
      plan: {
        campaignId: 'c2026', year: 2026,
        review: { meetingDate: '2026-09-01', actions: [{ id: 'a1', optionId: consentement.id, title: consentement.title, owner: 'Bureau', due: '2027-01', status: 'realisee', note: '', themeIds: ['gouv-consensus', 'gouv-debat-concertation'] }] as any },
      },
      planThemes: model2026.themes,
      themes: model.themes,
      evolution: { previousCampaign: { id: 'c2026', year: 2026 }, themes: [{ id: 'gouv-debat-decision', label: 'Débat', previous: 50, current: 62, delta: 12, sharedItems: 4 }] },
    });
    // Both 2026 themes merged into one: followed once, with its figures.
    expect(followUp.actions[0].themes).toEqual([{ themeId: 'gouv-debat-decision', label: 'Débat et décisions partagées', before: 50, after: 62, delta: 12 }]);
  });
});
