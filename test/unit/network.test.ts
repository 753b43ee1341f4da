// Network aggregation against a small fixture computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { computeNetworkResults, distribution, type NetworkInput } from '../../reports/analysis/network.ts';
import { NO_POLE_FACTS } from '../../surveys/model.ts';

const input: NetworkInput = {
  campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
  themes: [
    // One item per theme here: a theme's figures are its items' (pole report and network alike).
    { id: 't1', label: 'Débat', dimension: 'gov', factor: 'internal', items: [0] },
    { id: 't2', label: 'Évaluation', dimension: 'gov', factor: 'internal', items: [1] },
    { id: 't3', label: 'Soutien public', dimension: 'ctx', factor: 'external', items: [2] },
  ],
  dimensions: [{ id: 'gov', label: 'Gouvernance', factor: 'internal' }, { id: 'ctx', label: 'Contexte', factor: 'external' }],
  colleges: [{ id: 'A', label: 'Collège A' }, { id: 'B', label: 'Collège B' }],
  profileQuestions: [
    { name: 'formeJuridique', label: 'Forme juridique', role: 'legalForm', choices: [{ value: 'association', label: 'Association' }, { value: 'ues', label: 'UES' }, { value: 'aucune', label: 'Aucune' }], kind: 'single' },
    { name: 'lieuVitrine', label: 'Lieu vitrine', role: null, choices: null, kind: 'single' },
    { name: 'membres', label: 'Membres', role: 'membersPerCollege', choices: [{ value: 'A', label: 'Collège A' }, { value: 'B', label: 'Collège B' }], kind: 'sum' },
    { name: 'soutienCollectivites', label: 'Soutien', role: null, choices: [{ value: 'financier', label: 'Financier' }, { value: 'technique', label: 'Technique' }], kind: 'multiple' },
  ],
  poles: [
    {
      // Groups (k = 2): A (2), B (2), nothing merged.
      // t1: A (80+60)/2 = 70, B (20+40)/2 = 30 → 50, spread 40 (dissensus) ; t2: A (40+20)/2 = 30, B has one scorer
      // (< k): left out → 30 (weakness), no spread ; t3: A 60, B 80 → 70 (opportunity), spread 20 (dissensus).
      // Overall: gov = (50 + 30)/2 = 40
      id: 'p1', name: 'Pôle 1', region: 'Bretagne', invited: 6,
      profile: { formeJuridique: 'association', lieuVitrine: true, soutienCollectivites: ['financier', 'technique'], anneeCreation: 2010, membres: { A: 5, B: 2 } },
      facts: { ...NO_POLE_FACTS, legalForm: 'association', foundingYear: 2010, membersPerCollege: { A: 5, B: 2 }, charter: null, venue: null },
      responses: [
        { college: 'A', items: [80, 40, 70] }, { college: 'A', items: [60, 20, 50] },
        { college: 'B', items: [20, 40, 90] }, { college: 'B', items: [40, null, 70] },
      ],
      participation: [{ college: 'A', invited: 3, submitted: 2 }, { college: 'B', invited: 2, submitted: 2 }, { college: null, invited: 1, submitted: 0 }],
    },
    {
      // A and B have 1 response each (< k): one group « Autres » of 2, so no spread.
      // t1: 90, 70 → 80 (strength) ; t2: 70, 50 → 60 ; t3: 30 → 30 (threat). Overall 70
      id: 'p2', name: 'Pôle 2', region: 'Occitanie', invited: 2,
      profile: { formeJuridique: 'association', lieuVitrine: false, soutienCollectivites: ['financier'], membres: { A: 3 } },
      facts: { ...NO_POLE_FACTS, legalForm: 'association', foundingYear: null, membersPerCollege: { A: 3 }, charter: null, venue: null },
      responses: [{ college: 'A', items: [90, 70, 30] }, { college: 'B', items: [70, 50, 30] }],
      participation: [{ college: 'A', invited: 1, submitted: 1 }, { college: 'B', invited: 1, submitted: 1 }],
    },
    {
      // Under k = 2: participation only.
      id: 'p3', name: 'Pôle 3', region: null, invited: 4, profile: { formeJuridique: 'ues', lieuVitrine: true },
      facts: { ...NO_POLE_FACTS, legalForm: 'ues', foundingYear: null, membersPerCollege: {}, charter: null, venue: null },
      responses: [{ college: 'A', items: [10, 10, 10] }],
      participation: [{ college: 'A', invited: 4, submitted: 1 }],
    },
    {
      id: 'p4', name: 'Pôle 4', region: null, invited: 2, profile: null, facts: null,
      responses: [{ college: 'A', items: [50, 50, 50] }, { college: 'A', items: [50, 50, 50] }],
      participation: [{ college: 'A', invited: 2, submitted: 2 }],
    },
  ],
  minGroupSize: 2,
  thresholds: { high: 65, low: 45 },
  dissensusThreshold: 20,
};

describe('distribution', () => {
  it('interpolates quartiles between order statistics', () => {
    expect(distribution([50, 80, 50, null])).toEqual({ n: 3, min: 50, q1: 50, median: 50, q3: 65, max: 80 });
    expect(distribution([1, 2, 3, 4])).toEqual({ n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(distribution([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(distribution([null])).toEqual({ n: 0, min: null, q1: null, median: null, q3: null, max: null });
  });
});

describe('network results', () => {
  const r = computeNetworkResults(input);

  it('scores each pole like its own report, and keeps poles under k out of the distributions', () => {
    expect(r.polesWithResults).toBe(3);
    const p = Object.fromEntries(r.poles.map((x) => [x.id, x]));
    expect(p.p1).toMatchObject({ available: true, submitted: 4, invited: 6, scores: [50, 30, 70], overall: 40, legalForm: 'association', foundedYear: 2010 });
    expect(p.p2).toMatchObject({ scores: [80, 60, 30], overall: 70 });
    expect(p.p3).toMatchObject({ available: false, submitted: 1, scores: [null, null, null], overall: null });
    expect(p.p4.scores).toEqual([50, 50, 50]);
  });

  it('gives each theme’s distribution over poles', () => {
    // t1 over [50, 80, 50]; t2 over [30, 60, 50] → sorted 30, 50, 60: q1 = 30 + 0.5 × 20 = 40, q3 = 50 + 0.5 × 10 = 55
    expect(r.themes[0].distribution).toEqual({ n: 3, min: 50, q1: 50, median: 50, q3: 65, max: 80 });
    expect(r.themes[1].distribution).toEqual({ n: 3, min: 30, q1: 40, median: 50, q3: 55, max: 60 });
    // overall over [40, 70, 50] → sorted 40, 50, 70: q1 45, q3 60
    expect(r.overall).toEqual({ n: 3, min: 40, q1: 45, median: 50, q3: 60, max: 70 });
  });

  it('ranks the weaknesses, threats and dissensus that poles share', () => {
    expect(r.themes.map((t) => [t.weakPoles, t.dissensusPoles])).toEqual([[0, 1], [1, 0], [1, 1]]);
    expect(r.frequentWeaknesses).toEqual(['t2']);
    expect(r.frequentThreats).toEqual(['t3']);
    expect(r.dissensus).toEqual(['t1', 't3']);
  });

  it('adds participation up per collège across poles', () => {
    expect(r.participation).toEqual({
      invited: 14,
      submitted: 9,
      colleges: [
        { college: 'A', label: 'Collège A', invited: 10, submitted: 6 },
        { college: 'B', label: 'Collège B', invited: 3, submitted: 3 },
        { college: null, label: 'Collège non renseigné', invited: 1, submitted: 0 },
      ],
    });
  });

  it('counts the poles’ profile answers as in the seed’s tables', () => {
    expect(r.profile.formeJuridique).toEqual({
      label: 'Forme juridique', role: 'legalForm', kind: 'single', answered: 3,
      counts: [{ value: 'association', label: 'Association', count: 2 }, { value: 'ues', label: 'UES', count: 1 }, { value: 'aucune', label: 'Aucune', count: 0 }],
    });
    expect(r.profile.lieuVitrine.counts).toEqual([{ value: 'false', label: 'Non', count: 1 }, { value: 'true', label: 'Oui', count: 2 }]);
    expect(r.profile.membres).toEqual({ label: 'Membres', role: 'membersPerCollege', kind: 'sum', answered: 2, counts: [{ value: 'A', label: 'Collège A', count: 8 }, { value: 'B', label: 'Collège B', count: 2 }] });
    expect(r.profile.soutienCollectivites).toMatchObject({ answered: 2, counts: [{ value: 'financier', count: 2 }, { value: 'technique', count: 1 }] });
  });

  it('groups each pole’s collèges from its own responses, as its report does', () => {
    // k = 3: A 3, B 4, C 1. C goes to « Autres » (1 < 3) ; the smallest other collège, A (3), joins: Autres = {A, C}, 4.
    // B = 50 ; Autres = (10 + 20 + 30 + 90)/4 = 37.5 → score (50 + 37.5)/2 = 43.75, spread 12.5.
    // (Under the old rule C's 90 counted on its own: (20 + 50 + 90)/3 = 53.33, and 3 × score − A − B gave it back.)
    const pole: NetworkInput['poles'][number] = {
      id: 'p5', name: 'Pôle 5', region: null, invited: 8, profile: null, facts: null,
      responses: [10, 20, 30].map((v) => ({ college: 'A', items: [v, null, null] }))
        .concat([50, 50, 50, 50].map((v) => ({ college: 'B', items: [v, null, null] })))
        .concat([{ college: 'C', items: [90, null, null] }]),
      participation: [{ college: 'A', invited: 3, submitted: 3 }, { college: 'B', invited: 4, submitted: 4 }, { college: 'C', invited: 1, submitted: 1 }],
    };
    const colleges = [...input.colleges, { id: 'C', label: 'Collège C' }];
    const one = computeNetworkResults({ ...input, colleges, poles: [pole], minGroupSize: 3, dissensusThreshold: 10 });
    expect(one.poles[0].scores).toEqual([43.75, null, null]);
    expect(one.themes[0].dissensusPoles).toBe(1);
  });
});
