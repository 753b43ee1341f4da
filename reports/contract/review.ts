// The collective review of a pole's campaign and its action plan, defined once: the review route validates and
// documents it, the results carry the follow-up of the previous campaign's plan, the network view counts the remedies
// poles adopt and complete, the dashboard and the PDFs read them.
import { z } from '@hono/zod-openapi';
import { ACTION_STATUS_LABEL, type ActionStatus } from './review-labels.ts';

// The labels live apart, without zod, for the browser: importing them from here would bundle zod into the page.
export { ACTION_STATUS_LABEL, agreementLabel, type ActionStatus } from './review-labels.ts';

const score = z.number().nullable();
const text = (max: number) => z.string().trim().max(max);

const STATUSES = Object.keys(ACTION_STATUS_LABEL) as [ActionStatus, ...ActionStatus[]];

export const ActionStatusSchema = z.enum(STATUSES).openapi({
  description: STATUSES.map((s) => `${s} : ${ACTION_STATUS_LABEL[s].toLowerCase()}`).join(' ; '),
});

/** One action of the plan: an adopted strategic option (optionId) or the pole's own (optionId null). */
export const ReviewActionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Identifiant d’action invalide (lettres, chiffres, « - », « _ »).'),
    optionId: z.string().max(100).nullable().openapi({
      description: 'Option stratégique adoptée (une option du catalogue qui s’applique au questionnaire de la campagne, proposée ou non par les résultats), ou null pour une action propre au pôle',
    }),
    title: text(200).min(1, 'Donnez un intitulé à l’action.'),
    owner: text(200).openapi({ description: 'Qui la porte : un rôle ou une structure (texte libre, jamais une personne désignée par le service) ; vide : à préciser' }),
    due: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Échéance attendue au format AAAA-MM.').nullable().openapi({ description: 'Mois d’échéance (AAAA-MM) ; null : à préciser' }),
    status: ActionStatusSchema,
    note: text(2000),
    themeIds: z.array(z.string().min(1).max(100)).max(30).default([]).openapi({
      description: 'Thèmes que l’action vise (identifiants du questionnaire de la campagne). Une option enregistrée sans thème reçoit ceux de l’option ; une action propre au pôle n’en a que si la coordination les indique',
    }),
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

const reviewFields = {
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date de réunion attendue au format AAAA-MM-JJ.').nullable(),
  participants: z.record(z.string().max(64), z.number().int().min(0).max(10_000)).openapi({ description: 'Participants à la réunion, par collège (identifiants du questionnaire de la campagne)' }),
  themes: z.array(ReviewThemeSchema).max(200),
  actions: z.array(ReviewActionSchema).max(200),
};

/** PUT /api/poles/:poleId/campaigns/:campaignId/review. */
export const ReviewInputSchema = z
  .object({
    ...reviewFields,
    basedOn: z.string().max(40).nullable().optional().openapi({
      description: 'Le `updatedAt` de la revue sur laquelle la modification s’appuie (null : aucune revue enregistrée) ; si elle a été enregistrée depuis, 409 `review_conflict` et rien n’est écrasé. Omis : la revue est remplacée sans vérification',
    }),
  })
  .superRefine((review, ctx) => {
    const twice = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    for (const id of new Set(twice(review.actions.map((a) => a.id)))) ctx.addIssue({ code: 'custom', path: ['actions'], message: `Action « ${id} » en double.` });
    for (const id of new Set(twice(review.themes.map((t) => t.themeId)))) ctx.addIssue({ code: 'custom', path: ['themes'], message: `Thème « ${id} » en double.` });
  })
  .openapi('ReviewInput');

const storedFields = { ...reviewFields, updatedAt: z.string().nullable().openapi({ description: 'Dernier enregistrement ; null : pas encore de revue' }) };

/** The stored review (an empty one before the meeting), as PUT answers it. */
export const ReviewSchema = z.object(storedFields).openapi('Review');

/** What the PUT accepts for this campaign: its questionnaire's collèges and themes, the catalogue's applicable options. */
export const ReviewChoicesSchema = z
  .object({
    colleges: z.array(z.object({ id: z.string(), label: z.string() })),
    themes: z.array(z.object({ id: z.string(), label: z.string() })),
    options: z.array(z.object({ id: z.string(), title: z.string(), themeIds: z.array(z.string()) })).openapi({ description: 'Options du catalogue qui s’appliquent au questionnaire de la campagne' }),
  })
  .openapi('ReviewChoices');

/** GET …/review: the stored review and what a PUT may refer to (one object: a strict client sees every field). */
export const ReviewViewSchema = z.object({ ...storedFields, choices: ReviewChoicesSchema }).openapi('ReviewView');

/** A theme an action of the followed plan targeted: its score at the plan's campaign and now, on the items both share. */
export const FollowUpThemeSchema = z.object({ themeId: z.string(), label: z.string(), before: score, after: score, delta: score });

/** In a campaign's results: what became of the plan adopted at the pole's latest earlier campaign with a review. */
export const FollowUpSchema = z
  .object({
    campaignId: z.string().openapi({ description: 'La campagne dont la revue a adopté le plan suivi' }),
    year: z.number().int(),
    meetingDate: z.string().nullable(),
    actions: z.array(ReviewActionSchema.omit({ themeIds: true }).extend({
      themes: z.array(FollowUpThemeSchema).openapi({
        description: 'Thèmes que l’action visait, avant (campagne du plan) et après (cette campagne), calculés comme l’évolution sur les items communs ; null sans résultats dans l’une des deux',
      }),
    })),
  })
  .openapi('FollowUp');

/** In the network results: which remedies poles adopt, and which they carry out. */
export const NetworkActionsSchema = z
  .object({
    options: z.array(z.object({
      optionId: z.string(), title: z.string(),
      adopted: z.number().int().openapi({ description: 'Pôles dont le plan contient l’option (quel que soit son statut)' }),
      done: z.number().int().openapi({ description: 'Pôles qui l’ont réalisée (statut « réalisée »)' }),
    })).openapi({ description: 'Options adoptées par au moins un pôle, des plus adoptées aux moins adoptées' }),
    ownActions: z.number().int().openapi({ description: 'Actions propres aux pôles (hors catalogue)' }),
    poles: z.number().int().openapi({ description: 'Pôles ayant enregistré un plan d’au moins une action pour cette campagne' }),
  })
  .openapi('NetworkActions');

export type ReviewAction = z.infer<typeof ReviewActionSchema>;
export type ReviewTheme = z.infer<typeof ReviewThemeSchema>;
export type ReviewInput = z.infer<typeof ReviewInputSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type ReviewChoices = z.infer<typeof ReviewChoicesSchema>;
export type ReviewView = z.infer<typeof ReviewViewSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type FollowUpAction = FollowUp['actions'][number];
export type FollowUpTheme = z.infer<typeof FollowUpThemeSchema>;
export type NetworkActions = z.infer<typeof NetworkActionsSchema>;
