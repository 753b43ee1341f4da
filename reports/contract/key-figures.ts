// The pole's key figures, defined once: facts its coordinator declares in the profile form (budget, self-financing,
// public funding, jobs, facilitation, joint projects, territory, stage…), never respondents' answers. A pole's results
// carry them with last campaign's values and the change (`keyFigures`); the network view carries their distribution
// across the poles it keeps. Produced by reports/analysis/key-figures.ts.
import { z } from '@hono/zod-openapi';
import { DistributionSchema } from './distribution.ts';

export const KEY_FIGURE_UNITS = ['euro', 'percent', 'fte', 'count'] as const;
const unit = z.enum(KEY_FIGURE_UNITS).openapi({ description: 'euro : montant en euros ; percent : pourcentage (0 à 100) ; fte : équivalents temps plein ; count : nombre' });
const id = z.string().openapi({ description: 'Rôle du fait dans le formulaire de profil (annualBudget, selfFinancing…) ; « publicFunding.<niveau> » pour un niveau de financement public' });
const partOf = z.string().nullable().openapi({ description: 'Le chiffre dont celui-ci est une part (publicFunding pour un niveau), sinon null' });

const value = z.number().nullable();
export const KeyFigureSchema = z
  .object({
    id, label: z.string(), unit, partOf,
    value: value.openapi({ description: 'Valeur déclarée pour cette campagne ; null si non renseignée' }),
    previous: value.openapi({ description: 'Valeur déclarée pour la campagne précédente (`previousCampaign`) ; null si non renseignée' }),
    change: value.openapi({ description: 'value − previous (en points pour un pourcentage) ; null s’il manque l’une des deux' }),
  })
  .openapi('KeyFigure');

export const KeyFactSchema = z
  .object({
    id: z.string().openapi({ description: 'Rôle du fait (territoryType, stage, stateCall, sectors, employersGroup…)' }),
    label: z.string(),
    value: z.string().nullable().openapi({ description: 'La réponse en toutes lettres (les filières jointes par des virgules) ; null si non renseignée' }),
    previous: z.string().nullable(),
    changed: z.boolean().openapi({ description: 'true quand les deux campagnes ont une réponse, différente' }),
  })
  .openapi('KeyFact');

export const KeyFiguresSchema = z
  .object({
    previousCampaign: z.object({ id: z.string(), year: z.number().int() }).nullable().openapi({ description: 'La dernière campagne antérieure pour laquelle le pôle a rempli son profil' }),
    figures: z.array(KeyFigureSchema),
    facts: z.array(KeyFactSchema),
  })
  .openapi('KeyFigures');

export const NetworkKeyFiguresSchema = z
  .object({
    poles: z.number().int().openapi({ description: 'Pôles retenus par les filtres qui ont rempli leur profil' }),
    figures: z.array(z.object({ id, label: z.string(), unit, partOf, distribution: DistributionSchema })),
    facts: z.array(
      z.object({
        id: z.string(), label: z.string(),
        answered: z.number().int().openapi({ description: 'Pôles ayant répondu' }),
        counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })).openapi({ description: 'Pôles par réponse, dans l’ordre du formulaire (plusieurs filières possibles par pôle)' }),
      }),
    ),
  })
  .openapi('NetworkKeyFigures');

export type KeyFigureUnit = (typeof KEY_FIGURE_UNITS)[number];
export type KeyFigure = z.infer<typeof KeyFigureSchema>;
export type KeyFact = z.infer<typeof KeyFactSchema>;
/** The pole's key figures: this campaign's, last campaign's, and the change. */
export type KeyFigures = z.infer<typeof KeyFiguresSchema>;
/** The key figures' distributions across the network's poles. */
export type NetworkKeyFigures = z.infer<typeof NetworkKeyFiguresSchema>;
