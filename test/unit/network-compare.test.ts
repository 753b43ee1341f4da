// Groups of poles side by side, on a small fixture whose medians and quartiles are computed by hand in the comments
// (QUARTILE.INC: rank h = (n − 1) × p from 0, linear interpolation).
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, COMPARE_MIN_POLES, ageBandOf, comparePoles } from '../../reports/analysis/network-compare.ts';
import type { NetworkPoleResult, NetworkResults } from '../../reports/contract/network.ts';

const DIST_NONE = { n: 0, min: null, q1: null, median: null, q3: null, max: null };

function pole(id: string, facts: { legalForm?: string | null; region?: string | null; founded?: number | null }, scores: [number, number] | null): NetworkPoleResult {
  return {
    id, name: `Pôle ${id}`, region: facts.region ?? null, legalForm: facts.legalForm ?? null, foundedYear: facts.founded ?? null,
    invited: 10, submitted: scores ? 5 : 1, available: scores !== null,
    // The overall score is the first theme's here (only it is internal), to keep the arithmetic short.
    overall: scores ? scores[0] : null, scores: scores ?? [null, null], weaknesses: 0, dissensusThemes: 0,
  };
}

function results(poles: NetworkPoleResult[]): NetworkResults {
  return {
    campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
    minGroupSize: 3,
    thresholds: { high: 65, low: 45 },
    polesWithResults: poles.filter((p) => p.available).length,
    themes: [
      { id: 't1', label: 'Débat', dimension: 'gov', factor: 'internal', distribution: DIST_NONE, weakPoles: 0, dissensusPoles: 0, alpha: null, alphaRespondents: 0, nspItems: [] },
      { id: 't2', label: 'Soutien', dimension: 'ctx', factor: 'external', distribution: DIST_NONE, weakPoles: 0, dissensusPoles: 0, alpha: null, alphaRespondents: 0, nspItems: [] },
    ],
    poles,
    frequentWeaknesses: [], frequentThreats: [], dissensus: [],
    participation: { invited: 0, submitted: 0, colleges: [] },
    profile: {
      formeJuridique: {
        label: 'Forme juridique', role: 'legalForm', kind: 'single', answered: 0,
        counts: [{ value: 'association', label: 'Association', count: 0 }, { value: 'scic', label: 'SCIC', count: 0 }, { value: 'ues', label: 'UES', count: 0 }],
      },
    },
    overall: DIST_NONE,
    support: { rule: '', poles: [], criteria: { overallAtMost: null, minWeaknesses: 5 } },
    actions: { options: [], ownActions: 0, poles: 0 },
  };
}

describe('comparePoles by legal form', () => {
  const fixture = results([
    // Associations (6): t1 10, 20, 30, 40, 50, 60 → h = 1.25, 2.5, 3.75: Q1 22.5, median 35, Q3 47.5.
    pole('a1', { legalForm: 'association' }, [10, 70]),
    pole('a2', { legalForm: 'association' }, [20, 70]),
    pole('a3', { legalForm: 'association' }, [30, 70]),
    pole('a4', { legalForm: 'association' }, [40, 70]),
    pole('a5', { legalForm: 'association' }, [50, 70]),
    pole('a6', { legalForm: 'association' }, [60, 80]),
    // SCIC (5): t1 5, 15, 25, 35, 45 → h = 1, 2, 3: Q1 15, median 25, Q3 35. t2 all 40.
    pole('s1', { legalForm: 'scic' }, [45, 40]),
    pole('s2', { legalForm: 'scic' }, [5, 40]),
    pole('s3', { legalForm: 'scic' }, [35, 40]),
    pole('s4', { legalForm: 'scic' }, [15, 40]),
    pole('s5', { legalForm: 'scic' }, [25, 40]),
    // A sixth SCIC without results does not count: groups are of poles with results.
    pole('s6', { legalForm: 'scic' }, null),
    // One UES and one pole without a profile: 2 < 5, merged into « autres », too small for figures.
    pole('u1', { legalForm: 'ues' }, [90, 90]),
    pole('x1', {}, [80, 80]),
  ]);
  const c = comparePoles(fixture, 'legalForm');

  it('keeps groups of at least 5 poles with results, largest first, and merges the rest into « autres »', () => {
    expect(COMPARE_MIN_POLES).toBe(5);
    expect(c.polesWithResults).toBe(13);
    expect(c.groups.map((g) => [g.label, g.poles, g.merged])).toEqual([
      ['Association', 6, false],
      ['SCIC', 5, false],
      ['autres', 2, true],
    ]);
    expect(c.groups[2].values).toEqual([
      { value: 'ues', label: 'UES', poles: 1 },
      { value: null, label: 'forme juridique non renseignée', poles: 1 },
    ]);
    expect(c.groups[2].overall).toBeNull();
    expect(c.groups[2].themes).toBeNull();
    expect(c.bands).toBeNull();
    expect(c.label).toBe('Forme juridique');
  });

  it('gives each group’s median and quartiles as computed by hand', () => {
    const [associations, scic] = c.groups;
    expect(associations.themes!.t1).toEqual({ n: 6, min: 10, q1: 22.5, median: 35, q3: 47.5, max: 60 });
    // t2: 70 ×5 and 80 → h = 1.25, 2.5: 70, 70; h = 3.75: 70 + 0.75 × 0 = 70.
    expect(associations.themes!.t2).toEqual({ n: 6, min: 70, q1: 70, median: 70, q3: 70, max: 80 });
    expect(associations.overall).toEqual(associations.themes!.t1);
    expect(scic.themes!.t1).toEqual({ n: 5, min: 5, q1: 15, median: 25, q3: 35, max: 45 });
    expect(scic.themes!.t2).toEqual({ n: 5, min: 40, q1: 40, median: 40, q3: 40, max: 40 });
  });

  it('shows « autres » once it reaches 5 poles', () => {
    // Five single-pole regions: one « autres » of 5, with figures: t1 10, 20, 30, 40, 50 → Q1 20, median 30, Q3 40.
    const byRegion = comparePoles(results(['Bretagne', 'Occitanie', 'Normandie', 'Grand Est', null].map((region, i) => pole(`r${i}`, { region }, [10 * (i + 1), 50]))), 'region');
    expect(byRegion.groups).toHaveLength(1);
    const [rest] = byRegion.groups;
    expect(rest).toMatchObject({ label: 'autres', merged: true, poles: 5, overall: { n: 5, q1: 20, median: 30, q3: 40 } });
    expect(rest.values.map((v) => v.label)).toEqual(['Bretagne', 'Grand Est', 'Normandie', 'Occitanie', 'région non renseignée']);
  });
});

describe('comparePoles by age band', () => {
  it('states its bands and places each pole by its age in the campaign’s year', () => {
    expect(AGE_BANDS.map((b) => b.label)).toEqual(['moins de 5 ans', '5 à 9 ans', '10 à 14 ans', '15 ans et plus']);
    expect(ageBandOf(2022, 2026)?.label).toBe('moins de 5 ans'); // 4 years
    expect(ageBandOf(2021, 2026)?.label).toBe('5 à 9 ans'); // 5 years
    expect(ageBandOf(2012, 2026)?.label).toBe('10 à 14 ans'); // 14 years
    expect(ageBandOf(2011, 2026)?.label).toBe('15 ans et plus');
    expect(ageBandOf(2027, 2026)).toBeNull(); // founded after the campaign: not an age
    expect(ageBandOf(null, 2026)).toBeNull();

    const founded = [2014, 2013, 2012, 2015, 2016, /* 10–14: 5 poles */ 2020, 2019, /* 5–9 */ 2024 /* < 5 */];
    const c = comparePoles(results(founded.map((year, i) => pole(`p${i}`, { founded: year }, [10 * (i + 1), 50]))), 'ageBand');
    expect(c.bands).toEqual(AGE_BANDS);
    expect(c.groups.map((g) => [g.label, g.poles])).toEqual([
      ['10 à 14 ans', 5],
      ['autres', 3],
    ]);
    // 10–14: t1 10, 20, 30, 40, 50 → median 30.
    expect(c.groups[0].themes!.t1.median).toBe(30);
    // Merged bands keep the bands' order.
    expect(c.groups[1].values.map((v) => [v.label, v.poles])).toEqual([
      ['moins de 5 ans', 1],
      ['5 à 9 ans', 2],
    ]);
  });
});
