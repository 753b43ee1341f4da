// Property-based tests (fast-check) on what outsiders feed the service: validation and scoring never throw, whatever
// the answers; accepted answers score within 0..100; a balanced figure lies between its groups' figures.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../surveys/validator.ts';
import { partsOf, questionnaireModel, type ModelQuestion } from '../../surveys/model.ts';
import { scoreRespondent } from '../../reports/analysis/scoring.ts';
import { aggregate, combineAggregates, type AggregateRules } from '../../reports/analysis/aggregate.ts';
import { groupColleges } from '../../reports/analysis/groups.ts';
import { computePoleResults } from '../../reports/analysis/pole-results.ts';
import type { Aggregate } from '../../reports/types.ts';

const definition = JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8'));
const model = questionnaireModel(definition);
const validator = compileValidator(model.questions);
const names = model.questions.map((q) => q.name);
const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100);

/** A value a question could plausibly receive: one of its own values, or anything JSON can carry. */
function valueFor(q: ModelQuestion): fc.Arbitrary<unknown> {
  const own = [...partsOf(q.json.choices), ...partsOf(q.json.columns)].map((p) => p.value);
  const rows = partsOf(q.json.rows).map((p) => String(p.value));
  const cell = own.length ? fc.oneof(fc.constantFrom(...own), fc.jsonValue()) : fc.jsonValue();
  return fc.oneof(
    { weight: 3, arbitrary: cell },
    { weight: rows.length ? 3 : 0, arbitrary: rows.length ? fc.dictionary(fc.constantFrom(...rows, 'ligne_inventee'), cell) : fc.constant(null) },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
  );
}

/** Answers keyed by the questionnaire's own question names (and a few strangers), with values of every kind. */
const answers: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.constantFrom(...names, 'question_inventee', '__proto__', 'constructor', 'college-Comment'), { maxLength: 40 })
  .chain((keys) => fc.tuple(...keys.map((k) => {
    const q = model.questions.find((x) => x.name === k);
    return q ? valueFor(q) : fc.jsonValue();
  })).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));

describe('properties (fast-check)', () => {
  it('validation never throws, on anything at all and on answers shaped like the questionnaire’s', () => {
    fc.assert(fc.property(fc.anything(), fc.constantFrom('draft' as const, 'submit' as const), (data, mode) => {
      expect(Array.isArray(validator.validate(data, mode))).toBe(true);
    }), { numRuns: 300 });
    fc.assert(fc.property(answers, fc.constantFrom('draft' as const, 'submit' as const), (data, mode) => {
      for (const issue of validator.validate(data, mode)) expect(typeof issue.message).toBe('string');
    }), { numRuns: 300 });
  });

  it('scoring never throws, and answers validation accepts score within 0..100', () => {
    let accepted = 0;
    fc.assert(fc.property(answers, (data) => {
      const scores = scoreRespondent(model, data);
      expect(scores.items).toHaveLength(model.items.length);
      if (validator.validate(data, 'draft').length) return;
      accepted++;
      expect(scores.items.every(inRange)).toBe(true);
      expect(scores.themes.every(inRange)).toBe(true);
    }), { numRuns: 400 });
    // The property must have met accepted answers, or it proves nothing about them.
    expect(accepted).toBeGreaterThan(20);
    fc.assert(fc.property(fc.anything(), (data) => {
      scoreRespondent(model, (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>);
    }), { numRuns: 200 });
  });

  const colleges = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() }));
  /** Respondents of a pole: collège (or none, or unknown), results batch, and one score (or none) per item. */
  const respondents = (items: number) =>
    fc.array(
      fc.record({
        college: fc.constantFrom<string | null>('a', 'a', 'b', 'c', 'd', null, 'inconnu'),
        batch: fc.integer({ min: 1, max: 3 }),
        values: fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), { minLength: items, maxLength: items }),
      }),
      { minLength: 0, maxLength: 40 },
    );
  const between = (figure: Aggregate) => {
    const shown = figure.byCollege.flatMap((g) => (g.score === null ? [] : [g.score]));
    if (figure.score === null) return expect(shown).toEqual([]);
    expect(figure.score).toBeGreaterThanOrEqual(Math.min(...shown) - 1e-9);
    expect(figure.score).toBeLessThanOrEqual(Math.max(...shown) + 1e-9);
    expect(inRange(figure.score)).toBe(true);
  };

  it('puts every balanced item and theme score between its lowest and highest group score', () => {
    fc.assert(fc.property(respondents(3), fc.integer({ min: 1, max: 5 }), (people, k) => {
      const rules: AggregateRules = { grouping: groupColleges(colleges, people, k), minGroupSize: k, dissensusThreshold: 20 };
      const items = [0, 1, 2].map((i) => aggregate(people.map((p) => ({ college: p.college, batch: p.batch, value: p.values[i] })), rules));
      items.forEach(between);
      between(combineAggregates(items, rules));
    }), { numRuns: 500 });
  });

  it('keeps a whole pole report’s figures within 0..100 and between its groups, on answers the questionnaire accepts', () => {
    const item = (i: number) => model.items[i];
    const accepted = fc.array(
      fc.record({
        college: fc.constantFrom(...model.colleges.map((c) => c.id)),
        cells: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: model.items.length, maxLength: model.items.length }),
      }),
      { minLength: 3, maxLength: 12 },
    );
    fc.assert(fc.property(accepted, (people) => {
      const responses = people.map(({ college, cells }) => {
        const data: Record<string, unknown> = { college };
        cells.forEach((c, i) => {
          const { question, row, min, max } = item(i);
          // A position on the item's own scale (or no answer): what the form can send.
          const value = c === null ? undefined : min + Math.round(((max - min) * c) / 100);
          if (value === undefined) return;
          if (row === undefined) data[question] = value;
          else data[question] = { ...(data[question] as object | undefined), [row]: value };
        });
        return { college, data };
      });
      const r = computePoleResults({
        pole: { id: 'p', name: 'P' }, campaign: { id: 'c', year: 2026, questionnaireId: 'ptce-2026' }, model, colleges: model.colleges,
        responses, participation: [], profile: null, minGroupSize: 3,
      });
      expect(r.available).toBe(true);
      [...r.items, ...r.themes].forEach(between);
      expect(inRange(r.overall)).toBe(true);
    }), { numRuns: 25 });
  });
});
