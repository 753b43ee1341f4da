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

/** Someone invited by e-mail (GET …/mailings): their link's state, opt-out, mails sent (invitation included). */
export interface MailRecipient {
  invitationId: string;
  email: string;
  college: string | null;
  status: InvitationStatus;
  optedOut: boolean;
  lastSentAt: string | null;
  sentCount: number;
}

export interface MailFailure {
  email: string;
  message: string;
}

/** POST …/mailings (201). */
export interface MailingResult {
  sent: number;
  failed: MailFailure[];
  alreadyInvited: string[];
}

/** POST …/reminders (200). */
export interface ReminderResult {
  sent: number;
  skippedOptedOut: number;
  skippedSubmitted: number;
  failed: MailFailure[];
}
