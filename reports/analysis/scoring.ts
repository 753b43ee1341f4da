// Turns one respondent's answers into item and theme scores (0..100), from the questionnaire's own metadata.
// The model is compiled once per questionnaire version (surveys/model.ts): scoring thousands of responses does no lookups by name.
import type { ModelItem, QuestionnaireModel } from '../../surveys/model.ts';

/** One respondent's answers, as stored. */
export type Answers = Readonly<Record<string, unknown>>;

export interface RespondentScores {
  /** One per item, null when unanswered or "nsp". */
  items: (number | null)[];
  /** One per theme: mean of its answered items, null when none. */
  themes: (number | null)[];
}

/** (v − min) / (max − min) × 100, reversed for a statement phrased as a problem; null for "nsp" or no answer. */
export function itemScore(item: Pick<ModelItem, 'min' | 'max' | 'polarity'>, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const score = ((value - item.min) / (item.max - item.min)) * 100;
  return item.polarity === 'negative' ? 100 - score : score;
}

/** The answer a respondent gave to an item: its question's value, or its row's in a matrix. */
export function itemAnswer(item: Pick<ModelItem, 'question' | 'row'>, data: Answers): unknown {
  const answer = data[item.question];
  return item.row === undefined ? answer : answer && typeof answer === 'object' ? (answer as Answers)[item.row] : undefined;
}

export function scoreRespondent(model: QuestionnaireModel, data: Answers): RespondentScores {
  const items = model.items.map((item) => itemScore(item, itemAnswer(item, data)));
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
