// Shapes of the API as the client reads them: the contract's own types (reports/contract/), and the few views the
// pages derive from them.
import type { SurveyJson, User } from '../reports/contract/resources';
import type { RespondentCampaign, RespondentResponse } from '../reports/contract/respondent';

export type {
  Campaign, CampaignStatus, CollegeParticipation, Invitation, InvitationInput, InvitationStatus, Participation, Pole, PoleProfile,
  QuestionnaireImported, QuestionnairePreview, QuestionnaireSummary, Role, SurveyJson, User,
} from '../reports/contract/resources';

/** The signed-in user, as GET /api/session gives it. */
export type SessionUser = User;

/**
 * GET /api/responses/:token (reports/contract/respondent.ts). Once submitted, only { kind, status: 'submitted' } comes
 * back; a shared link answers { kind: 'shared', status: 'new', pole, campaign, presetCollege } (no questionnaire).
 */
export type { RespondentCampaign, RespondentResponse };

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

export type { MailFailure, MailRecipient } from '../reports/contract/mail';
export type { MailingResultBody as MailingResult, ReminderResultBody as ReminderResult } from '../reports/contract/mail';
