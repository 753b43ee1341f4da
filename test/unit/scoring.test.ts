// Scores against a small fixture whose expected figures are computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { computePoleResults, itemScore } from '../../reports/analysis/index.ts';
import { NO_POLE_FACTS, questionnaireModel, type PoleFacts } from '../../surveys/model.ts';
import type { StrategicOptionDefinition } from '../../surveys/strategic-options.ts';

const AGREEMENT = [1, 2, 3, 4, 5, 'nsp'].map((value) => ({ value, text: String(value) }));
const MATURITY = [0, 1, 2, 3].map((value) => ({ value, text: String(value) }));
const meta = (theme: string, dimension: string, polarity = 'positive') => ({
  dimension, theme, seedRef: theme.toUpperCase(), polarity, factor: dimension === 'ctx' ? 'external' : 'internal',
});

const definition = {
  ptce: {
    dimensions: [{ id: 'gov', label: 'Gouvernance', factor: 'internal' }, { id: 'ctx', label: 'Contexte', factor: 'external' }],
    themes: [
      { id: 't1', label: 'Débat', dimension: 'gov', seedRefs: ['T1'] },
      { id: 't2', label: 'Maturité', dimension: 'gov', seedRefs: ['T2'] },
      { id: 't3', label: 'Soutien public', dimension: 'ctx', seedRefs: ['T3'] },
    ],
  },
  pages: [{
    elements: [
      { type: 'radiogroup', name: 'college', choices: ['A', 'B', 'C'] },
      { type: 'matrix', name: 'm', columns: AGREEMENT, rows: [
        { value: 'a', text: 'On débat', ptce: meta('t1', 'gov') },
        { value: 'b', text: 'On ne débat pas', ptce: meta('t1', 'gov', 'negative') },
      ] },
      { type: 'radiogroup', name: 'lvl', choices: MATURITY, ptce: meta('t2', 'gov') },
      { type: 'matrix', name: 'c', columns: AGREEMENT, rows: [{ value: 'x', text: 'Soutien', ptce: meta('t3', 'ctx') }] },
      { type: 'comment', name: 'free', title: 'Ce qui marche' },
      { type: 'comment', name: 'free2', title: 'Une idée' },
    ],
  }],
};
const colleges = [{ id: 'A', label: 'Collège A' }, { id: 'B', label: 'Collège B' }, { id: 'C', label: 'Collège C' }];

// Item scores: agreement (v − 1)/4 × 100, reversed for m.b; maturity v/3 × 100.
const responses = [
  // t1 = (100 + 75)/2 = 87.5 ; t2 = 100 ; t3 = 75
  { college: 'A', data: { m: { a: 5, b: 2 }, lvl: 3, c: { x: 4 }, free: 'Bien' } },
  // t1 = 50 (m.b is "nsp") ; t2 = 33.33 ; t3 = 25
  { college: 'A', data: { m: { a: 3, b: 'nsp' }, lvl: 1, c: { x: 2 }, free: '  ' } },
  // t1 = (0 + 0)/2 = 0 ; t2 = 0 ; t3 left out ("nsp")
  { college: 'B', data: { m: { a: 1, b: 5 }, lvl: 0, c: { x: 'nsp' }, free: 'Autre' } },
  // t1 = (25 + 25)/2 = 25 ; t2 unanswered ; t3 = 100
  { college: 'B', data: { m: { a: 2, b: 4 }, c: { x: 5 }, free2: 'Seul avis' } },
  // t1 = (75 + 100)/2 = 87.5 ; t2 = 66.67 ; t3 = 50 — alone in collège C (under k = 2)
  { college: 'C', data: { m: { a: 4, b: 1 }, lvl: 2, c: { x: 3 } } },
];

const catalogue: StrategicOptionDefinition[] = [
  { id: 'wo', quadrant: 'WO', title: 'WO', description: 'd', seedRef: 'T2', when: [{ role: 't2', is: 'weakness' }, { role: 't3', is: 'opportunity' }] },
  { id: 'so', quadrant: 'SO', title: 'SO', description: 'd', seedRef: 'T1', when: [{ role: 't1', is: 'strength' }, { role: 't3', is: 'opportunity' }] },
  // A remedy: its quadrant comes from t3 when it is selected.
  { id: 'remede', title: 'Remède', description: 'd', seedRef: 'T2', when: [{ role: 't2', is: 'weakness' }], pairWith: ['t3'] },
];

const input = {
  pole: { id: 'p', name: 'Pôle' },
  campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
  model: questionnaireModel(definition),
  colleges,
  responses,
  participation: [{ college: 'A', invited: 3, submitted: 2 }, { college: 'B', invited: 2, submitted: 2 }, { college: 'C', invited: 1, submitted: 1 }, { college: null, invited: 2, submitted: 0 }],
  profile: { ...NO_POLE_FACTS, legalForm: null, foundingYear: null, membersPerCollege: { A: 4, B: 2, C: 1, D: 0 }, charter: null, venue: null },
  minGroupSize: 2,
  catalogue,
};

describe('item score', () => {
  it('maps the scale to 0..100, reverses negative statements, leaves out "nsp"', () => {
    expect(itemScore({ min: 1, max: 5, polarity: 'positive' }, 4)).toBe(75);
    expect(itemScore({ min: 1, max: 5, polarity: 'negative' }, 4)).toBe(25);
    expect(itemScore({ min: 0, max: 3, polarity: 'positive' }, 2)).toBeCloseTo(66.667, 3);
    expect(itemScore({ min: 1, max: 5, polarity: 'positive' }, 'nsp')).toBeNull();
    expect(itemScore({ min: 1, max: 5, polarity: 'positive' }, undefined)).toBeNull();
  });
});

describe('pole results', () => {
  const r = computePoleResults(input);
  const theme = (id: string) => r.themes.find((t) => t.id === id)!;
  const item = (name: string) => r.items.find((i) => i.name === name)!;

  // Grouping (k = 2), once for the pole: C has 1 response → « Autres » ; 1 < k, so the smallest other collège joins:
  // A and B have 2 each, B is listed last → Autres = {B, C}, 3 responses. Groups: A (R1, R2), Autres (R3, R4, R5).
  it('merges small collèges into « Autres collèges », once for the pole', () => {
    expect(r.groups).toEqual([
      { id: 'A', label: 'Collège A', colleges: ['A'], n: 2 },
      { id: 'autres', label: 'Autres collèges', colleges: ['B', 'C'], n: 3 },
    ]);
  });

  it('balances groups in the score and keeps the plain mean as rawScore, a theme from its items’ figures', () => {
    // A theme is computed from its items' figures (see the items below), never from respondents' own theme means.
    // t1 = m.a and m.b. A: m.a 75, m.b hidden (one scorer) → 75 ; Autres: m.a 33.33, m.b 41.67 → 37.5.
    // Score (75 + 37.5)/2 = 56.25 ; raw = mean of the items' raw scores (50 + 41.67)/2 = 275/6 ; n = largest item n, 5.
    expect(theme('t1')).toMatchObject({ n: 5, score: 56.25 });
    expect(theme('t1').rawScore).toBeCloseTo(275 / 6, 9);
    // t2: A = (100 + 33.33)/2 = 66.67, Autres = (0 + 66.67)/2 = 33.33 (R4 unanswered) → 50 ; raw 200/4 = 50
    expect(theme('t2').score).toBeCloseTo(50, 9);
    expect(theme('t2').rawScore).toBeCloseTo(50, 9);
    expect(theme('t2').n).toBe(4);
    // t3: A = (75 + 25)/2 = 50, Autres = (100 + 50)/2 = 75 (R3 "nsp") → 62.5 ; raw 250/4 = 62.5
    expect(theme('t3')).toMatchObject({ n: 4, score: 62.5, rawScore: 62.5 });
  });

  it('breaks figures down by group, never naming a merged collège, and measures spread between groups', () => {
    expect(theme('t1').byCollege).toEqual([
      { college: 'A', label: 'Collège A', n: 2, score: 75, suppressed: false },
      { college: 'autres', label: 'Autres collèges', n: 3, score: 37.5, suppressed: false },
    ]);
    expect(theme('t1').spread).toBe(37.5);
    expect(theme('t1').dissensus).toBe(true);
    // t3: 75 − 50
    expect(theme('t3').spread).toBe(25);
    // sd: the mean of its items' sd. m.a over (100, 50, 0, 25, 75): mean 50, squares 2500+0+2500+625+625 = 6250, /4 →
    // √1562.5 ; m.b over (0, 25, 100): √(8125/3) (see below).
    expect(theme('t1').sd).toBeCloseTo((Math.sqrt(1562.5) + Math.sqrt(8125 / 3)) / 2, 9);
  });

  it('scores items (questions or matrix rows) the same way', () => {
    // m.a: A = (100 + 50)/2 = 75, Autres = (0 + 25 + 75)/3 = 33.33 → 54.17 ; raw 250/5 = 50 ; spread 41.67
    expect(item('m.a')).toMatchObject({ theme: 't1', n: 5, rawScore: 50, dissensus: true, label: 'On débat' });
    expect(item('m.a').score).toBeCloseTo(325 / 6, 9);
    expect(item('m.a').spread).toBeCloseTo(125 / 3, 9);
    expect(item('lvl').n).toBe(4);
  });

  it('suppresses a group with fewer than k scorers on an item, and leaves it out of score, rawScore and n', () => {
    // m.b reversed: R1 75, R2 "nsp", R3 0, R4 25, R5 100. A has one scorer (< k = 2): hidden, and not counted,
    // else rawScore × n − Autres × 3 would give R1's answer. Autres = (0 + 25 + 100)/3 = 41.67 = score = rawScore.
    expect(item('m.b').byCollege).toEqual([
      { college: 'A', label: 'Collège A', n: 1, score: null, suppressed: true },
      { college: 'autres', label: 'Autres collèges', n: 3, score: 125 / 3, suppressed: false },
    ]);
    expect(item('m.b')).toMatchObject({ polarity: 'negative', n: 3, spread: null, dissensus: false });
    expect(item('m.b').score).toBeCloseTo(125 / 3, 9);
    expect(item('m.b').rawScore).toBeCloseTo(125 / 3, 9);
    // sd over (0, 25, 100) only: mean 41.67, squares 1736.11 + 277.78 + 3402.78 = 5416.67, /2 → √2708.33
    expect(item('m.b').sd).toBeCloseTo(Math.sqrt(8125 / 3), 9);
  });

  it('averages dimensions over themes, and the overall score over internal dimensions only', () => {
    const gov = (56.25 + 50) / 2;
    expect(r.dimensions.find((d) => d.id === 'gov')!.score).toBeCloseTo(gov, 9);
    expect(r.dimensions.find((d) => d.id === 'ctx')!.score).toBe(62.5);
    expect(r.overall).toBeCloseTo(gov, 9);
  });

  it('derives the SWOT from the thresholds (65 / 45 by default)', () => {
    // 56.25, 50 and 62.5 all lie between 45 and 65.
    expect(r.swot).toEqual({ strengths: [], weaknesses: [], opportunities: [], threats: [], vigilance: ['t3', 't1', 't2'], uncertain: [] });
    const narrow = computePoleResults({ ...input, thresholds: { high: 60, low: 51 } });
    // t2 = 50 ≤ 51: weakness ; t3 = 62.5 ≥ 60: opportunity. On five answers, both intervals reach across their
    // threshold (see the intervals below): both are « à confirmer ».
    expect(narrow.swot).toEqual({ strengths: [], weaknesses: ['t2'], opportunities: ['t3'], threats: [], vigilance: ['t1'], uncertain: ['t2', 't3'] });
    const strict = computePoleResults({ ...input, thresholds: { high: 49, low: 30 } });
    expect(strict.swot).toMatchObject({ strengths: ['t1', 't2'], weaknesses: [], opportunities: ['t3'] });
  });

  it('puts a 90 % t-interval around each item’s balanced score, from the kept values only', () => {
    // m.a: A {100, 50}: mean 75, s² = (25² + 25²)/1 = 1250, s²/n = 625 ; Autres {0, 25, 75}: mean 33.33,
    // s² = (33.33² + 8.33² + 41.67²)/2 = 1458.33, s²/n = 486.11. Score (75 + 33.33)/2 = 54.17 ;
    // SE = √(625 + 486.11)/2 = 16.667 ; Welch–Satterthwaite df = 1111.11² / (625²/1 + 486.11²/2) = 2.4265 ;
    // t(0.95; 2.4265) = 2.59839 (scipy.stats.t.ppf) → half-width 43.306: [10.861, 97.473].
    expect(item('m.a').interval!.low).toBeCloseTo(10.8606, 3);
    expect(item('m.a').interval!.high).toBeCloseTo(97.4727, 3);
    expect(item('m.a').interval!.level).toBe(0.9);
    // Cut at 0 and 100, never beyond.
    expect(item('lvl').interval).toEqual({ low: 0, high: 100, level: 0.9 });
  });

  it('counts « nsp » among those shown the row, in cells of at least k', () => {
    // m.b: 5 shown, R2 said « nsp » → 1/5 ; c.x: R3 → 1/5 ; m.a, lvl: none (R4 skipped lvl: shown, unanswered).
    expect(r.items.map((i) => [i.name, i.nspRate])).toEqual([['m.a', 0], ['m.b', 0.2], ['lvl', 0], ['c.x', 0.2]]);
  });

  it('proposes the options whose conditions hold and a remedy to each weakness, paired with its context', () => {
    expect(r.options).toEqual([]);
    // With 60 / 51: t2 = 50 is a weakness, t3 = 62.5 an opportunity. wo: (51 − 50) and (62.5 − 60) → mean 1.75 ;
    // the remedy is paired with t3, above the middle of the vigilance zone (55.5): WO, same 1.75, after wo in the
    // catalogue. so: t1 (56.25) is no strength. t2 splits the groups (66.67 vs 33.33): consensus first.
    const narrow = computePoleResults({ ...input, thresholds: { high: 60, low: 51 } });
    expect(narrow.options.map((o) => o.id)).toEqual(['wo', 'remede']);
    expect(narrow.options[0].strength).toBeCloseTo(1.75, 9);
    expect(narrow.options[1].strength).toBeCloseTo(1.75, 9);
    // t2's only item is lvl (50), t3 the context.
    const because = { theme: 't2', item: 'lvl', label: 'lvl', polarity: 'positive', score: expect.closeTo(50, 9) };
    const context = { theme: 't3', score: 62.5, category: 'opportunity' };
    for (const o of narrow.options) expect(o).toMatchObject({ quadrant: 'WO', themes: ['t2', 't3'], needsConsensus: true, because, context });
    expect(narrow.options[1].reason).toBe('Point le plus faible\u00a0: «\u00a0lvl\u00a0» (50,0 sur 100). Opportunité sur laquelle s’appuyer\u00a0: «\u00a0Soutien public\u00a0» (62,5 sur 100).');

    // With 80 / 63, t3 is a threat: the remedy turns defensive (WT) and wo no longer holds.
    const threatened = computePoleResults({ ...input, thresholds: { high: 80, low: 63 } });
    expect(threatened.options.find((o) => o.id === 'remede')).toMatchObject({ quadrant: 'WT', context: { theme: 't3', category: 'threat' } });
    expect(threatened.options.map((o) => o.id)).not.toContain('wo');

    // t1 is now a strength, and in dissensus: its option must be built in consensus first. Its strongest row is m.a.
    const strict = computePoleResults({ ...input, thresholds: { high: 49, low: 30 } });
    expect(strict.options).toEqual([expect.objectContaining({ id: 'so', quadrant: 'SO', needsConsensus: true, because: expect.objectContaining({ item: 'm.a', label: 'On débat' }) })]);
    // (56.25 − 49) and (62.5 − 49)
    expect(strict.options[0].strength).toBeCloseTo(10.375, 9);
  });

  it('leaves out the options the pole’s profile shows to be in place', () => {
    const withProfile = (profile: PoleFacts | null) =>
      computePoleResults({ ...input, thresholds: { high: 60, low: 51 }, profile, catalogue: [{ ...catalogue[2], unless: [{ fact: 'venue', is: true }] }] }).options.map((o) => o.id);
    expect(withProfile({ ...input.profile, venue: true })).toEqual([]);
    expect(withProfile({ ...input.profile, venue: false })).toEqual(['remede']);
    // Not known: nothing is known to be in place.
    expect(withProfile(null)).toEqual(['remede']);
  });

  it('counts participation per collège and names collèges of the profile absent from the answers', () => {
    expect(r.participation).toMatchObject({ invited: 8, submitted: 5, missingColleges: [] });
    expect(r.participation.colleges[0]).toEqual({ college: 'A', label: 'Collège A', invited: 3, submitted: 2, members: 4 });
    // Which collèges answered comes from the responses themselves (at least k of them), not from the links.
    const noC = computePoleResults({ ...input, responses: responses.filter((x) => x.college !== 'C') });
    expect(noC.participation.missingColleges).toEqual([{ college: 'C', label: 'Collège C' }]);
    expect(noC.participation.warnings[0]).toMatch(/Collège C/);
    expect(computePoleResults({ ...input, profile: null }).participation.warnings[0]).toMatch(/profil du pôle n’est pas renseigné/);
  });

  it('shows free text only from k answers, sorted, never attributed', () => {
    expect(r.verbatims).toEqual([{ question: 'free', label: 'Ce qui marche', answers: [{ text: 'Autre', count: 1 }, { text: 'Bien', count: 1 }] }]);
  });

  it('counts identical answers instead of repeating them', () => {
    const same = responses.map((x, i) => ({ ...x, data: { ...x.data, free: ['Bien', ' Bien ', 'Autre', 'Bien', 'Écoute'][i] } }));
    // « Bien » three times once trimmed; « Écoute » sorts after « Bien » in French.
    expect(computePoleResults({ ...input, responses: same }).verbatims[0].answers).toEqual([
      { text: 'Autre', count: 1 },
      { text: 'Bien', count: 3 },
      { text: 'Écoute', count: 1 },
    ]);
  });

  it('gives no results at all under k submitted responses', () => {
    const few = computePoleResults({ ...input, responses: responses.slice(0, 2), minGroupSize: 3 });
    expect(few.available).toBe(false);
    expect(few.message).toMatch(/3 réponses/);
    expect(few.groups).toEqual([]);
    expect(few.themes).toEqual([]);
    expect(few.items).toEqual([]);
    expect(few.verbatims).toEqual([]);
    expect(few.overall).toBeNull();
  });

  it('compares with the previous campaign on the items both versions share', () => {
    const previousDefinition = structuredClone(definition);
    const els = previousDefinition.pages[0].elements as any[];
    els[1].rows = els[1].rows.slice(0, 1); // m.b did not exist the year before
    els.splice(3, 1); // nor did c.x
    const previous = {
      campaign: { id: 'c0', year: 2025 },
      model: questionnaireModel(previousDefinition),
      // Grouped on its own: A and B have 1 response each (< k = 2), one group « Autres » of 2.
      responses: [
        { college: 'A', data: { m: { a: 4 }, lvl: 3 } }, // m.a 75, lvl 100
        { college: 'B', data: { m: { a: 2 }, lvl: 0 } }, // m.a 25, lvl 0
      ],
    };
    const e = computePoleResults({ ...input, previous }).evolution!;
    expect(e.previousCampaign).toEqual({ id: 'c0', year: 2025 });
    const t = (id: string) => e.themes.find((x) => x.id === id)!;
    // t1 on m.a only: now 325/6 (see items), then (75 + 25)/2 = 50
    expect(t('t1').sharedItems).toBe(1);
    expect(t('t1').previous).toBe(50);
    expect(t('t1').current).toBeCloseTo(325 / 6, 9);
    expect(t('t1').delta).toBeCloseTo(325 / 6 - 50, 9);
    // t2 on lvl: now A 66.67, Autres 33.33 → 50 ; then (100 + 0)/2 = 50
    expect(t('t2').delta).toBeCloseTo(0, 9);
    // t3 shares nothing with last year
    expect(t('t3')).toMatchObject({ sharedItems: 0, previous: null, current: null, delta: null });
    expect(computePoleResults(input).evolution).toBeNull();
  });
});

describe('evolution with renamed items', () => {
  it('matches a renamed row, or a renamed question with its rows, under its former key', () => {
    // The year before, row m.a was called m.debat and matrix c was called ctx (same rows).
    const previousDefinition = structuredClone(definition);
    const els = previousDefinition.pages[0].elements as any[];
    els[1].rows[0].value = 'debat';
    els[3].name = 'ctx';
    const previous = {
      campaign: { id: 'c0', year: 2025 },
      model: questionnaireModel(previousDefinition),
      responses: [
        // m.debat 75, m.b reversed 100 − 25 = 75 → t1 75 ; lvl 100 ; ctx.x 100
        { college: 'A', data: { m: { debat: 4, b: 2 }, lvl: 3, ctx: { x: 5 } } },
        // m.debat 25, m.b "nsp" → t1 25 ; lvl 0 ; ctx.x 0
        { college: 'B', data: { m: { debat: 2, b: 'nsp' }, lvl: 0, ctx: { x: 1 } } },
      ],
    };
    const renamed = { 'm.a': 'm.debat', c: 'ctx' };
    const e = computePoleResults({ ...input, previous: { ...previous, renamed } }).evolution!;
    const t = (id: string) => e.themes.find((x) => x.id === id)!;
    // The earlier campaign's own grouping: A 1 and B 1 (< k = 2) → one group « Autres » of 2.
    // t1 on m.a (as m.debat) and m.b: then m.debat (75 + 25)/2 = 50, m.b hidden (one scorer) → 50 ; now on both
    // items, as the theme score: 56.25
    expect(t('t1')).toMatchObject({ sharedItems: 2, previous: 50, current: 56.25, delta: 6.25 });
    // t3 on c.x (as ctx.x, through the question's mapping): then (100 + 0)/2 = 50 ; now 62.5
    expect(t('t3')).toMatchObject({ sharedItems: 1, previous: 50, current: 62.5, delta: 12.5 });
    // Unchanged names need no mapping: t2 on lvl, then (100 + 0)/2 = 50, now 50.
    expect(t('t2').delta).toBeCloseTo(0, 9);

    // Without the mapping, the renamed items count as new: t1 on m.b alone, t3 on nothing. Then, m.b has one scorer
    // (A 75, B "nsp") in the only group: under k, so no figure. Now, m.b alone: 125/3 (see items).
    const plain = computePoleResults({ ...input, previous }).evolution!;
    const p = (id: string) => plain.themes.find((x) => x.id === id)!;
    expect(p('t1')).toMatchObject({ sharedItems: 1, previous: null, delta: null });
    expect(p('t1').current).toBeCloseTo(125 / 3, 9);
    expect(p('t3')).toMatchObject({ sharedItems: 0, previous: null, current: null, delta: null });
  });
});
