// Collèges come from the choices of the questionnaire's `college` question: the same reading as the server's
// (surveys/json.ts, plain JSON, no SurveyJS on the staff pages).
import { collegesOf } from '../surveys/json';
import type { SurveyJson } from '../reports/contract/resources';

export interface CollegeChoice {
  value: string;
  label: string;
}

export function collegeChoices(questionnaire: SurveyJson | null | undefined): CollegeChoice[] {
  return collegesOf(questionnaire).map((c) => ({ value: c.id, label: c.label }));
}

export function collegeLabel(choices: CollegeChoice[], value: string | null): string {
  if (value === null) return 'Au choix du répondant';
  return choices.find((c) => c.value === value)?.label ?? value;
}
