// SurveyJS for the browser: fontless theme (Open Sans is self-hosted by main.tsx), French locale, ptce metadata.
// Only reached through dynamic imports, so SurveyJS stays out of the staff pages' main chunk.
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/french';
// After SurveyJS's sheet: touch targets, matrices on narrow screens, visible focus (issue 13).
import './survey-a11y.css';
import { Model } from 'survey-core';
import createDOMPurify from 'dompurify';
import { htmlSanitizer } from '../../surveys/html';
import { registerPtceProperties } from '../../surveys/serializer';

registerPtceProperties();

const cleanHtml = htmlSanitizer(createDOMPurify(window));

/**
 * The server keeps only sanitized markup, but SurveyJS then fills answers into it unescaped (`{question}` in an html
 * question or `completedHtml`): what an answer brings in is only known here, so the markup is sanitized again once
 * filled in. Titles and descriptions are never HTML (no `onTextMarkdown` handler is set), only these are.
 */
class SafeModel extends Model {
  override processHtml(html: string, reason?: string): string {
    return cleanHtml(super.processHtml(html, reason));
  }
}

export function createSurveyModel(json: object): Model {
  const model = new SafeModel(json);
  model.locale = 'fr';
  return model;
}

/** Title of a question for error lists (falls back to its name). */
export function questionTitle(model: Model, name: string): string {
  const question = model.getQuestionByName(name);
  if (!question) return name;
  return question.processedTitle || question.title || name;
}
