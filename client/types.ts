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
  totals: { invited: number; started: number; submitted: number };
  updatedAt: string;
}

/** SurveyJS JSON, kept opaque on the staff side. */
export type SurveyJson = Record<string, unknown>;

export interface PoleProfile {
  definition: SurveyJson;
  data: Record<string, unknown> | null;
  updatedAt: string | null;
}

export interface RespondentResponse {
  kind: 'individual' | 'shared';
  status: InvitationStatus;
  pole: { name: string };
  campaign: { id: string; year: number; status: CampaignStatus; opensAt: string | null; closesAt: string | null };
  questionnaire: SurveyJson;
  data: Record<string, unknown>;
  pageNo: number;
  presetCollege: string | null;
  submittedAt: string | null;
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
