import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Model } from 'survey-core';
import { isRespondentMeta } from '../../surveys/metadata.ts';
import { registerPtceProperties } from '../../surveys/serializer.ts';
import { checkQuestionnaire } from '../../surveys/check.ts';
import { compileModel } from '../../surveys/model.ts';

const questionnaire = JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8'));
const clone = (): any => structuredClone(questionnaire);
/** The questions of a definition as written, through the compiled model. */
const questionsOf = (json: unknown): any[] => compileModel(json).questions.map((q) => q.json);
const question = (json: any, name: string): any => questionsOf(json).find((q) => q.name === name);
/** A definition without any respondent mark (as stored before the marks existed). */
const unmarked = () => {
  const json = clone();
  for (const q of questionsOf(json)) if (isRespondentMeta(q.ptce)) delete q.ptce;
  return json;
};
const find = (json: unknown, path: string) => checkQuestionnaire(json).filter((i) => i.path === path);
// Profile page: college, position, anciennete, siegeInstance.
const POSITION = 'pages[0].elements[1]';
const ANCIENNETE = 'pages[0].elements[2]';

describe('respondent-profile questions (quasi-identifiers) in ptce-2026', () => {
  it('marks the four profile questions, with generalisations for position and seniority', () => {
    expect(checkQuestionnaire(questionnaire)).toEqual([]);
    expect(question(questionnaire, 'college').ptce).toEqual({ respondent: true });
    expect(question(questionnaire, 'position').ptce).toEqual({
      respondent: true,
      generalize: { animation: 'membre', fondateur: 'membre', membre: 'membre', partenaire: 'partenaire' },
      labels: { membre: 'membre', partenaire: 'partenaire' },
    });
    expect(question(questionnaire, 'anciennete').ptce).toEqual({ respondent: true, bands: [3], unit: 'ans' });
    expect(question(questionnaire, 'siegeInstance').ptce).toEqual({ respondent: true });
    expect(compileModel(questionnaire).quasiIdentifiers.map((q) => q.name)).toEqual(['college', 'position', 'anciennete', 'siegeInstance']);
  });

  it('never takes a respondent mark for scoring metadata', () => {
    const items = compileModel(questionnaire).items;
    expect(items).toEqual(compileModel(unmarked()).items);
    expect(items.some((i) => ['college', 'position', 'anciennete', 'siegeInstance'].includes(i.question))).toBe(false);
    // Even on a radiogroup whose choices are a scored scale.
    const json = clone();
    const ladder = question(json, 'coop_outils_niveau');
    ladder.ptce = { respondent: true };
    expect(compileModel(json).items.some((i) => i.key === 'coop_outils_niveau')).toBe(false);
    expect(checkQuestionnaire(json).filter((i) => !i.path.startsWith('ptce.themes'))).toEqual([]);
  });

  it('lists the profile questions of an unmarked definition too', () => {
    const qis = compileModel(unmarked()).quasiIdentifiers;
    expect(qis.map((q) => q.name)).toEqual(['college', 'position', 'anciennete', 'siegeInstance']);
    expect(qis.every((q) => q.meta === undefined)).toBe(true);
    // Any question the definition marks is one.
    const json = clone();
    json.pages[0].elements.push({ type: 'dropdown', name: 'taille', choices: ['petite', 'grande'], ptce: { respondent: true } });
    expect(checkQuestionnaire(json)).toEqual([]);
    expect(compileModel(json).quasiIdentifiers.map((q) => q.name)).toContain('taille');
  });

  it('keeps the marks through a survey-core round trip', () => {
    registerPtceProperties();
    const out: any = new Model(clone()).toJSON();
    expect(question(out, 'position').ptce).toEqual(question(questionnaire, 'position').ptce);
    expect(checkQuestionnaire(out)).toEqual([]);
  });
});

describe('checkQuestionnaire rejects invalid respondent marks, with a precise path', () => {
  it('requires respondent: true and refuses scoring properties on a profile question', () => {
    const json = clone();
    question(json, 'position').ptce.respondent = 'oui';
    question(json, 'siegeInstance').ptce.theme = 'gouv-debat-concertation';
    expect(find(json, `${POSITION}.ptce.respondent`)[0].message).toMatch(/doit valoir true/);
    expect(find(json, 'pages[0].elements[3].ptce.theme')[0].message).toMatch(/Propriété « theme » inattendue.*n’est pas notée/);
  });

  it('requires every choice to be generalised, and only choices', () => {
    const json = clone();
    const g = question(json, 'position').ptce.generalize;
    delete g.fondateur;
    g.chef = 'membre';
    g.partenaire = '';
    expect(find(json, `${POSITION}.ptce.generalize`).map((i) => i.message)).toEqual(['La valeur « fondateur » de « position » n’a pas de valeur généralisée.']);
    expect(find(json, `${POSITION}.ptce.generalize.chef`)[0].message).toMatch(/« chef » n’est pas une valeur de « position »/);
    expect(find(json, `${POSITION}.ptce.generalize.partenaire`)[0].message).toMatch(/Valeur généralisée manquante/);
  });

  it('covers the « other » choice when offered', () => {
    const json = clone();
    question(json, 'position').showOtherItem = true;
    expect(find(json, `${POSITION}.ptce.generalize`)[0].message).toMatch(/« other »/);
  });

  it('requires a label for each generalised value, and no other', () => {
    const json = clone();
    const meta = question(json, 'position').ptce;
    delete meta.labels.partenaire;
    meta.labels.benevole = 'bénévole';
    expect(find(json, `${POSITION}.ptce.labels`)[0].message).toMatch(/Libellé manquant pour la valeur généralisée « partenaire »/);
    expect(find(json, `${POSITION}.ptce.labels.benevole`)[0].message).toMatch(/n’est pas une valeur généralisée/);
    const none = clone();
    delete question(none, 'position').ptce.labels;
    expect(find(none, `${POSITION}.ptce.labels`)[0].message).toMatch(/Libellés manquants.*membre: …, partenaire: …/);
  });

  it('checks the bands of a number question', () => {
    const json = clone();
    question(json, 'anciennete').ptce.bands = [10, 3, 'x', 80];
    expect(find(json, `${ANCIENNETE}.ptce.bands[1]`)[0].message).toMatch(/strictement croissantes \(10 puis 3\)/);
    expect(find(json, `${ANCIENNETE}.ptce.bands[2]`)[0].message).toMatch(/un nombre est attendu/);
    expect(find(json, `${ANCIENNETE}.ptce.bands[3]`)[0].message).toMatch(/dépasse la valeur maximale \(60\)/);
    const empty = clone();
    question(empty, 'anciennete').ptce.bands = [0];
    expect(find(empty, `${ANCIENNETE}.ptce.bands[0]`)[0].message).toMatch(/tranche vide/);
    const none = clone();
    question(none, 'anciennete').ptce.bands = [];
    expect(find(none, `${ANCIENNETE}.ptce.bands`)[0].message).toMatch(/liste non vide/);
  });

  it('refuses generalisations that do not fit the question type, and unfit types', () => {
    const json = clone();
    question(json, 'position').ptce.bands = [2];
    question(json, 'anciennete').ptce.generalize = { 1: 'peu' };
    question(json, 'siegeInstance').ptce.unit = 'ans';
    expect(find(json, `${POSITION}.ptce.bands`)[0].message).toMatch(/question numérique/);
    expect(find(json, `${ANCIENNETE}.ptce.generalize`)[0].message).toMatch(/question à choix/);
    expect(find(json, 'pages[0].elements[3].ptce.unit')[0].message).toMatch(/accompagne « bands »/);

    const text = clone();
    delete question(text, 'anciennete').inputType;
    delete question(text, 'anciennete').ptce.bands;
    delete question(text, 'anciennete').ptce.unit;
    expect(find(text, `${ANCIENNETE}.ptce`)[0].message).toMatch(/doit être numérique/);
    const comment = clone();
    question(comment, 'verbatimForces').ptce = { respondent: true };
    expect(find(comment, 'pages[6].elements[0].ptce')[0].message).toMatch(/type « comment » ne peut pas être une question de profil/);
  });

  it('refuses a generalisation of the collège (the server groups collèges)', () => {
    const json = clone();
    question(json, 'college').ptce.generalize = { ess: 'ess' };
    expect(find(json, 'pages[0].elements[0].ptce.generalize')[0].message).toMatch(/Autres collèges/);
  });
});
