// Turns one respondent's answers into item and theme scores (0..100), from the questionnaire's own metadata.
// Compiled once per questionnaire version: scoring thousands of responses does no lookups by name.
import { listScoredItems, localized } from '../../surveys/check.ts';
import type { PtceSurveyMeta } from '../../surveys/metadata.ts';

type Json = Record<string, any>;

export interface ScoringItem {
  key: string;
  question: string;
  row?: string;
  label: string;
  theme: string;
  polarity: 'positive' | 'negative';
  min: number;
  max: number;
}

export interface ScoringTheme {
  id: string;
  label: string;
  dimension: string;
  factor: 'internal' | 'external';
  seedRefs: string[];
  /** Indexes into `items`. */
  items: number[];
}

export interface ScoringModel {
  items: ScoringItem[];
  themes: ScoringTheme[];
  dimensions: { id: string; label: string; factor: 'internal' | 'external' }[];
  /** Free-text questions (comments), whose answers become verbatims. */
  freeText: { name: string; label: string }[];
  itemIndex: Map<string, number>;
}

export interface RespondentScores {
  /** One per item, null when unanswered or "nsp". */
  items: (number | null)[];
  /** One per theme: mean of its answered items, null when none. */
  themes: (number | null)[];
}

const cache = new WeakMap<object, ScoringModel>();

export function scoringModel(definition: Json): ScoringModel {
  let model = cache.get(definition);
  if (!model) {
    model = compileScoring(definition);
    cache.set(definition, model);
  }
  return model;
}

function compileScoring(definition: Json): ScoringModel {
  const meta = definition.ptce as PtceSurveyMeta;
  const dimensions = meta.dimensions.map((d) => ({ id: d.id, label: d.label, factor: d.factor }));
  const factorOf = new Map(dimensions.map((d) => [d.id, d.factor]));
  const items: ScoringItem[] = listScoredItems(definition).map((s) => ({
    key: s.key, question: s.question, row: s.row, label: s.label, theme: s.meta.theme, polarity: s.meta.polarity, min: s.min, max: s.max,
  }));
  const themes: ScoringTheme[] = meta.themes.map((t) => ({
    id: t.id, label: t.label, dimension: t.dimension, factor: factorOf.get(t.dimension) ?? 'internal', seedRefs: t.seedRefs,
    items: items.flatMap((item, i) => (item.theme === t.id ? [i] : [])),
  }));
  const freeText: ScoringModel['freeText'] = [];
  const walk = (elements: Json[] | undefined) => {
    for (const el of elements ?? []) {
      if (el.type === 'panel') walk(el.elements);
      else if (el.type === 'comment') freeText.push({ name: el.name, label: localized(el.title) || el.name });
    }
  };
  for (const page of definition.pages ?? [{ elements: definition.elements }]) walk(page.elements);
  return { items, themes, dimensions, freeText, itemIndex: new Map(items.map((item, i) => [item.key, i])) };
}

/** (v − min) / (max − min) × 100, reversed for a statement phrased as a problem; null for "nsp" or no answer. */
export function itemScore(item: Pick<ScoringItem, 'min' | 'max' | 'polarity'>, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const score = ((value - item.min) / (item.max - item.min)) * 100;
  return item.polarity === 'negative' ? 100 - score : score;
}

export function scoreRespondent(model: ScoringModel, data: Json): RespondentScores {
  const items = model.items.map((item) => {
    const answer = data[item.question];
    return itemScore(item, item.row === undefined ? answer : answer && typeof answer === 'object' ? answer[item.row] : undefined);
  });
  const themes = model.themes.map((theme) => {
    let sum = 0;
    let n = 0;
    for (const i of theme.items) {
      const s = items[i];
      if (s !== null) {
        sum += s;
        n++;
      }
    }
    return n ? sum / n : null;
  });
  return { items, themes };
}
