// Intervals around a pole's scores and the « à confirmer » rule: hand computations on small fixtures (comments),
// properties over random poles, and the curious coordinator's attacks (a hidden cell, a new batch).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePoleResults, type PoleResultsInput, type SubmittedResponse } from '../../reports/analysis/index.ts';
import { groupSpreads, itemInterval, studentQuantile, themeInterval, uncertainThemes } from '../../reports/analysis/uncertainty.ts';
import { questionnaireModel } from '../../surveys/model.ts';
import type { Interval, PoleResults } from '../../reports/types.ts';

describe('Student’s t quantile', () => {
  it('matches the tables, fractional df included', () => {
    // t(0.95; df), as printed in tables and by scipy.stats.t.ppf.
    expect(studentQuantile(0.95, 1)).toBeCloseTo(6.313752, 5);
    expect(studentQuantile(0.95, 2)).toBeCloseTo(2.919986, 5);
    expect(studentQuantile(0.95, 3)).toBeCloseTo(2.353363, 5);
    expect(studentQuantile(0.95, 10)).toBeCloseTo(1.812461, 5);
    expect(studentQuantile(0.95, 30)).toBeCloseTo(1.697261, 5);
    expect(studentQuantile(0.95, 3.2)).toBeCloseTo(2.294594, 5);
    expect(studentQuantile(0.95, 1e6)).toBeCloseTo(1.644854, 4);
  });
});

describe('an item’s interval, by hand', () => {
  it('one group: the usual t-interval on its mean', () => {
    // {50, 50, 75, 75}: mean 62.5, s² = 4 × 12.5² / 3 = 208.33, SE = √(208.33 / 4) = 7.2169 ; t(0.95; 3) = 2.353363
    // → half-width 16.984: [45.516, 79.484].
    const interval = itemInterval(62.5, groupSpreads([[50, 50, 75, 75]]))!;
    expect(interval.low).toBeCloseTo(45.516, 3);
    expect(interval.high).toBeCloseTo(79.484, 3);
    expect(interval.level).toBe(0.9);
  });

  it('two groups weigh the same: SE of the mean of group means, Welch–Satterthwaite df', () => {
    // A {50, 75, 100}: mean 75, s² = 625, s²/n = 208.33 ; B {25, 25, 50}: mean 33.33, s² = 208.33, s²/n = 69.44.
    // Score (75 + 33.33)/2 = 54.167 ; SE = √(208.33 + 69.44)/2 = 8.3333 ;
    // df = 277.78² / (208.33²/2 + 69.44²/2) = 3.2 ; t(0.95; 3.2) = 2.294594 → half-width 19.122: [35.045, 73.288].
    const interval = itemInterval(54.1667, groupSpreads([[50, 75, 100], [25, 25, 50]]))!;
    expect(interval.low).toBeCloseTo(54.1667 - 19.1216, 3);
    expect(interval.high).toBeCloseTo(54.1667 + 19.1216, 3);
  });

  it('is null under two values in a shown group, the score itself when nobody differs, cut at 0 and 100', () => {
    expect(itemInterval(50, groupSpreads([[50]]))).toBeNull();
    expect(itemInterval(null, groupSpreads([]))).toBeNull();
    expect(itemInterval(75, groupSpreads([[75, 75, 75]]))).toEqual({ low: 75, high: 75, level: 0.9 });
    expect(itemInterval(90, groupSpreads([[100, 100, 70]]))).toMatchObject({ high: 100 });
  });
});

describe('a theme’s interval', () => {
  it('bounds each group’s standard error by the mean of its items’ ones, from the items’ figures only', () => {
    // One group, two items: a {50, 50, 75, 75} (SE 7.2169, n 4), b {25, 50, 75} (s² = 625, SE = √(625/3) = 14.434, n 3).
    // Theme score (62.5 + 50)/2 = 56.25 ; SE ≤ (7.2169 + 14.434)/2 = 10.825 ; df = min n − 1 = 2 ; t(0.95; 2) = 2.919986
    // → half-width 31.610: [24.640, 87.860].
    const interval = themeInterval(56.25, [groupSpreads([[50, 50, 75, 75]]), groupSpreads([[25, 50, 75]])], 1)!;
    expect(interval.low).toBeCloseTo(56.25 - 31.6095, 3);
    expect(interval.high).toBeCloseTo(56.25 + 31.6095, 3);
  });

  it('is never narrower than the exact interval of the same respondents’ theme means when items agree perfectly', () => {
    // Both items give each respondent the same score: the theme means are the item values, and the bound is exact.
    const values = [20, 40, 60, 80];
    const exact = itemInterval(50, groupSpreads([values]))!;
    const bound = themeInterval(50, [groupSpreads([values]), groupSpreads([values])], 1)!;
    expect(bound.low).toBeCloseTo(exact.low, 9);
    expect(bound.high).toBeCloseTo(exact.high, 9);
  });
});

describe('« à confirmer »', () => {
  const T = { high: 65, low: 45 };
  const iv = (low: number, high: number): Interval => ({ low, high, level: 0.9 });

  it('flags a classified theme whose interval crosses the threshold that classified it', () => {
    const unsure = uncertainThemes(
      [
        { id: 'force-sure', swot: 'strength', interval: iv(65, 80) },
        { id: 'force-douteuse', swot: 'strength', interval: iv(64.9, 80) },
        { id: 'opportunite-douteuse', swot: 'opportunity', interval: iv(60, 75) },
        { id: 'faiblesse-sure', swot: 'weakness', interval: iv(30, 45) },
        { id: 'faiblesse-douteuse', swot: 'weakness', interval: iv(30, 45.1) },
        { id: 'menace-douteuse', swot: 'threat', interval: iv(35, 50) },
        // A vigilance theme is never « à confirmer », however wide; a theme without score is not classified.
        { id: 'vigilance', swot: 'vigilance', interval: iv(0, 100) },
        { id: 'sans-score', swot: null, interval: null },
        // Classified, but no interval could be computed: nothing says it is sure.
        { id: 'force-sans-intervalle', swot: 'strength', interval: null },
      ],
      T,
    );
    expect([...unsure].sort()).toEqual(['faiblesse-douteuse', 'force-douteuse', 'force-sans-intervalle', 'menace-douteuse', 'opportunite-douteuse']);
  });

  it('follows its rule for any theme', () => {
    const category = fc.constantFrom('strength', 'weakness', 'opportunity', 'threat', 'vigilance', null);
    const interval = fc.option(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })).map(([a, b]) => iv(Math.min(a, b), Math.max(a, b))));
    fc.assert(
      fc.property(category, interval, (swot, i) => {
        const flagged = uncertainThemes([{ id: 't', swot, interval: i }], T).has('t');
        const classified = swot !== null && swot !== 'vigilance';
        const crosses = i === null || (swot === 'strength' || swot === 'opportunity' ? i.low < T.high : i.high > T.low);
        expect(flagged).toBe(classified && crosses);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the pole's results.

const AGREEMENT = [1, 2, 3, 4, 5, 'nsp'].map((value) => ({ value, text: String(value) }));
const meta = (theme: string) => ({ dimension: 'gov', theme, seedRef: 'X', polarity: 'positive', factor: 'internal' });
const model = questionnaireModel({
  ptce: {
    dimensions: [{ id: 'gov', label: 'Gouvernance', factor: 'internal' }],
    themes: [{ id: 't1', label: 'Débat', dimension: 'gov', seedRefs: [] }, { id: 't2', label: 'Confiance', dimension: 'gov', seedRefs: [] }],
  },
  pages: [{
    elements: [
      { type: 'radiogroup', name: 'college', choices: ['A', 'B', 'C'] },
      { type: 'matrix', name: 'm', columns: AGREEMENT, rows: ['a', 'b', 'c'].map((value) => ({ value, text: value, ptce: meta('t1') })) },
      { type: 'matrix', name: 'n', columns: AGREEMENT, rows: [{ value: 'd', text: 'd', ptce: meta('t2') }] },
    ],
  }],
});
const colleges = [{ id: 'A', label: 'A' }, { id: 'B', label: 'B' }, { id: 'C', label: 'C' }];
const K = 3;
const results = (responses: readonly SubmittedResponse[], extra: Partial<PoleResultsInput> = {}): PoleResults =>
  computePoleResults({
    pole: { id: 'p', name: 'P' }, campaign: { id: 'c', year: 2026, questionnaireId: 'q' }, model, colleges, responses,
    participation: [], profile: null, minGroupSize: K, ...extra,
  });

const answer = fc.constantFrom<number | 'nsp' | undefined>(1, 2, 3, 4, 5, 5, 4, 'nsp', undefined);
const response = fc.record({ college: fc.constantFrom('A', 'A', 'B', 'C'), a: answer, b: answer, c: answer, d: answer }).map(
  ({ college, ...v }): SubmittedResponse => ({ college, batch: 1, data: { college, m: { a: v.a, b: v.b, c: v.c }, n: { d: v.d } } }),
);
const pole = fc.array(response, { minLength: K, maxLength: 24 });
const figures = (r: PoleResults) => [...r.themes, ...r.items];

describe('intervals of a pole’s figures (properties)', () => {
  it('hold their score', () => {
    fc.assert(
      fc.property(pole, (responses) => {
        for (const f of figures(results(responses))) {
          if (f.score === null) expect(f.interval).toBeNull();
          if (!f.interval) continue;
          expect(f.interval.low).toBeLessThanOrEqual(f.score! + 1e-9);
          expect(f.interval.high).toBeGreaterThanOrEqual(f.score! - 1e-9);
          expect(f.interval.low).toBeGreaterThanOrEqual(0);
          expect(f.interval.high).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('narrow as respondents grow: the same answers twice (a second batch just like the first) give the same score, a narrower interval', () => {
    fc.assert(
      fc.property(pole, (responses) => {
        const once = results(responses);
        // The second batch brings each collège as many responses as the first: the groups stay the same.
        const twice = results([...responses, ...responses.map((r) => ({ ...r, batch: 2 }))]);
        const before = figures(once);
        figures(twice).forEach((f, i) => {
          const b = before[i];
          if (b.score === null) return;
          expect(f.score).toBeCloseTo(b.score, 9);
          if (!b.interval) return;
          expect(f.interval).not.toBeNull();
          expect(f.interval!.low).toBeGreaterThanOrEqual(b.interval.low - 1e-9);
          expect(f.interval!.high).toBeLessThanOrEqual(b.interval.high + 1e-9);
          // Strictly narrower wherever the answers differ and the interval was not cut at 0 or 100.
          if (b.interval.high > b.interval.low && b.interval.low > 0 && b.interval.high < 100) expect(f.interval!.high - f.interval!.low).toBeLessThan(b.interval.high - b.interval.low);
        });
      }),
    );
  });
});

describe('the curious coordinator and the intervals', () => {
  // Batch 1: 3 from A, 3 from B, all answer everything. Batch 2: 3 more from B, only one of whom answers m.a.
  const full = (college: string, v: number, batch = 1): SubmittedResponse => ({ college, batch, data: { college, m: { a: v, b: v, c: 6 - v }, n: { d: v } } });
  const base = [full('A', 2), full('A', 4), full('A', 5), full('B', 1), full('B', 3), full('B', 3)];
  const later = (value: number | 'nsp'): SubmittedResponse[] => [
    { college: 'B', batch: 2, data: { college: 'B', m: { a: value, b: 3, c: 3 }, n: { d: 3 } } },
    { college: 'B', batch: 2, data: { college: 'B', m: { a: 'nsp', b: 4, c: 2 }, n: { d: 2 } } },
    { college: 'B', batch: 2, data: { college: 'B', m: { b: 5, c: 1 }, n: { d: 4 } } },
  ];
  const itemOf = (r: PoleResults, name: string) => r.items.find((i) => i.name === name)!;
  const themeOf = (r: PoleResults, id: string) => r.themes.find((t) => t.id === id)!;

  it('cannot read a hidden cell’s answer from the intervals: it moves nothing', () => {
    // m.a's (batch 2, B) cell has one scorer (< k): left out. Whatever that person answered, every figure of m.a and
    // of its theme — intervals included — is the same, so no subtraction or comparison gives it back.
    const seen = [1, 2, 3, 4, 5].map((v) => {
      const r = results([...base, ...later(v)]);
      return JSON.stringify([itemOf(r, 'm.a'), themeOf(r, 't1'), r.swot]);
    });
    expect(new Set(seen).size).toBe(1);
  });

  it('cannot read it before and after its batch either', () => {
    // Before batch 2 and after it, m.a's scores and interval are the same: the new batch brought no cell of k
    // scorers on it. Its « nsp » rate moves by a whole cell of three shown the row (one « nsp » among the three).
    const before = results(base);
    for (const v of [1, 5]) {
      const after = results([...base, ...later(v)]);
      expect({ ...itemOf(after, 'm.a'), nspRate: null }).toEqual({ ...itemOf(before, 'm.a'), nspRate: null });
      expect(itemOf(before, 'm.a').nspRate).toBe(0);
      expect(itemOf(after, 'm.a').nspRate).toBe(1 / 9);
      // m.b got a whole cell of three: it moves, by that cell.
      expect(itemOf(after, 'm.b').n).toBe(itemOf(before, 'm.b').n + 3);
    }
  });
});

describe('nspRate and the k rule', () => {
  // Rows shown only to collège C (a `visibleIf`): two people of C are in the merged group with B's three, so the
  // (batch, group) cell holds five people but only two were shown the row.
  const shownToC = (question: string, data: Readonly<Record<string, unknown>>) => question !== 'n' || data.college === 'C';
  const base: SubmittedResponse[] = [
    ...[1, 2, 3].map((v) => ({ college: 'A', data: { college: 'A', m: { a: v, b: 'nsp', c: 3 } } })),
    ...[2, 3, 4].map((v) => ({ college: 'B', data: { college: 'B', m: { a: v, b: 4, c: 3 } } })),
  ];
  const withC = (d1: number | 'nsp', d2: number | 'nsp') => [
    ...base,
    { college: 'C', data: { college: 'C', m: { a: 1, b: 1, c: 1 }, n: { d: d1 } } },
    { college: 'C', data: { college: 'C', m: { a: 5, b: 5, c: 5 }, n: { d: d2 } } },
  ];

  it('is the share of « nsp » among those shown the row, over cells of at least k of them', () => {
    // m.b: A's cell (3 shown, 3 « nsp ») and Autres' cell (B and C: 5 shown, none) → 3/8.
    const r = results(withC(3, 4), { isShown: shownToC });
    expect(r.items.find((i) => i.name === 'm.b')!.nspRate).toBe(3 / 8);
    expect(r.items.find((i) => i.name === 'm.a')!.nspRate).toBe(0);
  });

  it('tells nothing of a row shown to fewer than k people of a cell', () => {
    // n.d: shown to C's two only (the cell of five holds two who saw it): null, whatever they answered.
    for (const [d1, d2] of [[3, 4], ['nsp', 'nsp'], ['nsp', 5]] as const) {
      const r = results(withC(d1, d2), { isShown: shownToC });
      expect(r.items.find((i) => i.name === 'n.d')!.nspRate).toBeNull();
    }
    // Without the condition, everyone counts as shown: five in the cell, hence a rate.
    expect(results(withC('nsp', 'nsp')).items.find((i) => i.name === 'n.d')!.nspRate).toBe(2 / 8);
  });
});
