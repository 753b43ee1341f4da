// Each pole's change between two campaigns, and the « pôles à accompagner » rule, on fixtures computed by hand.
import { describe, expect, it } from 'vitest';
import { computeNetworkResults, type NetworkInput, type NetworkPoleInput } from '../../reports/analysis/network.ts';
import { poleChanges } from '../../reports/analysis/network-change.ts';
import { polesToSupport, supportMinWeaknesses } from '../../reports/analysis/network-support.ts';
import type { NetworkPoleResult } from '../../reports/contract/network.ts';

const colleges = [{ id: 'A', label: 'Collège A' }];
const themes: NetworkInput['themes'] = [
  // Three items: t1 is measured by items 0 and 1, t2 by item 2.
  { id: 't1', label: 'Débat', dimension: 'gov', factor: 'internal', items: [0, 1] },
  { id: 't2', label: 'Évaluation', dimension: 'coop', factor: 'internal', items: [2] },
];
const dimensions: NetworkInput['dimensions'] = [
  { id: 'gov', label: 'Gouvernance', factor: 'internal' },
  { id: 'coop', label: 'Coopération', factor: 'internal' },
];
const respond = (...rows: (number | null)[][]): NetworkPoleInput['responses'] => rows.map((items) => ({ college: 'A', items }));
const input = (poles: { id: string; responses: NetworkPoleInput['responses'] }[]): NetworkInput => ({
  campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
  themes, dimensions, colleges, profileQuestions: [],
  poles: poles.map(({ id, responses }) => ({ id, name: id, region: null, profile: null, facts: null, responses, invited: 3, participation: [] })),
  minGroupSize: 2, thresholds: { high: 65, low: 45 }, dissensusThreshold: 20,
});
const scoring = { themes, internalDimensions: ['gov', 'coop'], colleges, minGroupSize: 2 };

describe('poleChanges', () => {
  // 2026: p1 items (60, 80, 40) and (40, 60, 60) → item means 50, 70, 50: t1 60, t2 50, overall 55.
  //       p2 has one response (< k = 2): no results, no change.
  const now = input([
    { id: 'p1', responses: respond([60, 80, 40], [40, 60, 60]) },
    { id: 'p2', responses: respond([50, 50, 50]) },
  ]);
  const current = computeNetworkResults(now);

  it('with the same version, is exactly the difference of the two campaigns’ scores', () => {
    // 2025: p1 items means 40, 40, 70: t1 40, t2 70, overall 55 → change t1 +20, t2 −20, overall 0.
    const before = input([{ id: 'p1', responses: respond([30, 40, 80], [50, 40, 60]) }, { id: 'p2', responses: respond([10, 10, 10], [20, 20, 20]) }]);
    const previous = computeNetworkResults(before);
    const changes = poleChanges({
      scoring,
      previousItem: [0, 1, 2],
      poles: current.poles.map((result, i) => ({ result, responses: now.poles[i].responses })),
      previous: new Map(before.poles.map((p) => [p.id, p.responses])),
    });
    const p1 = changes.get('p1')!;
    expect(p1).toEqual({ overall: 0, themes: { t1: 20, t2: -20 } });
    const [a, b] = [current.poles[0], previous.poles[0]];
    expect(p1.themes.t1).toBe(a.scores[0]! - b.scores[0]!);
    expect(p1.themes.t2).toBe(a.scores[1]! - b.scores[1]!);
    expect(p1.overall).toBe(a.overall! - b.overall!);
    // Without results this year, no change (even with results last year).
    expect(changes.get('p2')).toEqual({ overall: null, themes: { t1: null, t2: null } });
  });

  it('across versions, compares only shared items, a renamed item under its earlier index', () => {
    // The earlier version had two items: index 0 is today's item 2 (same key), index 1 today's item 0 (renamed);
    // today's item 1 is new. 2025 responses (earlier layout): (70, 20) and (30, 40) → item means 50, 30.
    const before = [{ id: 'p1', responses: respond([70, 20], [30, 40]) }];
    const changes = poleChanges({
      scoring,
      previousItem: [1, undefined, 0],
      poles: current.poles.map((result, i) => ({ result, responses: now.poles[i].responses })),
      previous: new Map(before.map((p) => [p.id, p.responses])),
    });
    // Shared: t1 on item 0 only: now 50, then 30 → +20 (not the theme's 60 with the new item). t2 on item 2: now 50,
    // then 50 → 0. Overall on shared items: now (50 + 50) / 2 = 50, then (30 + 50) / 2 = 40 → +10.
    expect(changes.get('p1')).toEqual({ overall: 10, themes: { t1: 20, t2: 0 } });
  });
});

describe('pôles à accompagner', () => {
  const p = (id: string, overall: number | null, weaknesses: number): NetworkPoleResult => ({
    id, name: id, region: null, legalForm: null, foundedYear: null, invited: 5, submitted: overall === null ? 1 : 5, available: overall !== null,
    overall, scores: [], weaknesses, dissensusThemes: 0,
  });
  // Overall scores 30, 40, 50, 60, 70 → Q1 at h = 1: 40. 9 internal themes: half is 5 (rounded up).
  const poles = [p('e', 70, 5), p('b', 40, 0), p('d', 60, 4), p('a', 30, 1), p('c', 50, 2), p('x', null, 9)];
  const support = polesToSupport(poles, { n: 5, min: 30, q1: 40, median: 50, q3: 60, max: 70 }, { high: 65, low: 45 }, 9);

  it('lists the poles in the bottom quarter or weak on half their internal themes, lowest overall first', () => {
    expect([supportMinWeaknesses(9), supportMinWeaknesses(21), supportMinWeaknesses(0)]).toEqual([5, 11, 1]);
    // a (30 ≤ 40), b (40 ≤ 40: at the quartile), e (70 but 5 weaknesses); not d (4 weaknesses, 60), not x (no results).
    expect(support.poles).toEqual(['a', 'b', 'e']);
    expect(support.criteria).toEqual({ overallAtMost: 40, minWeaknesses: 5 });
  });

  it('states the rule with its figures', () => {
    expect(support.rule).toBe(
      'Pôles dont le score global est dans le quart le plus bas des 5 pôles avec résultats (au plus 40,0, premier quartile), ou qui comptent au moins 5 faiblesses, soit la moitié de leurs 9 thèmes internes (notés au plus 45,0).',
    );
  });
});
