// The collective review of a pole's campaign and its action plan, defined once: the review route validates and
// documents it, the results carry the follow-up of the previous campaign's plan, the network view counts the remedies
// poles adopt and complete, the dashboard and the PDFs read them.
import { z } from '@hono/zod-openapi';

const score = z.number().nullable();
const text = (max: number) => z.string().trim().max(max);

export const ActionStatusSchema = z.enum(['planned', 'in_progress', 'done', 'dropped']).openapi({
  description: 'planned : prévue ; in_progress : en cours ; done : réalisée ; dropped : abandonnée',
});

/** One action of the plan: an adopted strategic option (optionId) or the pole's own (optionId null). */
export const ReviewActionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Identifiant d’action invalide (lettres, chiffres, « - », « _ »).'),
    optionId: z.string().max(100).nullable().openapi({ description: 'Option stratégique adoptée, ou null pour une action propre au pôle' }),
    title: text(200).min(1, 'Donnez un intitulé à l’action.'),
    owner: text(200).openapi({ description: 'Qui la porte : un rôle ou une structure (texte libre, jamais une personne désignée par le service)' }),
    due: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Échéance attendue au format AAAA-MM.').nullable(),
    status: ActionStatusSchema,
    note: text(2000),
  })
  .openapi('ReviewAction');

/** What the group said of one discussed theme. */
export const ReviewThemeSchema = z
  .object({
    themeId: z.string().min(1).max(100),
    note: text(2000),
    agreed: z.boolean().nullable().openapi({ description: 'Le groupe partage-t-il le diagnostic ? null : pas tranché' }),
  })
  .openapi('ReviewTheme');

/** PUT /api/poles/:poleId/campaigns/:campaignId/review. */
export const ReviewInputSchema = z
  .object({
    meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date de réunion attendue au format AAAA-MM-JJ.').nullable(),
    participants: z.record(z.string().max(64), z.number().int().min(0).max(10_000)).openapi({ description: 'Participants à la réunion, par collège' }),
    themes: z.array(ReviewThemeSchema).max(200),
    actions: z.array(ReviewActionSchema).max(200),
  })
  .superRefine((review, ctx) => {
    const twice = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    for (const id of new Set(twice(review.actions.map((a) => a.id)))) ctx.addIssue({ code: 'custom', path: ['actions'], message: `Action « ${id} » en double.` });
    for (const id of new Set(twice(review.themes.map((t) => t.themeId)))) ctx.addIssue({ code: 'custom', path: ['themes'], message: `Thème « ${id} » en double.` });
  })
  .openapi('ReviewInput');

/** GET …/review: the stored review (an empty one before the meeting). */
export const ReviewSchema = z
  .object({
    meetingDate: z.string().nullable(),
    participants: z.record(z.string(), z.number().int()),
    themes: z.array(ReviewThemeSchema),
    actions: z.array(ReviewActionSchema),
    updatedAt: z.string().nullable(),
  })
  .openapi('Review');

/** In a campaign's results: what became of the plan adopted at the pole's previous campaign. */
export const FollowUpSchema = z
  .object({
    campaignId: z.string(),
    year: z.number().int(),
    actions: z.array(ReviewActionSchema.extend({
      themes: z.array(z.object({ themeId: z.string(), label: z.string(), before: score, after: score, delta: score }))
        .openapi({ description: 'Thèmes que l’action visait (ceux de son option), avant et après, sur les items communs' }),
    })),
  })
  .openapi('FollowUp');

/** In the network results: which remedies poles adopt, and which they carry out. */
export const NetworkActionsSchema = z
  .object({
    options: z.array(z.object({ optionId: z.string(), title: z.string(), adopted: z.number().int(), done: z.number().int() })),
    ownActions: z.number().int().openapi({ description: 'Actions propres aux pôles (hors catalogue)' }),
    poles: z.number().int().openapi({ description: 'Pôles ayant enregistré un plan pour cette campagne' }),
  })
  .openapi('NetworkActions');

export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export type ReviewAction = z.infer<typeof ReviewActionSchema>;
export type ReviewTheme = z.infer<typeof ReviewThemeSchema>;
export type ReviewInput = z.infer<typeof ReviewInputSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type NetworkActions = z.infer<typeof NetworkActionsSchema>;
