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
export { CampaignSchema, InvitationSchema, ParticipationSchema, PoleSchema, UserSchema } from '../reports/contract/resources.ts';

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

const score = z.number().nullable();
const CollegeScoreSchema = z.object({
  college: z.string().openapi({ description: 'Groupe : identifiant d’un collège, ou « autres » pour « Autres collèges »' }),
  label: z.string(), n: z.number().int(), score, suppressed: z.boolean(),
});
const dispersion = { spread: score, sd: score, dissensus: z.boolean() };
export const PoleResultsSchema = z
  .object({
    pole: z.object({ id: z.string(), name: z.string() }),
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    minGroupSize: z.number().int().openapi({ description: 'Seuil d’anonymat k' }),
    thresholds: z.object({ high: z.number(), low: z.number() }),
    available: z.boolean().openapi({ description: 'false sous k réponses envoyées : aucun résultat' }),
    message: z.string().nullable(),
    participation: z.object({
      invited: z.number().int(),
      submitted: z.number().int(),
      colleges: z.array(z.object({ college: z.string(), label: z.string(), invited: z.number().int(), submitted: z.number().int(), members: z.number().nullable() })),
      missingColleges: z.array(z.object({ college: z.string(), label: z.string() })),
      warnings: z.array(z.string()),
    }),
    groups: z.array(z.object({
      id: z.string(), label: z.string(), colleges: z.array(z.string()), n: z.number().int(),
    })).openapi({ description: 'Groupes de collèges des résultats : collèges d’au moins k réponses, puis « Autres collèges » ; vide sans résultats' }),
    themes: z.array(z.object({
      id: z.string(), label: z.string(), dimension: z.string(), factor: z.enum(['internal', 'external']), seedRefs: z.array(z.string()),
      score, rawScore: score, n: z.number().int(), byCollege: z.array(CollegeScoreSchema), ...dispersion,
      swot: z.enum(['strength', 'weakness', 'opportunity', 'threat', 'vigilance']).nullable(),
    })),
    items: z.array(z.object({
      name: z.string(), label: z.string(), theme: z.string(), polarity: z.enum(['positive', 'negative']),
      n: z.number().int(), score, rawScore: score, byCollege: z.array(CollegeScoreSchema), ...dispersion,
    })),
    dimensions: z.array(z.object({ id: z.string(), label: z.string(), factor: z.enum(['internal', 'external']), score })),
    overall: score,
    swot: z.object({ strengths: z.array(z.string()), weaknesses: z.array(z.string()), opportunities: z.array(z.string()), threats: z.array(z.string()), vigilance: z.array(z.string()) }),
    options: z.array(z.object({
      id: z.string(), quadrant: z.enum(['SO', 'ST', 'WO', 'WT']), title: z.string(), description: z.string(), themes: z.array(z.string()),
      seedRef: z.string(), strength: z.number(), needsConsensus: z.boolean(),
    })),
    evolution: z.object({
      previousCampaign: z.object({ id: z.string(), year: z.number().int() }),
      themes: z.array(z.object({ id: z.string(), label: z.string(), previous: score, current: score, delta: score, sharedItems: z.number().int() })),
    }).nullable(),
    verbatims: z.array(z.object({
      question: z.string(), label: z.string(),
      answers: z.array(z.object({ text: z.string(), count: z.number().int() })).openapi({ description: 'Réponses distinctes, par ordre alphabétique, avec leur nombre' }),
    })),
    benchmark: z.object({
      poles: z.number().int().openapi({ description: 'Pôles ayant des résultats dans la campagne, celui-ci compris' }),
      themes: z.array(z.object({ id: z.string(), q1: score, median: score, q3: score, position: z.enum(['top', 'upper', 'lower', 'bottom']).nullable() })),
    }).nullable().openapi({ description: 'Comparaison avec les quartiles du réseau (aucun pôle nommé) ; null sous 5 pôles ayant des résultats' }),
    snapshot: z.object({
      responses: z.number().int().openapi({ description: 'Réponses envoyées sur lesquelles reposent les résultats' }),
      pending: z.number().int().openapi({ description: 'Réponses envoyées depuis, en attente de la prochaine mise à jour' }),
      nextUpdateAt: z.number().int().openapi({ description: 'Nombre de réponses envoyées à partir duquel les résultats pourront bouger (plus tard si un collège devait perdre ses chiffres)' }),
      provisional: z.boolean().openapi({ description: 'true tant que la campagne n’est pas clôturée' }),
    }).openapi({ description: 'Les résultats avancent par paquets d’au moins k réponses, jamais d’une seule' }),
  })
  .openapi('PoleResults');
