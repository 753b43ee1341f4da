// The respondent page's view of GET /api/responses/:token (reports/contract/respondent.ts): once submitted, only
// { kind, status: 'submitted' } comes back; a shared link answers { kind: 'shared', status: 'new', pole, campaign,
// presetCollege } (no questionnaire). What remains is a form that can be filled in.
import type { RespondentCampaign, RespondentResponse } from '../../../reports/contract/respondent';
import type { SurveyJson } from '../../../reports/contract/resources';

/** A response view that can be filled in (individual, not submitted): what the questionnaire form needs. */
export interface RespondentForm extends RespondentResponse {
  kind: 'individual';
  status: 'new' | 'draft';
  pole: { name: string };
  campaign: RespondentCampaign;
  questionnaire: SurveyJson;
}

export function isRespondentForm(response: RespondentResponse): response is RespondentForm {
  return (
    response.kind === 'individual' &&
    response.status !== 'submitted' &&
    !!response.pole &&
    !!response.campaign &&
    !!response.questionnaire
  );
}
