// Collèges come from the choices of the questionnaire's `college` question (plain JSON walk,
// no SurveyJS on the staff pages).
import type { SurveyJson } from './types';

export interface CollegeChoice {
  value: string;
  label: string;
}

type Json = Record<string, unknown>;

function localized(text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const t = text as Json;
    const value = t.fr ?? t.default ?? Object.values(t)[0];
    return typeof value === 'string' ? value : null;
  }
  return null;
}

function findQuestion(elements: unknown, name: string): Json | null {
  if (!Array.isArray(elements)) return null;
  for (const element of elements) {
    if (!element || typeof element !== 'object') continue;
    const e = element as Json;
    if (e.name === name && e.type !== 'panel' && e.type !== 'page') return e;
    const nested = findQuestion(e.elements, name) ?? findQuestion(e.templateElements, name);
    if (nested) return nested;
  }
  return null;
}

export function collegeChoices(questionnaire: SurveyJson | null | undefined): CollegeChoice[] {
  if (!questionnaire) return [];
  const question =
    findQuestion(questionnaire.pages, 'college') ??
    findQuestion(questionnaire.elements, 'college') ??
    findQuestion(questionnaire.questions, 'college');
  if (!question || !Array.isArray(question.choices)) return [];
  return question.choices.flatMap((choice): CollegeChoice[] => {
    if (typeof choice === 'string' || typeof choice === 'number') {
      return [{ value: String(choice), label: String(choice) }];
    }
    if (choice && typeof choice === 'object') {
      const c = choice as Json;
      if (c.value === undefined || c.value === null) return [];
      const value = String(c.value);
      return [{ value, label: localized(c.text) ?? value }];
    }
    return [];
  });
}

export function collegeLabel(choices: CollegeChoice[], value: string | null): string {
  if (value === null) return 'Au choix du répondant';
  return choices.find((c) => c.value === value)?.label ?? value;
}
