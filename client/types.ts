// Shapes of the API resources (see the API contract).

export type Role = 'admin' | 'coordinator';

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  poleId: string | null;
}

export interface Pole {
  id: string;
  name: string;
  region: string | null;
  departement: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  role: Role;
  poleId: string | null;
}

export interface QuestionnaireSummary {
  id: string;
  title: string;
}

export type CampaignStatus = 'upcoming' | 'open' | 'closed';

export interface Campaign {
  id: string;
  year: number;
  questionnaireId: string;
  opensAt: string | null;
  closesAt: string | null;
  status: CampaignStatus;
  createdAt: string;
}

export type InvitationStatus = 'new' | 'draft' | 'submitted';

export interface Invitation {
  id: string;
  url: string;
  token: string;
  shared: boolean;
  college: string | null;
  /** Individual link: the state of its response; null for a shared link. */
  status: InvitationStatus | null;
  /** Shared link: how many people opened it, and how many of them submitted. */
  opened: number;
  submitted: number;
  /** Shared link: the most people who may claim it (null: no limit); always null for an individual link. */
  maxResponses: number | null;
  createdAt: string;
}

export interface CollegeParticipation {
  id: string | null;
  label: string;
  invited: number;
  started: number;
  submitted: number;
}

export interface Participation {
  colleges: CollegeParticipation[];
  /** pending: sent responses waiting for the next results batch, counted under no collège until then. */
  totals: { invited: number; started: number; submitted: number; pending?: number };
  updatedAt: string;
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
