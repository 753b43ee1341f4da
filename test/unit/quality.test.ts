// « Qualité du questionnaire »: Cronbach's α on a fixture computed by hand, the stored values that tell « nsp » and
// hidden rows apart, and the network's rows over 30 % « nsp » with the k rule.
import { describe, expect, it } from 'vitest';
import { HIDDEN_VALUE, itemValues, NSP_VALUE, ThemeCoherence } from '../../reports/analysis/quality.ts';
import { computeNetworkResults, type NetworkInput, type NetworkPoleInput } from '../../reports/analysis/network.ts';
import { questionnaireModel } from '../../surveys/model.ts';

describe('Cronbach’s α', () => {
  // Four respondents × three items (scores 0-100):
  //        i1   i2   i3 | total
  //   R1   25   50   50 |  125
  //   R2   50   50   75 |  175
  //   R3   75  100   75 |  250
  //   R4  100   75  100 |  275
  // Sums of squared deviations: i1 (mean 62.5) 37.5² + 12.5² + 12.5² + 37.5² = 3125 ; i2 (68.75) 18.75² + 18.75² +
  // 31.25² + 6.25² = 1718.75 ; i3 (75) 25² + 0 + 0 + 25² = 1250 ; items 6093.75 in all. Total (206.25): 81.25² +
  // 31.25² + 43.75² + 68.75² = 14218.75. Same n − 1 on both sides: α = 3/2 × (1 − 6093.75 / 14218.75)
  // = 3/2 × (1 − 3/7) = 6/7 ≈ 0.857.
  const rows = [[25, 50, 50], [50, 50, 75], [75, 100, 75], [100, 75, 100]];
  const themes = [{ items: [0, 1, 2] }];

  it('matches the hand computation', () => {
    const c = new ThemeCoherence(themes);
    for (const r of rows) c.add(r);
    expect(c.respondents(0)).toBe(4);
    expect(c.alpha(0)).toBeCloseTo(6 / 7, 12);
  });

  it('counts only respondents with a score to every item of the theme', () => {
    const c = new ThemeCoherence(themes);
    for (const r of [...rows, [0, NaN, 100], [100, NSP_VALUE, 0], [HIDDEN_VALUE, 0, 0]]) c.add(r);
    expect(c.respondents(0)).toBe(4);
    expect(c.alpha(0)).toBeCloseTo(6 / 7, 12);
  });

  it('is null under two items, too few complete respondents, or totals that do not vary', () => {
    const single = new ThemeCoherence([{ items: [0] }]);
    for (const r of rows) single.add(r);
    expect(single.alpha(0)).toBeNull();
    const c = new ThemeCoherence(themes);
    for (const r of rows) c.add(r);
    expect(c.alpha(0, 5)).toBeNull();
    const flat = new ThemeCoherence(themes);
    for (const r of [[50, 50, 50], [50, 50, 50], [50, 50, 50]]) flat.add(r);
    expect(flat.alpha(0)).toBeNull();
  });
});

describe('stored item values', () => {
  const AGREEMENT = [1, 2, 3, 4, 5, 'nsp'].map((value) => ({ value, text: String(value) }));
  const meta = { dimension: 'gov', theme: 't', seedRef: 'X', polarity: 'positive', factor: 'internal' };
  const model = questionnaireModel({
    ptce: { dimensions: [{ id: 'gov', label: 'G', factor: 'internal' }], themes: [{ id: 't', label: 'T', dimension: 'gov', seedRefs: [] }] },
    pages: [{
      elements: [
        { type: 'matrix', name: 'm', columns: AGREEMENT, rows: [{ value: 'a', text: 'a', ptce: meta }, { value: 'b', text: 'b', ptce: meta }, { value: 'c', text: 'c', ptce: meta }] },
        { type: 'matrix', name: 'elus', visibleIf: "{college} = 'collectivites'", columns: AGREEMENT, rows: [{ value: 'x', text: 'x', ptce: meta }] },
      ],
    }],
  });
  const onlyCollectivites = (question: string, data: Readonly<Record<string, unknown>>) => question !== 'elus' || data.college === 'collectivites';

  it('keep the score, « nsp », an unanswered shown row and a hidden row apart', () => {
    // m.a = 4 → 75 ; m.b « nsp » ; m.c skipped (shown) ; elus.x hidden to a salarié.
    expect(itemValues(model, { college: 'salaries', m: { a: 4, b: 'nsp' } }, onlyCollectivites)).toEqual([75, NSP_VALUE, NaN, HIDDEN_VALUE]);
    expect(itemValues(model, { college: 'collectivites', m: { a: 4 } }, onlyCollectivites)).toEqual([75, NaN, NaN, NaN]);
  });
});

describe('the network’s « Qualité du questionnaire »', () => {
  // One theme of three rows (the α fixture above, i1 to i3) and a second of one row, i4.
  const response = (college: string, items: number[]): NetworkPoleInput['responses'][number] => ({ college, items });
  const pole = (id: string, responses: NetworkPoleInput['responses']): NetworkPoleInput => ({
    id, name: id, region: null, profile: null, facts: null, responses, invited: responses.length, participation: [],
  });
  const rows = [[25, 50, 50], [50, 50, 75], [75, 100, 75], [100, 75, 100]];
  const input = (poles: NetworkPoleInput[]): NetworkInput => ({
    campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
    themes: [
      { id: 't1', label: 'Débat', dimension: 'gov', factor: 'internal', items: [0, 1, 2] },
      { id: 't2', label: 'Élus', dimension: 'gov', factor: 'internal', items: [3] },
    ],
    items: [{ name: 'm.i1', label: 'Ligne 1' }, { name: 'm.i2', label: 'Ligne 2' }, { name: 'm.i3', label: 'Ligne 3' }, { name: 'elus.x', label: 'Les élus sont associés' }],
    dimensions: [{ id: 'gov', label: 'Gouvernance', factor: 'internal' }],
    colleges: [{ id: 'A', label: 'A' }, { id: 'B', label: 'B' }],
    profileQuestions: [],
    poles,
    minGroupSize: 3,
    thresholds: { high: 65, low: 45 },
    dissensusThreshold: 20,
  });

  it('gives each theme its α over the respondents of the poles with results, and the rows over 30 % « nsp »', () => {
    // Three poles of four A respondents (the α rows; i4 « nsp » for two of them, shown to all): twelve complete
    // respondents on t1, α = 6/7 still (every row three times: both sides of the ratio grow alike).
    // A fourth pole, under k, counts nowhere.
    // elus.x: 6 « nsp » among the 12 shown → 50 % : listed.
    const full = (id: string) => pole(id, rows.map((r, i) => response('A', [...r, i < 2 ? NSP_VALUE : 80])));
    const r = computeNetworkResults(input([full('p1'), full('p2'), full('p3'), pole('p4', [response('A', [0, 0, 100, NSP_VALUE])])]));
    expect(r.themes[0].alpha).toBeCloseTo(6 / 7, 12);
    expect(r.themes[0].alphaRespondents).toBe(12);
    expect(r.themes[0].nspItems).toEqual([]);
    // One item: no α. Two of each pole's four gave it a score: a cell of two, under k, is not counted.
    expect(r.themes[1]).toMatchObject({ alpha: null, alphaRespondents: 0, nspItems: [{ name: 'elus.x', label: 'Les élus sont associés', nspRate: 0.5 }] });
  });

  it('counts « nsp » only in cells of at least k people shown the row, and leaves α out under ten respondents', () => {
    // Each pole: A (3, batch 1) and B (3, batch 1); elus.x shown to A's three only, two of whom say « nsp »… in a
    // cell of three: counted. With two of A shown it (the third hidden), the cell holds two: nothing is counted.
    const shownToA = (hidden: boolean) =>
      pole('p', [
        response('A', [50, 50, 50, NSP_VALUE]), response('A', [50, 75, 50, NSP_VALUE]), response('A', [75, 50, 75, hidden ? HIDDEN_VALUE : 60]),
        response('B', [25, 25, 50, HIDDEN_VALUE]), response('B', [50, 25, 25, HIDDEN_VALUE]), response('B', [75, 75, 50, HIDDEN_VALUE]),
      ]);
    expect(computeNetworkResults(input([shownToA(false)])).themes[1].nspItems).toEqual([{ name: 'elus.x', label: 'Les élus sont associés', nspRate: 2 / 3 }]);
    const small = computeNetworkResults(input([shownToA(true)]));
    expect(small.themes[1].nspItems).toEqual([]);
    // Six complete respondents on t1: fewer than ten, no α.
    expect(small.themes[0]).toMatchObject({ alpha: null, alphaRespondents: 6 });
  });

  it('counts a respondent in α only within a cell where at least k completed the theme', () => {
    // The α pole p1 three times (twelve complete, α = 6/7), plus a pole whose B cell holds two complete respondents
    // (the third skipped a row): that cell is left out, its A cell of three counts. α over 12 + 3 respondents.
    const full = (id: string) => pole(id, rows.map((r) => response('A', [...r, 80])));
    const mixed = pole('p4', [
      response('A', [25, 50, 50, 80]), response('A', [50, 50, 75, 80]), response('A', [75, 100, 75, 80]),
      response('B', [0, 0, 0, 80]), response('B', [100, 100, 100, 80]), response('B', [50, NaN, 50, 80]),
    ]);
    const withB = computeNetworkResults(input([full('p1'), full('p2'), full('p3'), mixed]));
    expect(withB.themes[0].alphaRespondents).toBe(15);
    // Whatever the two complete B respondents answered, α is the same: they are not counted.
    const other = pole('p4', [...mixed.responses.slice(0, 3), response('B', [100, 0, 50, 80]), response('B', [0, 100, 25, 80]), mixed.responses[5]]);
    expect(computeNetworkResults(input([full('p1'), full('p2'), full('p3'), other])).themes[0].alpha).toBe(withB.themes[0].alpha);
    // The fourth item's cells all hold three or more: everyone counts.
    expect(withB.themes[1].alphaRespondents).toBe(18);
  });
});
