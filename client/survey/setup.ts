// SurveyJS for the browser: fontless theme (Open Sans is self-hosted by main.tsx), French locale, ptce metadata.
// Only reached through dynamic imports, so SurveyJS stays out of the staff pages' main chunk.
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/french';
import { Model } from 'survey-core';
import { registerPtceProperties } from '../../surveys/serializer';

registerPtceProperties();

export function createSurveyModel(json: object): Model {
  const model = new Model(json);
  model.locale = 'fr';
  return model;
}

/** Title of a question for error lists (falls back to its name). */
export function questionTitle(model: Model, name: string): string {
  const question = model.getQuestionByName(name);
  if (!question) return name;
  return question.processedTitle || question.title || name;
}
