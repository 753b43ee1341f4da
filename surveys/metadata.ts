// Scoring metadata carried by the SurveyJS JSON itself, so that SurveyJS Creator keeps it
// and one definition drives the form, the server-side validation, scoring and reports.
import { Serializer } from 'survey-core';

export type Polarity = 'positive' | 'negative';
export type Factor = 'internal' | 'external';

/** `ptce` property of a scored question or of a matrix row. */
export interface PtceItemMeta {
  dimension: string;
  theme: string;
  seedRef: string;
  polarity: Polarity;
  factor: Factor;
}

/** `ptce` property of the survey: the dimensions and themes its items refer to. */
export interface PtceSurveyMeta {
  dimensions: { id: string; label: string; factor: Factor }[];
  themes: { id: string; label: string; dimension: string; seedRefs: string[] }[];
}

let registered = false;

/** Must run before any `new Model(...)`, on the server and in the browser. Idempotent. */
export function registerPtceProperties(): void {
  if (registered) return;
  registered = true;
  for (const className of ['question', 'itemvalue', 'survey']) {
    if (!Serializer.findProperty(className, 'ptce')) {
      Serializer.addProperty(className, { name: 'ptce', type: 'object', visible: false } as never);
    }
  }
}
