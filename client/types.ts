// Shapes of the API resources (see the API contract).

import type { CampaignStatus, InvitationStatus, User } from '../reports/contract/resources';

export type {
  Campaign, CampaignStatus, CollegeParticipation, Invitation, InvitationStatus, Participation, Pole, Role, User,
} from '../reports/contract/resources';

/** The signed-in user, as GET /api/session gives it. */
export type SessionUser = User;

export interface QuestionnaireSummary {
  id: string;
  title: string;
}

/** SurveyJS JSON, kept opaque on the staff side. */
export type SurveyJson = Record<string, unknown>;

export interface PoleProfile {
  definition: SurveyJson;
  data: Record<string, unknown> | null;
  updatedAt: string | null;
}

/**
 * GET /api/responses/:token. Once submitted, only { kind, status: 'submitted' } comes back (no pole, no answers, no
 * date). A shared link answers { kind: 'shared', status: 'new', pole, campaign, presetCollege } (no questionnaire).
 */
export interface RespondentResponse {
  kind: 'individual' | 'shared';
  status: InvitationStatus;
  pole?: { name: string };
  campaign?: RespondentCampaign;
  questionnaire?: SurveyJson;
  data?: Record<string, unknown>;
  pageNo?: number;
  presetCollege?: string | null;
  /** Relative path (/r/<secret>) moving the draft to another browser; shown only to the bound browser. */
  resumeUrl?: string | null;
  /** This request, made with a resume link, moved the draft here: that link no longer works, go on with resumeUrl. */
  moved?: boolean;
  /** k, the anonymity threshold quoted in the confidentiality promise. */
  minGroupSize?: number;
}

export interface RespondentCampaign {
  id: string;
  year: number;
  status: CampaignStatus;
  opensAt: string | null;
  closesAt: string | null;
}

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
