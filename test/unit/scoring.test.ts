// Scores against a small fixture whose expected figures are computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { computePoleResults, itemScore } from '../../reports/analysis/index.ts';
import type { StrategicOptionDefinition } from '../../reports/analysis/strategic-options.ts';

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
  { id: 'wo', quadrant: 'WO', title: 'WO', description: 'd', seedRef: 'T2', when: [{ theme: 't2', is: 'weakness' }, { theme: 't3', is: 'opportunity' }] },
  { id: 'so', quadrant: 'SO', title: 'SO', description: 'd', seedRef: 'T1', when: [{ theme: 't1', is: 'strength' }] },
  { id: 'wt', quadrant: 'WT', title: 'WT', description: 'd', seedRef: 'T2', when: [{ theme: 't2', is: 'weakness' }] },
];

const input = {
  pole: { id: 'p', name: 'Pôle' },
  campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
  definition,
  colleges,
  responses,
  participation: [{ college: 'A', invited: 3, submitted: 2 }, { college: 'B', invited: 2, submitted: 2 }, { college: 'C', invited: 1, submitted: 1 }, { college: null, invited: 2, submitted: 0 }],
  profile: { membresParCollege: { A: 4, B: 2, C: 1, D: 0 } },
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

  it('balances collèges in the score and keeps the plain mean as rawScore', () => {
    // t1: A = (87.5 + 50)/2 = 68.75, B = (0 + 25)/2 = 12.5, C = 87.5 → (68.75 + 12.5 + 87.5)/3 = 56.25 ; raw 250/5 = 50
    expect(theme('t1')).toMatchObject({ n: 5, score: 56.25, rawScore: 50 });
    // t2: A = 66.67, B = 0, C = 66.67 → 44.44 ; raw (100 + 33.33 + 0 + 66.67)/4 = 50
    expect(theme('t2').score).toBeCloseTo(44.444, 3);
    expect(theme('t2').rawScore).toBeCloseTo(50, 6);
    expect(theme('t2').n).toBe(4);
    // t3: A = 50, B = 100, C = 50 → 66.67 ; raw 250/4 = 62.5
    expect(theme('t3').score).toBeCloseTo(66.667, 3);
    expect(theme('t3').rawScore).toBe(62.5);
  });

  it('hides collèges under k, and measures spread between the others only', () => {
    expect(theme('t1').byCollege).toEqual([
      { college: 'A', label: 'Collège A', n: 2, score: 68.75, suppressed: false },
      { college: 'B', label: 'Collège B', n: 2, score: 12.5, suppressed: false },
      { college: 'C', label: 'Collège C', n: 1, score: null, suppressed: true },
    ]);
    expect(theme('t1').spread).toBe(56.25);
    expect(theme('t1').dissensus).toBe(true);
    // t2: only A has k respondents → no spread
    expect(theme('t2').spread).toBeNull();
    expect(theme('t2').dissensus).toBe(false);
    // sd of t1 over respondents (87.5, 50, 0, 25, 87.5): mean 50, squares 1406.25+0+2500+625+1406.25 = 5937.5, /4 → √1484.375
    expect(theme('t1').sd).toBeCloseTo(Math.sqrt(1484.375), 9);
  });

  it('scores items (questions or matrix rows) the same way', () => {
    const item = (name: string) => r.items.find((i) => i.name === name)!;
    // m.a: A = (100 + 50)/2 = 75, B = (0 + 25)/2 = 12.5, C = 75 → 54.17 ; raw 250/5 = 50
    expect(item('m.a')).toMatchObject({ theme: 't1', n: 5, rawScore: 50, spread: 62.5, dissensus: true, label: 'On débat' });
    expect(item('m.a').score).toBeCloseTo(54.1667, 4);
    // m.b reversed: A = 75 (one answer, R2 said "nsp"), B = (0 + 25)/2 = 12.5, C = 100 → 62.5 ; raw 200/4 = 50
    expect(item('m.b')).toMatchObject({ polarity: 'negative', n: 4, score: 62.5, rawScore: 50, spread: null });
    expect(item('lvl').n).toBe(4);
  });

  it('averages dimensions over themes, and the overall score over internal dimensions only', () => {
    const gov = (56.25 + 400 / 9) / 2;
    expect(r.dimensions.find((d) => d.id === 'gov')!.score).toBeCloseTo(gov, 9);
    expect(r.dimensions.find((d) => d.id === 'ctx')!.score).toBeCloseTo(200 / 3, 9);
    expect(r.overall).toBeCloseTo(gov, 9);
  });

  it('derives the SWOT with the 65 / 45 thresholds', () => {
    expect(theme('t1').swot).toBe('vigilance');
    expect(theme('t2').swot).toBe('weakness');
    expect(theme('t3').swot).toBe('opportunity');
    expect(r.swot).toEqual({ strengths: [], weaknesses: ['t2'], opportunities: ['t3'], threats: [], vigilance: ['t1'] });
    const strict = computePoleResults({ ...input, thresholds: { high: 50, low: 30 } });
    expect(strict.swot).toMatchObject({ strengths: ['t1'], weaknesses: [], opportunities: ['t3'] });
  });

  it('proposes the options whose conditions hold, ranked by distance beyond the thresholds', () => {
    // wo: (45 − 44.44) and (66.67 − 65) → mean 1.11 ; wt: 45 − 44.44 = 0.56 ; so: t1 is no strength
    expect(r.options.map((o) => o.id)).toEqual(['wo', 'wt']);
    expect(r.options[0].strength).toBeCloseTo(((45 - 400 / 9) + (200 / 3 - 65)) / 2, 9);
    expect(r.options[0]).toMatchObject({ quadrant: 'WO', themes: ['t2', 't3'], needsConsensus: false });
    const strict = computePoleResults({ ...input, thresholds: { high: 50, low: 30 } });
    // t1 is now a strength, and in dissensus: its option must be built in consensus first.
    expect(strict.options).toEqual([expect.objectContaining({ id: 'so', needsConsensus: true })]);
  });

  it('counts participation per collège and names collèges of the profile absent from the answers', () => {
    expect(r.participation).toMatchObject({ invited: 8, submitted: 5, missingColleges: [] });
    expect(r.participation.colleges[0]).toEqual({ college: 'A', label: 'Collège A', invited: 3, submitted: 2, members: 4 });
    const noC = computePoleResults({ ...input, participation: input.participation.filter((p) => p.college !== 'C') });
    expect(noC.participation.missingColleges).toEqual([{ college: 'C', label: 'Collège C' }]);
    expect(noC.participation.warnings[0]).toMatch(/Collège C/);
    expect(computePoleResults({ ...input, profile: null }).participation.warnings[0]).toMatch(/profil du pôle n’est pas renseigné/);
  });

  it('shows free text only from k answers, sorted, never attributed', () => {
    expect(r.verbatims).toEqual([{ question: 'free', label: 'Ce qui marche', answers: ['Autre', 'Bien'] }]);
  });

  it('gives no results at all under k submitted responses', () => {
    const few = computePoleResults({ ...input, responses: responses.slice(0, 2), minGroupSize: 3 });
    expect(few.available).toBe(false);
    expect(few.message).toMatch(/3 réponses/);
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
      definition: previousDefinition,
      responses: [
        { college: 'A', data: { m: { a: 4 }, lvl: 3 } }, // m.a 75, lvl 100
        { college: 'B', data: { m: { a: 2 }, lvl: 0 } }, // m.a 25, lvl 0
      ],
    };
    const e = computePoleResults({ ...input, previous }).evolution!;
    expect(e.previousCampaign).toEqual({ id: 'c0', year: 2025 });
    const t = (id: string) => e.themes.find((x) => x.id === id)!;
    // t1 on m.a only: now 54.17 (see items), then (75 + 25)/2 = 50
    expect(t('t1').sharedItems).toBe(1);
    expect(t('t1').previous).toBe(50);
    expect(t('t1').current).toBeCloseTo(162.5 / 3, 9);
    expect(t('t1').delta).toBeCloseTo(162.5 / 3 - 50, 9);
    // t2 on lvl: now 44.44, then (100 + 0)/2 = 50
    expect(t('t2').delta).toBeCloseTo(400 / 9 - 50, 9);
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
      definition: previousDefinition,
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
    // t1 on m.a (as m.debat) and m.b: then (75 + 25)/2 = 50 ; now on both items, as the theme score: 56.25
    expect(t('t1')).toMatchObject({ sharedItems: 2, previous: 50, current: 56.25, delta: 6.25 });
    // t3 on c.x (as ctx.x, through the question's mapping): then (100 + 0)/2 = 50 ; now 200/3
    expect(t('t3')).toMatchObject({ sharedItems: 1, previous: 50 });
    expect(t('t3').delta).toBeCloseTo(200 / 3 - 50, 9);
    // Unchanged names need no mapping: t2 on lvl, then (100 + 0)/2 = 50, now 400/9.
    expect(t('t2').delta).toBeCloseTo(400 / 9 - 50, 9);

    // Without the mapping, the renamed items count as new: t1 on m.b alone (then A 75, B "nsp" → 75), t3 on nothing.
    const plain = computePoleResults({ ...input, previous }).evolution!;
    const p = (id: string) => plain.themes.find((x) => x.id === id)!;
    expect(p('t1')).toMatchObject({ sharedItems: 1, previous: 75, current: 62.5 });
    expect(p('t3')).toMatchObject({ sharedItems: 0, previous: null, current: null, delta: null });
  });
});
