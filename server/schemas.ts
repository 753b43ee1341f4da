// Zod schemas shared by route validation and the OpenAPI document, so the two cannot drift.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const IssueListSchema = z.array(z.object({ question: z.string(), message: z.string() }));

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'coordinator']), poleId: z.string().nullable() })
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
    createdAt: z.string(),
  })
  .openapi('Invitation');

export const ParticipationSchema = z
  .object({
    colleges: z.array(z.object({ id: z.string().nullable(), label: z.string(), invited: z.number(), started: z.number(), submitted: z.number() })),
    totals: z.object({ invited: z.number(), started: z.number(), submitted: z.number() }),
    updatedAt: z.string(),
  })
  .openapi('Participation');

export const AnswersSchema = z.record(z.string(), z.unknown()).openapi({ description: 'Réponses SurveyJS (nom de question → valeur)' });
export const SurveyJsonSchema = z.record(z.string(), z.unknown()).openapi('SurveyJSON');

export const PoleParams = z.object({ poleId: z.string().min(1).max(64) });
export const PoleCampaignParams = z.object({ poleId: z.string().min(1).max(64), campaignId: z.string().min(1).max(64) });
export const TokenParams = z.object({ token: z.string().min(1).max(128) });

/** Response descriptions shared by many routes. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) => {
  const text: Record<number, string> = {
    400: 'Requête mal formée',
    401: 'Non connecté',
    403: 'Accès refusé (autre pôle, rôle, CSRF, campagne pas encore ouverte)',
    404: 'Introuvable',
    409: 'Conflit (déjà envoyé, campagne clôturée, doublon)',
    422: 'Données invalides',
    429: 'Trop de tentatives',
  };
  return Object.fromEntries(codes.map((code) => [code, json(ErrorSchema, text[code])]));
};
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
