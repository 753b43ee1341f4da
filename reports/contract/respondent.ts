// What a link shows the respondent (GET /api/responses/:token), defined once: the route validates and documents it,
// the respondent page reads its type.
import { z } from '@hono/zod-openapi';
import { AnswersSchema } from './resources.ts';

export const RespondentCampaignSchema = z.object({ id: z.string(), year: z.number(), status: z.enum(['upcoming', 'open', 'closed']), opensAt: z.string().nullable(), closesAt: z.string().nullable() });

export const ResponseView = z
  .object({
    kind: z.enum(['individual', 'shared']),
    status: z.enum(['new', 'draft', 'submitted']),
    pole: z.object({ name: z.string() }).optional(),
    campaign: RespondentCampaignSchema.optional(),
    questionnaireUrl: z.string().optional().openapi({
      description: 'Adresse de la définition du questionnaire (GET /api/questionnaires/{id}/survey/{hash}) : une par version, gardée en cache par le navigateur, plutôt que la définition à chaque ouverture du lien',
    }),
    data: AnswersSchema.optional(),
    pageNo: z.number().int().optional(),
    presetCollege: z.string().nullable().optional(),
    resumeUrl: z.string().nullable().optional().openapi({ description: 'Lien de reprise sur un autre appareil (au seul navigateur lié au brouillon ; il ne sert qu’une fois)' }),
    moved: z.boolean().optional().openapi({ description: 'true quand cette requête, faite avec un lien de reprise, a déplacé le brouillon ici : ce lien ne sert plus, la page continue avec resumeUrl' }),
    minGroupSize: z.number().int().optional().openapi({ description: 'Seuil d’anonymat k, pour la promesse affichée au répondant' }),
  })
  .openapi('ResponseView', {
    description: 'Un lien envoyé ne renvoie que son état ({ kind, status: "submitted" }) : ni réponses, ni questionnaire.',
  });

export type RespondentResponse = z.infer<typeof ResponseView>;
export type RespondentCampaign = z.infer<typeof RespondentCampaignSchema>;
