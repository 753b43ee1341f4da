// The key figures of the pole's profile, against the 2027 form and small fixtures computed by hand: what the form
// declares and refuses, last year's values (by role, or by question name from a form without the role), the change,
// the network's distributions and counts, and the figures in French.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { checkProfileForm } from '../../surveys/check.ts';
import { poleFacts, profileModel, type PoleFacts } from '../../surveys/model.ts';
import { computeKeyFigures, earlierPoleFacts, networkKeyFigures } from '../../reports/analysis/key-figures.ts';
import { formatKeyChange, formatKeyFigure } from '../../reports/key-figures-format.ts';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../surveys/definitions/${file}`, import.meta.url), 'utf8'));
const form2026 = profileModel(read('ptce-2026.profile.json'));
const json2027 = read('ptce-2027.profile.json');
const form2027 = profileModel(json2027);
const questionsOf = (json: any): any[] => json.pages.flatMap((p: any) => p.elements);

const answers = {
  formeJuridique: 'scic', budgetAnnuel: 200000, autofinancement: 35, financementsPublics: { etat: 10000, region: 30000 },
  emploisCrees: 2, emploisMaintenus: 6.5, emploisMutualises: 1.5, equipeAnimation: 0.8, projetsCommuns: 4,
  membresParCollege: { ess: 5, salaries: 3 }, typeTerritoire: 'periurbain', stade: 'emergence', filieres: ['energie'],
  groupementEmployeurs: true, adherentCress: false, accompagnementDla: 'recent',
};

describe('the 2027 profile form', () => {
  it('passes checkProfileForm, loads in survey-core, and holds every fact by role', () => {
    expect(checkProfileForm(json2027)).toEqual([]);
    expect(new Model(json2027).getQuestionByName('financementsPublics').getType()).toBe('multipletext');
    expect(poleFacts(form2027, answers)).toMatchObject({
      legalForm: 'scic', annualBudget: 200000, selfFinancing: 35, publicFunding: { etat: 10000, region: 30000 }, jobsCreated: 2, jobsKept: 6.5,
      pooledJobs: 1.5, facilitationStaff: 0.8, jointProjects: 4, territoryType: 'periurbain', stage: 'emergence', sectors: ['energie'],
      employersGroup: true, cressMember: false, rtesMember: null, dlaSupport: 'recent', caeLink: null, stateCall: null,
    });
    // The names of the 2026 form are kept, so that last year's answers are offered again.
    for (const q of form2026.questions) expect(form2027.questions.map((x) => x.name), q.name).toContain(q.name);
  });

  it('refuses a number fact without bounds: amounts never negative, a percentage within 0..100', () => {
    const json = structuredClone(json2027);
    const byName = (name: string) => questionsOf(json).find((q) => q.name === name);
    delete byName('budgetAnnuel').min;
    byName('autofinancement').max = 150;
    byName('emploisCrees').inputType = 'text';
    byName('financementsPublics').items[2].min = -100;
    const issues = checkProfileForm(json).map((i) => `${i.path} ${i.message}`);
    expect(issues).toHaveLength(4);
    expect(issues.some((m) => /« budgetAnnuel » porte le rôle « annualBudget » \(budget annuel\) : elle doit être numérique \(inputType « number »\) avec min ≥ 0\./.test(m))).toBe(true);
    expect(issues.some((m) => /« autofinancement ».*min ≥ 0 et max ≤ 100/.test(m))).toBe(true);
    expect(issues.some((m) => /« emploisCrees » ne peut pas porter le rôle « jobsCreated ».*numérique/.test(m))).toBe(true);
    expect(issues.some((m) => /items\[2\] Le champ « departement » de « financementsPublics »/.test(m))).toBe(true);
  });
});

describe('the key figures of a pole', () => {
  const last2026 = { formeJuridique: 'association', autofinancement: 20, emploisMutualises: 2, projetsCommuns: 4, membresParCollege: { ess: 4 } };

  it('reads last year’s form by role, and by question name for a fact it held without a role', () => {
    const earlier = earlierPoleFacts(form2027, form2026, last2026);
    expect(earlier).toMatchObject({ legalForm: 'association', selfFinancing: 20, pooledJobs: 2, jointProjects: 4, membersPerCollege: { ess: 4 }, annualBudget: null });
    // Read through its own form alone, the 2026 profile says nothing of them.
    expect(poleFacts(form2026, last2026)).toMatchObject({ selfFinancing: null, pooledJobs: null, jointProjects: null });
  });

  it('gives each figure the form declares, last year’s, and the change; public funding as its total and levels', () => {
    const result = computeKeyFigures({
      form: form2027,
      facts: poleFacts(form2027, answers),
      previous: { campaign: { id: 'c25', year: 2025 }, form: form2026, facts: earlierPoleFacts(form2027, form2026, last2026) },
    });
    expect(result.previousCampaign).toEqual({ id: 'c25', year: 2025 });
    const byId = new Map(result.figures.map((f) => [f.id, f]));
    expect([...byId.keys()]).toEqual([
      'annualBudget', 'selfFinancing', 'publicFunding', 'publicFunding.etat', 'publicFunding.region', 'publicFunding.departement',
      'publicFunding.intercommunalite_commune', 'publicFunding.union_europeenne', 'jobsCreated', 'jobsKept', 'pooledJobs', 'facilitationStaff',
      'jointProjects', 'membersPerCollege',
    ]);
    expect(byId.get('selfFinancing')).toMatchObject({ value: 35, previous: 20, change: 15, unit: 'percent' });
    expect(byId.get('pooledJobs')).toMatchObject({ value: 1.5, previous: 2, change: -0.5 });
    expect(byId.get('jointProjects')).toMatchObject({ value: 4, previous: 4, change: 0 });
    expect(byId.get('publicFunding')).toMatchObject({ value: 40000, previous: null, change: null, partOf: null });
    expect(byId.get('publicFunding.etat')).toMatchObject({ label: 'État', value: 10000, partOf: 'publicFunding' });
    expect(byId.get('membersPerCollege')).toMatchObject({ value: 8, previous: 4, change: 4 });
    const fact = new Map(result.facts.map((f) => [f.id, f]));
    expect(fact.get('territoryType')).toEqual({ id: 'territoryType', label: 'Type de territoire', value: 'Périurbain', previous: null, changed: false });
    expect(fact.get('dlaSupport')!.value).toBe('Oui, terminé il y a moins de deux ans');
    expect(fact.get('employersGroup')!.value).toBe('Oui');
    expect(fact.get('caeLink')!.value).toBeNull();
  });

  it('says which facts changed since last year, and only the figures a form without them declares', () => {
    const facts = poleFacts(form2027, answers);
    const changed = computeKeyFigures({ form: form2027, facts, previous: { campaign: { id: 'c', year: 2025 }, form: form2027, facts: { ...facts, stage: 'developpement', sectors: ['energie'] } } });
    expect(changed.facts.find((f) => f.id === 'stage')).toMatchObject({ value: 'Émergence', previous: 'Développement', changed: true });
    expect(changed.facts.find((f) => f.id === 'sectors')!.changed).toBe(false);
    const old = computeKeyFigures({ form: form2026, facts: poleFacts(form2026, last2026), previous: null });
    expect(old).toEqual({ previousCampaign: null, facts: [], figures: [{ id: 'membersPerCollege', label: 'Structures membres', unit: 'count', partOf: null, value: 4, previous: null, change: null }] });
  });
});

describe('the key figures across the network', () => {
  it('distributes each figure over the poles that gave it, and counts the poles per answer', () => {
    const pole = (more: Record<string, unknown>): PoleFacts => poleFacts(form2027, { ...answers, ...more });
    const result = networkKeyFigures(form2027, [
      pole({ budgetAnnuel: 100, filieres: ['energie', 'numerique'] }),
      pole({ budgetAnnuel: 200, typeTerritoire: 'rural' }),
      pole({ budgetAnnuel: undefined, filieres: [] }),
      pole({ budgetAnnuel: 400 }),
      null,
    ]);
    expect(result.poles).toBe(4);
    // 100, 200, 400: Q1 = 150, median 200, Q3 = 300.
    expect(result.figures.find((f) => f.id === 'annualBudget')!.distribution).toEqual({ n: 3, min: 100, q1: 150, median: 200, q3: 300, max: 400 });
    const territory = result.facts.find((f) => f.id === 'territoryType')!;
    expect(territory.answered).toBe(4);
    expect(territory.counts.map((c) => [c.value, c.count])).toEqual([['urbain', 0], ['periurbain', 3], ['rural', 1], ['mixte', 0]]);
    const sectors = result.facts.find((f) => f.id === 'sectors')!;
    expect(sectors.answered).toBe(3);
    expect(sectors.counts.filter((c) => c.count).map((c) => [c.label, c.count])).toEqual([['Énergie et rénovation énergétique', 3], ['Numérique', 1]]);
    expect(result.facts.find((f) => f.id === 'employersGroup')!.counts).toEqual([{ value: 'true', label: 'Oui', count: 4 }, { value: 'false', label: 'Non', count: 0 }]);
  });
});

describe('key figures in French', () => {
  it('writes amounts, percentages, FTE and counts, and their change (points for a percentage)', () => {
    const plain = (s: string) => s.replace(/\u202F/g, ' ');
    expect(plain(formatKeyFigure(1234567.4, 'euro'))).toBe('1 234 567 €');
    expect(plain(formatKeyFigure(42.55, 'percent'))).toBe('42,6 %');
    expect(plain(formatKeyFigure(3, 'fte'))).toBe('3 ETP');
    expect(formatKeyFigure(2.25, 'count')).toBe('2,3');
    expect(formatKeyFigure(null, 'euro')).toBe('–');
    expect(plain(formatKeyChange(15, 'percent'))).toBe('+15 points');
    expect(plain(formatKeyChange(-1, 'percent'))).toBe('−1 point');
    expect(plain(formatKeyChange(-0.5, 'fte'))).toBe('−0,5 ETP');
    expect(plain(formatKeyChange(12000, 'euro'))).toBe('+12 000 €');
    expect(formatKeyChange(0, 'count')).toBe('0');
    expect(formatKeyChange(-0.01, 'count')).toBe('0');
    expect(formatKeyChange(null, 'count')).toBe('–');
  });
});
