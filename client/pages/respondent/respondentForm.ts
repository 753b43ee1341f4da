// The respondent page's view of GET /api/responses/:token (reports/contract/respondent.ts): once submitted, only
// { kind, status: 'submitted' } comes back; a shared link answers { kind: 'shared', status: 'new', pole, campaign,
// presetCollege } (no questionnaire). What remains is a form that can be filled in, whose questionnaire is read at
// the address the view gives (questionnaireUrl, one per version, kept by the browser's cache).
import type { RespondentCampaign, RespondentResponse } from '../../../reports/contract/respondent';
import type { SurveyJson } from '../../../reports/contract/resources';

/** A response view that can be filled in (individual, not submitted), before its questionnaire is read. */
export interface FillableResponse extends RespondentResponse {
  kind: 'individual';
  status: 'new' | 'draft';
  pole: { name: string };
  campaign: RespondentCampaign;
  questionnaireUrl: string;
}

/** What the questionnaire form needs: the view and the definition read from its address. */
export interface RespondentForm extends FillableResponse {
  questionnaire: SurveyJson;
}

export function isFillable(response: RespondentResponse): response is FillableResponse {
  return (
    response.kind === 'individual' &&
    response.status !== 'submitted' &&
    !!response.pole &&
    !!response.campaign &&
    !!response.questionnaireUrl
  );
}
