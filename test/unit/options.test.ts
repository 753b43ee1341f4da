// Choosing a pole's strategic options (reports/analysis/options.ts): a remedy paired with its context, what the
// profile shows to be in place left out, the item behind each option, the order; then, over random results, the
// promises of the real catalogue.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectOptions } from '../../reports/analysis/options.ts';
import { swotCategory } from '../../reports/analysis/swot.ts';
import type { ItemResult, PoleResults, StrategicOptionResult, ThemeResult } from '../../reports/types.ts';
import { NO_POLE_FACTS, partsOf, profileModel, questionnaireModel, type PoleFacts } from '../../surveys/model.ts';
import { STRATEGIC_OPTIONS, type StrategicOptionDefinition } from '../../surveys/strategic-options.ts';
import { contradictions, outOfOrder, unanswered } from '../helpers/options.ts';

const T = { high: 65, low: 45 };
const NBSP = '\u00a0';

function theme(id: string, factor: 'internal' | 'external', score: number | null): ThemeResult {
  return {
    id, label: `Thème ${id}`, dimension: factor === 'internal' ? 'gouvernance' : 'contexte', factor, seedRefs: [],
    score, rawScore: score, n: 10, byCollege: [], spread: null, sd: null, dissensus: false, swot: swotCategory(score, factor, T), interval: null,
  };
}
const internal = (id: string, score: number | null) => theme(id, 'internal', score);
const external = (id: string, score: number | null) => theme(id, 'external', score);
const item = (name: string, themeId: string, score: number | null, polarity: 'positive' | 'negative' = 'positive'): ItemResult => ({
  name, label: `Énoncé ${name}.`, theme: themeId, polarity, score, rawScore: score, n: 10, byCollege: [], spread: null, sd: null, dissensus: false, interval: null, nspRate: null,
});
const facts = (known: Partial<PoleFacts> = {}): PoleFacts => ({ ...NO_POLE_FACTS, ...known });

/** Every tool and network the 2027 profile asks about, in place (and a DLA support under way). */
const ALL_IN_PLACE: Partial<PoleFacts> = { employersGroup: true, cressMember: true, rtesMember: true, caeLink: true, dlaSupport: 'en_cours' };

const select = (catalogue: readonly StrategicOptionDefinition[], themes: ThemeResult[], items: ItemResult[] = [], known: PoleFacts | null = null) =>
  selectOptions({ catalogue, themes, items, roles: new Map(), thresholds: T, facts: known });

const remedy = (id: string, weak: string, pairWith: string[]): StrategicOptionDefinition =>
  ({ id, title: id, description: 'd', seedRef: 'G-P1', when: [{ role: weak, is: 'weakness' }], pairWith });

describe('pairing a remedy with its context', () => {
  // The middle of the vigilance zone is 55.
  it('takes the context theme furthest from the middle of the vigilance zone: above it a support (WO), below it a threat (WT)', () => {
    const only = (a: number, b: number, pairWith = ['a', 'b']) =>
      select([remedy('r', 'w', pairWith)], [internal('w', 30), external('a', a), external('b', b), external('z', 100)])[0];
    // z is further still, but the remedy is not paired with it.
    expect(only(70, 30)).toMatchObject({ quadrant: 'WT', themes: ['w', 'b'], context: { theme: 'b', score: 30, category: 'threat' } });
    expect(only(90, 40)).toMatchObject({ quadrant: 'WO', themes: ['w', 'a'], context: { theme: 'a', score: 90, category: 'opportunity' } });
    // 70 and 40 lie as far from the middle: the first listed wins.
    expect(only(70, 40).context!.theme).toBe('a');
    expect(only(70, 40, ['b', 'a']).context!.theme).toBe('b');
    // (45 − 30) and (45 − 30), the threat's distance beyond its threshold.
    expect(only(70, 30).strength).toBe(15);
  });

  it('labels a remedy whose context all lies in the vigilance zone by the nearer zone, and says it is not there yet', () => {
    const r = (a: number, b: number) => select([remedy('r', 'w', ['a', 'b'])], [internal('w', 30), external('a', a), external('b', b)])[0];
    const supported = r(60, 52);
    expect(supported).toMatchObject({ quadrant: 'WO', context: { theme: 'a', category: 'vigilance' } });
    expect(supported.reason).toBe(`Appui possible, sans être encore une opportunité${NBSP}: «${NBSP}Thème a${NBSP}» (60,0 sur 100).`);
    // The context counts for nothing in the strength: (45 − 30 + 0) / 2.
    expect(supported.strength).toBe(7.5);
    const watched = r(56, 47);
    expect(watched).toMatchObject({ quadrant: 'WT', context: { theme: 'b', category: 'vigilance' } });
    expect(watched.reason).toBe(`À surveiller, sans être encore une menace${NBSP}: «${NBSP}Thème b${NBSP}» (47,0 sur 100).`);
  });

  it('still proposes a remedy none of whose context themes has a figure, as a defensive WT', () => {
    const [o] = select([remedy('r', 'w', ['a', 'absent'])], [internal('w', 30), external('a', null)], [item('w.x', 'w', 30)]);
    expect(o).toMatchObject({ quadrant: 'WT', themes: ['w'], context: null, strength: 15 });
    expect(o.reason).toBe(`Point le plus faible${NBSP}: «${NBSP}Énoncé w.x${NBSP}» (30,0 sur 100).`);
  });

  it('proposes a remedy only to a weakness', () => {
    expect(select([remedy('r', 'w', ['a'])], [internal('w', 50), external('a', 80)])).toEqual([]);
    expect(select([remedy('r', 'w', ['a'])], [internal('w', null), external('a', 80)])).toEqual([]);
  });
});

describe('what the pole already has', () => {
  const definition = (id: string) => STRATEGIC_OPTIONS.find((o) => o.id === id)!;
  // Themes that meet all of an option's conditions (and a supporting context for a remedy).
  const meeting = (o: StrategicOptionDefinition): ThemeResult[] => [
    ...o.when.map((c) => (c.is === 'strength' ? internal(c.role, 80) : c.is === 'weakness' ? internal(c.role, 30) : external(c.role, c.is === 'opportunity' ? 80 : 20))),
    ...('pairWith' in o ? [external(o.pairWith[0], 80)] : []),
  ];
  const proposed = (id: string, known: PoleFacts | null) => select([definition(id)], meeting(definition(id)), [], known).length === 1;

  it('does not propose what the profile shows to be in place', () => {
    expect(proposed('wo-scic-college-collectivites', facts({ legalForm: 'scic' }))).toBe(false);
    expect(proposed('wo-scic-college-collectivites', facts({ legalForm: 'association' }))).toBe(true);
    expect(proposed('wo-lieu-vitrine-collectivites', facts({ venue: true }))).toBe(false);
    expect(proposed('wo-lieu-vitrine-collectivites', facts({ venue: false }))).toBe(true);
    for (const legalForm of ['association', 'scic', 'ues', 'scop', 'autre']) expect(proposed('wt-structure-juridique-financements', facts({ legalForm })), legalForm).toBe(false);
    expect(proposed('wt-structure-juridique-financements', facts({ legalForm: 'aucune' }))).toBe(true);
    // « Rédiger ensemble une charte » only while the charter is not adopted; making it known and applied once it is.
    expect(proposed('remede-charte-reglement', facts({ charter: 'adoptee' }))).toBe(false);
    expect(proposed('remede-charte-reglement', facts({ charter: 'en_cours' }))).toBe(true);
    expect(proposed('remede-faire-vivre-charte', facts({ charter: 'adoptee' }))).toBe(true);
    expect(proposed('remede-faire-vivre-charte', facts({ charter: 'en_cours' }))).toBe(false);
    expect(proposed('remede-lieu-chez-un-membre', facts({ venue: true }))).toBe(false);
    expect(proposed('remede-lieu-mutualisation', facts({ venue: true }))).toBe(true);
    expect(proposed('remede-lieu-mutualisation', facts({ venue: false }))).toBe(false);
    // Statutes need a legal person.
    expect(proposed('st-statuts-proteger-projet', facts({ legalForm: 'aucune' }))).toBe(false);
  });

  it('does not propose an employers’ group, the CRESS, the RTES, a CAE or a DLA to a pole that has them, or has just had one', () => {
    const cases: [string, Partial<PoleFacts>, Partial<PoleFacts>][] = [
      ['wo-groupement-employeurs', { employersGroup: true }, { employersGroup: false }],
      ['remede-adherer-cress', { cressMember: true }, { cressMember: false }],
      ['remede-rtes-collectivites', { rtesMember: true }, { rtesMember: false }],
      ['remede-cae-activites', { caeLink: true }, { caeLink: false }],
      ['remede-dla-structuration', { dlaSupport: 'en_cours' }, { dlaSupport: 'ancien' }],
      ['remede-dla-structuration', { dlaSupport: 'recent' }, { dlaSupport: 'jamais' }],
    ];
    for (const [id, inPlace, missing] of cases) {
      expect(proposed(id, facts(inPlace)), `${id} ${JSON.stringify(inPlace)}`).toBe(false);
      expect(proposed(id, facts(missing)), `${id} ${JSON.stringify(missing)}`).toBe(true);
      expect(proposed(id, facts()), `${id} unknown`).toBe(true);
    }
  });

  it('takes a fact the profile does not give as showing nothing', () => {
    for (const known of [null, facts()]) {
      expect(proposed('wo-scic-college-collectivites', known)).toBe(true);
      expect(proposed('wt-structure-juridique-financements', known)).toBe(true);
      expect(proposed('remede-charte-reglement', known)).toBe(true);
      expect(proposed('remede-faire-vivre-charte', known)).toBe(false);
      expect(proposed('remede-lieu-mutualisation', known)).toBe(false);
    }
  });

  it('leaves no weakness without a remedy, whatever the profile of the pole', () => {
    const profile = profileModel(JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.profile.json', import.meta.url), 'utf8')));
    const values = (role: 'legalForm' | 'charter') => [null, ...partsOf(profile.fields[role]!.json.choices).map((c) => String(c.value))];
    const model = questionnaireModel(JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8')));
    for (const weak of model.themes.filter((t) => t.factor === 'internal')) {
      // Every other theme in the vigilance zone.
      const themes = model.themes.map((t) => theme(t.id, t.factor, t.id === weak.id ? 30 : 55));
      for (const legalForm of values('legalForm')) for (const charter of values('charter')) for (const venue of [null, true, false]) for (const tools of [{}, ALL_IN_PLACE]) {
        const options = select(STRATEGIC_OPTIONS, themes, [], facts({ legalForm, charter, venue, ...tools }));
        expect(options.some((o) => o.themes[0] === weak.id && (o.quadrant === 'WO' || o.quadrant === 'WT')), `${weak.id} ${legalForm} ${charter} ${venue} ${JSON.stringify(tools)}`).toBe(true);
      }
    }
  });
});

describe('the item behind an option', () => {
  const paired: StrategicOptionDefinition[] = [
    { id: 'wo', quadrant: 'WO', title: 'WO', description: 'd', seedRef: 'G-P1', when: [{ role: 'w', is: 'weakness' }, { role: 'a', is: 'opportunity' }] },
    { id: 'so', quadrant: 'SO', title: 'SO', description: 'd', seedRef: 'G-P1', when: [{ role: 's', is: 'strength' }, { role: 'a', is: 'opportunity' }] },
  ];
  const themes = [internal('w', 30), internal('s', 80), external('a', 70)];

  it('names the lowest row of a weakness and the highest of a strength, among the rows that have a figure', () => {
    const items = [item('w.1', 'w', 40), item('w.2', 'w', 20, 'negative'), item('w.3', 'w', null), item('s.1', 's', 70), item('s.2', 's', 90)];
    const [wo, so] = select(paired, themes, items);
    expect(wo.because).toEqual({ theme: 'w', item: 'w.2', label: 'Énoncé w.2.', polarity: 'negative', score: 20 });
    expect(so.because).toEqual({ theme: 's', item: 's.2', label: 'Énoncé s.2.', polarity: 'positive', score: 90 });
    // A statement of a problem scores low when respondents share it.
    expect(wo.reason).toBe(`Point le plus faible${NBSP}: «${NBSP}Énoncé w.2${NBSP}», un constat partagé (20,0 sur 100). Opportunité sur laquelle s’appuyer${NBSP}: «${NBSP}Thème a${NBSP}» (70,0 sur 100).`);
    expect(so.reason).toMatch(new RegExp(`^Point le plus fort${NBSP}: «${NBSP}Énoncé s.2${NBSP}» \\(90,0 sur 100\\)\\.`));
    const rejected = select(paired, themes, [item('s.1', 's', 85, 'negative')])[1];
    expect(rejected.reason).toMatch(new RegExp(`^Point le plus fort${NBSP}: le constat «${NBSP}Énoncé s.1${NBSP}» est écarté \\(85,0 sur 100\\)\\.`));
  });
});

describe('the order: most urgent first', () => {
  it('puts the answers to weaknesses first, the weakest theme first, then the options built on strengths', () => {
    const catalogue: StrategicOptionDefinition[] = [
      { id: 'so', quadrant: 'SO', title: 'SO', description: 'd', seedRef: 'G-P1', when: [{ role: 's', is: 'strength' }, { role: 'a', is: 'opportunity' }] },
      remedy('r1', 'w1', ['b']),
      remedy('r2', 'w2', ['b']),
      { id: 'wo', quadrant: 'WO', title: 'WO', description: 'd', seedRef: 'G-P1', when: [{ role: 'w1', is: 'weakness' }, { role: 'a', is: 'opportunity' }] },
    ];
    const themes = [internal('s', 95), internal('w1', 40), internal('w2', 20), external('a', 80), external('b', 60)];
    // w2 (20) before w1 (40); within w1, wo (mean of 5 and 15) before r1 (mean of 5 and 0, b being in the vigilance
    // zone); so, though furthest beyond the thresholds (22.5), last.
    expect(select(catalogue, themes).map((o) => o.id)).toEqual(['r2', 'wo', 'r1', 'so']);
  });

  it('orders equally weak themes as the questionnaire does, whatever the catalogue’s order', () => {
    const catalogue = [remedy('r-second', 'second', ['a']), remedy('r-first', 'first', ['a'])];
    expect(select(catalogue, [internal('first', 30), internal('second', 30), external('a', 80)]).map((o) => o.id)).toEqual(['r-first', 'r-second']);
  });
});

describe('the catalogue over any results', () => {
  const definition = JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8'));
  const model = questionnaireModel(definition);
  const profile = profileModel(JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.profile.json', import.meta.url), 'utf8')));
  const choices = (role: 'legalForm' | 'charter') => fc.constantFrom(null, ...partsOf(profile.fields[role]!.json.choices).map((c) => String(c.value)));
  const yesNo = fc.constantFrom(null, true, false);
  const anyFacts = fc
    .record({
      legalForm: choices('legalForm'), charter: choices('charter'), venue: yesNo,
      employersGroup: yesNo, cressMember: yesNo, rtesMember: yesNo, caeLink: yesNo, dlaSupport: fc.constantFrom(null, 'en_cours', 'recent', 'ancien', 'jamais'),
    })
    .map((f) => facts(f));
  const itemScores = fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 8 }), { minLength: model.items.length, maxLength: model.items.length });

  it('answers every weakness, never contradicts its triggers, and keeps the most urgent first', () => {
    fc.assert(
      fc.property(itemScores, anyFacts, (scores, known) => {
        const items = model.items.map((it, i) => ({ ...item(it.key, it.theme, scores[i], it.polarity), label: it.label }));
        const themes = model.themes.map((t) => {
          const figures = t.items.map((i) => scores[i]).filter((s): s is number => s !== null);
          return { ...theme(t.id, t.factor, figures.length ? figures.reduce((a, b) => a + b, 0) / figures.length : null), label: t.label };
        });
        const options: StrategicOptionResult[] = selectOptions({ catalogue: STRATEGIC_OPTIONS, themes, items, roles: new Map(model.themes.map((t) => [t.id, t.role])), thresholds: T, facts: known });
        const ids = (category: string) => themes.filter((t) => t.swot === category).map((t) => t.id);
        const results: Pick<PoleResults, 'themes' | 'options' | 'thresholds' | 'swot'> = {
          themes, options, thresholds: T,
          swot: { strengths: ids('strength'), weaknesses: ids('weakness'), opportunities: ids('opportunity'), threats: ids('threat'), vigilance: ids('vigilance'), uncertain: [] },
        };
        expect(contradictions(results)).toEqual([]);
        expect(unanswered(results)).toEqual([]);
        expect(outOfOrder(results)).toEqual([]);
        for (const o of options) if (o.quadrant === 'WO' || o.quadrant === 'WT') expect(o.because?.score).toBe(Math.min(...items.filter((i) => i.theme === o.themes[0] && i.score !== null).map((i) => i.score!)));
      }),
      { numRuns: 200 },
    );
  });
});
