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

// The API's resources are defined once, in reports/contract/, where the client reads their types too.
export { AnswersSchema, CampaignSchema, InvitationSchema, ParticipationSchema, PoleSchema, SurveyJsonSchema, UserSchema } from '../reports/contract/resources.ts';


export const PoleParams = z.object({ poleId: z.string().min(1).max(64) });
export const PoleCampaignParams = z.object({ poleId: z.string().min(1).max(64), campaignId: z.string().min(1).max(64) });
export const TokenParams = z.object({ token: z.string().min(1).max(128) });

/** Response descriptions shared by many routes. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 410 | 422 | 429)[]) => {
  const text: Record<number, string> = {
    400: 'Requête mal formée',
    401: 'Non connecté',
    403: 'Accès refusé (autre pôle, rôle, CSRF, campagne pas encore ouverte, lien ouvert sur un autre appareil)',
    404: 'Introuvable',
    409: 'Conflit (déjà envoyé, campagne clôturée, doublon, lien partagé complet)',
    410: 'Lien retiré par la coordination du pôle',
    422: 'Données invalides',
    429: 'Trop de tentatives',
  };
  return Object.fromEntries(codes.map((code) => [code, json(ErrorSchema, text[code])]));
};
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export { PoleResultsSchema } from '../reports/contract/results.ts';
