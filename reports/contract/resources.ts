// The API's resources, defined once: these zod schemas validate and document the routes (OpenAPI), and their
// inferred types are what the server returns and the client reads.
import { z } from '@hono/zod-openapi';

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'coordinator']),
    poleId: z.string().nullable(),
    disabled: z.boolean().openapi({ description: 'Compte désactivé par l’administration : pas de connexion ni de session' }),
  })
  .openapi('User');

export const PoleSchema = z
  .object({ id: z.string(), name: z.string(), region: z.string().nullable(), departement: z.string().nullable(), createdAt: z.string() })
  .openapi('Pole');

export const CampaignSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    questionnaireId: z.string(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    status: z.enum(['upcoming', 'open', 'closed']),
    createdAt: z.string(),
  })
  .openapi('Campaign');

export const InvitationSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    token: z.string(),
    shared: z.boolean(),
    college: z.string().nullable(),
    status: z.enum(['new', 'draft', 'submitted']).nullable().openapi({ description: 'Lien individuel : état de sa réponse' }),
    opened: z.number().int().openapi({ description: 'Lien partagé : personnes l’ayant ouvert' }),
    submitted: z.number().int(),
    maxResponses: z.number().int().nullable().openapi({ description: 'Lien partagé : nombre maximal de réponses, ou null' }),
    createdAt: z.string(),
  })
  .openapi('Invitation');

export const ParticipationSchema = z
  .object({
    colleges: z.array(z.object({ id: z.string().nullable(), label: z.string(), invited: z.number(), started: z.number(), submitted: z.number() }))
      .openapi({ description: 'Par collège pour lequel les liens ont été créés (null : liens sans collège) ; jamais selon le collège choisi par un répondant' }),
    totals: z.object({
      invited: z.number(), started: z.number(), submitted: z.number(),
      pending: z.number().openapi({ description: 'Réponses envoyées en attente de la prochaine mise à jour des résultats' }),
    }),
    updatedAt: z.string(),
  })
  .openapi('Participation');

export const AnswersSchema = z.record(z.string(), z.unknown()).openapi({ description: 'Réponses SurveyJS (nom de question → valeur)' });
export const SurveyJsonSchema = z.record(z.string(), z.unknown()).openapi('SurveyJSON');

/** A questionnaire version as GET /api/questionnaires lists it. */
export const QuestionnaireSummarySchema = z.object({ id: z.string(), title: z.string() }).openapi('QuestionnaireSummary');

/** POST /api/questionnaires answers with what it imported. */
export const QuestionnaireImportedSchema = z
  .object({ id: z.string(), title: z.string(), themes: z.number().int(), scoredItems: z.number().int() })
  .openapi('QuestionnaireImported');

/** Last campaign's answers, offered while this campaign's profile is not filled in (server/profile-prefill.ts). */
export const ProfilePrefillSchema = z
  .object({ campaign: z.object({ id: z.string(), year: z.number().int() }), data: AnswersSchema })
  .openapi('ProfilePrefill', { description: 'Réponses de la dernière campagne antérieure ayant un profil, pour les questions de même nom que ce formulaire accepte' });

/** The pole profile form of a campaign (its collège items filled in) and the pole's answers. */
export const PoleProfileSchema = z
  .object({
    definition: SurveyJsonSchema, data: AnswersSchema.nullable(), updatedAt: z.string().nullable(),
    prefill: ProfilePrefillSchema.nullable().openapi({ description: 'Tant que le profil de cette campagne n’est pas enregistré : les valeurs de la campagne précédente à proposer ; sinon null' }),
  })
  .openapi('PoleProfile');

/** The questionnaire of a campaign as its read-only preview shows it. */
export const QuestionnairePreviewSchema = z.object({ definition: SurveyJsonSchema, questionnaireId: z.string() }).openapi('QuestionnairePreview');

/** POST …/invitations: individual links (one per person), or one shared link. */
export const InvitationInputSchema = z
  .object({
    count: z.number().int().min(1).max(500).default(1),
    college: z.string().max(64).nullable().optional(),
    shared: z.boolean().optional().default(false),
    maxResponses: z.number().int().min(1).max(10_000).nullable().optional().openapi({ description: 'Lien partagé : nombre maximal de réponses (au-delà : 409)' }),
  })
  .refine((input) => input.shared || input.maxResponses == null, { path: ['maxResponses'], message: 'Le nombre maximal de réponses ne vaut que pour un lien partagé.' })
  .openapi('InvitationInput');

export type User = z.infer<typeof UserSchema>;
export type Role = User['role'];
export type Pole = z.infer<typeof PoleSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignStatus = Campaign['status'];
export type Invitation = z.infer<typeof InvitationSchema>;
export type InvitationStatus = NonNullable<Invitation['status']>;
export type Participation = z.infer<typeof ParticipationSchema>;
export type CollegeParticipation = Participation['colleges'][number];
export type SurveyJson = z.infer<typeof SurveyJsonSchema>;
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummarySchema>;
export type QuestionnaireImported = z.infer<typeof QuestionnaireImportedSchema>;
export type PoleProfile = z.infer<typeof PoleProfileSchema>;
export type ProfilePrefill = z.infer<typeof ProfilePrefillSchema>;
export type QuestionnairePreview = z.infer<typeof QuestionnairePreviewSchema>;
/** The body a client sends (defaults not yet applied). */
export type InvitationInput = z.input<typeof InvitationInputSchema>;
