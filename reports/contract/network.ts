// The Labo's network view of a campaign, defined once: the route validates and documents it (OpenAPI), the analysis
// returns it, the dashboard and the network PDF read it.
import { z } from '@hono/zod-openapi';
import { PROFILE_ROLE_IDS } from '../../surveys/metadata.ts';

const score = z.number().nullable();
export const DistributionSchema = z.object({ n: z.number().int(), min: score, q1: score, median: score, q3: score, max: score }).openapi('Distribution');
export const NetworkResultsSchema = z
  .object({
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    filters: z.object({ region: z.string().optional(), legalForm: z.string().optional(), minAge: z.number().optional(), maxAge: z.number().optional() }),
    minGroupSize: z.number().int(),
    thresholds: z.object({ high: z.number(), low: z.number() }),
    polesWithResults: z.number().int(),
    themes: z.array(z.object({
      id: z.string(), label: z.string(), dimension: z.string(), factor: z.enum(['internal', 'external']),
      distribution: DistributionSchema, weakPoles: z.number().int(), dissensusPoles: z.number().int(),
    })),
    poles: z.array(z.object({
      id: z.string(), name: z.string(), region: z.string().nullable(), legalForm: z.string().nullable(), foundedYear: z.number().nullable(),
      invited: z.number().int(), submitted: z.number().int(),
      available: z.boolean().openapi({ description: 'false sous k réponses dans les résultats : le pôle ne compte que dans la participation' }),
      overall: score,
      scores: z.array(score).openapi({ description: 'Une valeur par thème, dans l’ordre de `themes` (ligne de la carte de chaleur)' }),
    })),
    frequentWeaknesses: z.array(z.string()).openapi({ description: 'Thèmes faibles dans au moins un pôle, les plus fréquents d’abord' }),
    frequentThreats: z.array(z.string()),
    dissensus: z.array(z.string()).openapi({ description: 'Thèmes sur lesquels les groupes de collèges d’au moins un pôle divergent, les plus fréquents d’abord' }),
    participation: z.object({
      invited: z.number().int(), submitted: z.number().int(),
      colleges: z.array(z.object({ college: z.string().nullable(), label: z.string(), invited: z.number().int(), submitted: z.number().int() })),
    }),
    profile: z.record(
      z.string(),
      z.object({
        label: z.string(),
        /** The fact of the pole the question holds (legalForm, foundingYear, membersPerCollege), when it is one the service reads. */
        role: z.enum(PROFILE_ROLE_IDS).nullable(),
        kind: z.enum(['single', 'multiple', 'sum']),
        answered: z.number().int(),
        counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number() })),
      }),
    ).openapi({ description: 'Réponses au formulaire de profil, par question (clé : nom de la question)' }),
    overall: DistributionSchema,
    evolution: z.object({
      campaigns: z.array(z.object({ id: z.string(), year: z.number().int(), polesWithResults: z.number().int(), medians: z.record(z.string(), score) })),
    }),
  })
  .openapi('NetworkResults');

/** The whole JSON of GET /api/campaigns/:campaignId/results. */
export type NetworkResultsView = z.infer<typeof NetworkResultsSchema>;
/** What reports/analysis/network.ts computes: the view without the filters applied and the evolution. */
export type NetworkResults = Omit<NetworkResultsView, 'filters' | 'evolution'>;
export type NetworkEvolution = NetworkResultsView['evolution'];
export type Distribution = z.infer<typeof DistributionSchema>;
export type NetworkThemeResult = NetworkResults['themes'][number];
export type NetworkPoleResult = NetworkResults['poles'][number];
