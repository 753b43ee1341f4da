// The Labo's network view of a campaign, defined once: the route validates and documents it (OpenAPI), the analysis
// returns it, the dashboard and the network PDF read it.
import { z } from '@hono/zod-openapi';
import { PROFILE_ROLE_IDS } from '../../surveys/metadata.ts';
import { NetworkActionsSchema } from './review.ts';

import { DistributionSchema, DistributionShape } from './distribution.ts';
import { NetworkKeyFiguresSchema, type NetworkKeyFigures } from './key-figures.ts';

export { DistributionSchema };
const score = z.number().nullable();

const age = z.coerce.number().int().min(0).max(200).optional();
/** The analyst's filters, as a query: the same on the results, the comparison, the network PDF and the network exports. */
export const NetworkFiltersQuery = z.object({
  region: z.string().max(120).optional().openapi({ description: 'Région du pôle, telle qu’enregistrée sur sa fiche' }),
  legalForm: z.string().max(60).optional().openapi({ description: 'Forme juridique déclarée dans le profil (code de la réponse, ex. association)' }),
  minAge: age.openapi({ description: 'Âge minimum du pôle l’année de la campagne (année de création du profil)' }),
  maxAge: age.openapi({ description: 'Âge maximum du pôle l’année de la campagne' }),
  territoryType: z.string().max(60).optional().openapi({ description: 'Type de territoire déclaré dans le profil (code de la réponse, ex. rural)' }),
  stage: z.string().max(60).optional().openapi({ description: 'Stade de développement déclaré dans le profil (code de la réponse, ex. emergence)' }),
});
const FiltersSchema = z.object({
  region: z.string().optional(), legalForm: z.string().optional(), minAge: z.number().optional(), maxAge: z.number().optional(),
  territoryType: z.string().optional(), stage: z.string().optional(),
});
export type NetworkFilters = z.infer<typeof FiltersSchema>;

const ChoiceCountSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

/** A pole's change since the compared campaign, on the items both versions share (null without results in both). */
export const PoleChangeSchema = z
  .object({
    overall: score,
    themes: z.record(z.string(), score).openapi({ description: 'Écart en points par thème (clé : identifiant du thème)' }),
  })
  .openapi('PoleChange');
export const NetworkResultsSchema = z
  .object({
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    filters: FiltersSchema,
    filterChoices: z
      .object({
        regions: z.array(ChoiceCountSchema), legalForms: z.array(ChoiceCountSchema),
        territoryTypes: z.array(ChoiceCountSchema), stages: z.array(ChoiceCountSchema),
      })
      .openapi({ description: 'Valeurs des filtres qu’au moins un pôle de la campagne a, avec le nombre de pôles (comptés sans filtre)' }),
    minGroupSize: z.number().int(),
    thresholds: z.object({ high: z.number(), low: z.number() }),
    polesWithResults: z.number().int(),
    themes: z.array(z.object({
      id: z.string(), label: z.string(), dimension: z.string(), factor: z.enum(['internal', 'external']),
      distribution: DistributionSchema, weakPoles: z.number().int(), dissensusPoles: z.number().int(),
      // « Qualité du questionnaire » (reports/analysis/quality.ts): over the respondents of the poles with results.
      alpha: score.openapi({ description: 'α de Cronbach des items du thème (scores 0-100), sur les répondants ayant répondu à chacun ; null sous 2 items, sous `alphaRespondents` suffisants ou sans variance' }),
      alphaRespondents: z.number().int().openapi({ description: 'Répondants ayant un score à chaque item du thème' }),
      nspItems: z
        .array(z.object({ name: z.string(), label: z.string(), nspRate: z.number().min(0).max(1) }))
        .openapi({ description: 'Items du thème dont la part de « je ne sais pas / non concerné » (parmi ceux à qui ils ont été présentés, cellules d’au moins k) dépasse 30 %, la plus forte d’abord' }),
    })),
    poles: z.array(z.object({
      id: z.string(), name: z.string(), region: z.string().nullable(), legalForm: z.string().nullable(), foundedYear: z.number().nullable(),
      invited: z.number().int(), submitted: z.number().int(),
      available: z.boolean().openapi({ description: 'false sous k réponses dans les résultats : le pôle ne compte que dans la participation' }),
      overall: score,
      scores: z.array(score).openapi({ description: 'Une valeur par thème, dans l’ordre de `themes` (ligne de la carte de chaleur)' }),
      weaknesses: z.number().int().openapi({ description: 'Thèmes internes en faiblesse (score au plus au seuil bas)' }),
      dissensusThemes: z.number().int().openapi({ description: 'Thèmes sur lesquels les groupes de collèges du pôle divergent' }),
      change: PoleChangeSchema.optional().openapi({ description: 'Avec `compareTo` seulement : évolution depuis cette campagne' }),
    })),
    comparedTo: z
      .object({
        id: z.string(), year: z.number().int(), questionnaireId: z.string(),
        sharedItems: z.number().int().openapi({ description: 'Items du questionnaire de la campagne présents dans celui de la campagne comparée (directement ou par `renamed`)' }),
        items: z.number().int(),
      })
      .optional()
      .openapi({ description: 'Avec `compareTo` seulement : la campagne à laquelle `poles[].change` se rapporte' }),
    support: z
      .object({
        rule: z.string().openapi({ description: 'La règle, en une phrase' }),
        poles: z.array(z.string()).openapi({ description: 'Identifiants des pôles retenus, du score global le plus bas au plus haut' }),
        criteria: z.object({ overallAtMost: score, minWeaknesses: z.number().int() }),
      })
      .openapi({ description: 'Pôles à accompagner, et la règle qui les désigne' }),
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
    keyFigures: NetworkKeyFiguresSchema.openapi({ description: 'Chiffres clés déclarés dans les profils des pôles retenus : distribution des nombres, pôles par réponse pour les choix' }),
    actions: NetworkActionsSchema.openapi({ description: 'Plans d’action des pôles retenus par les filtres, enregistrés pour cette campagne : options adoptées et réalisées, actions propres' }),
  })
  .openapi('NetworkResults');

/** The whole JSON of GET /api/campaigns/:campaignId/results. */
export type NetworkResultsView = z.infer<typeof NetworkResultsSchema>;
/** What reports/analysis/network.ts computes: the view without what the server adds around it. */
export type NetworkResults = Omit<NetworkResultsView, 'filters' | 'filterChoices' | 'evolution' | 'comparedTo' | 'keyFigures'>;
export type { NetworkKeyFigures };
export type NetworkSupport = NetworkResultsView['support'];
export type PoleChange = z.infer<typeof PoleChangeSchema>;
export type FilterChoices = NetworkResultsView['filterChoices'];
export type NetworkEvolution = NetworkResultsView['evolution'];
export type Distribution = z.infer<typeof DistributionSchema>;
export type NetworkThemeResult = NetworkResults['themes'][number];
export type NetworkPoleResult = NetworkResults['poles'][number];

// ——— Groups of poles side by side: GET /api/campaigns/:campaignId/compare ———

export const COMPARE_BY = ['legalForm', 'region', 'ageBand'] as const;
export type CompareBy = (typeof COMPARE_BY)[number];

export const NetworkComparisonSchema = z
  .object({
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    filters: FiltersSchema,
    by: z.enum(COMPARE_BY),
    label: z.string().openapi({ description: 'Ce qui forme les groupes, en français (« Forme juridique »)' }),
    minPoles: z.number().int().openapi({ description: 'Pôles avec résultats qu’il faut à un groupe pour être présenté seul (sinon il rejoint « autres »)' }),
    polesWithResults: z.number().int(),
    bands: z
      .array(z.object({ id: z.string(), label: z.string(), minAge: z.number().int(), maxAge: z.number().int().nullable() }))
      .nullable()
      .openapi({ description: 'Pour `by=ageBand` : les tranches d’âge (âge du pôle l’année de la campagne, bornes comprises)' }),
    themes: z.array(z.object({ id: z.string(), label: z.string(), dimension: z.string(), factor: z.enum(['internal', 'external']) })),
    groups: z.array(
      z.object({
        value: z.string().nullable().openapi({ description: 'La valeur commune aux pôles du groupe ; null pour « autres » et pour une valeur non renseignée' }),
        label: z.string(),
        merged: z.boolean().openapi({ description: 'true pour « autres » : les valeurs de moins de `minPoles` pôles réunies' }),
        poles: z.number().int(),
        values: z.array(z.object({ value: z.string().nullable(), label: z.string(), poles: z.number().int() })).openapi({ description: 'Les valeurs réunies dans le groupe et leurs pôles' }),
        // Inline rather than the shared `Distribution`: OpenAPI 3.0 cannot make a reference nullable.
        overall: DistributionShape.nullable().openapi({ description: 'Score global des pôles du groupe ; null sous `minPoles` pôles' }),
        themes: z.record(z.string(), DistributionSchema).nullable().openapi({ description: 'Distribution de chaque thème (clé : identifiant) ; null sous `minPoles` pôles' }),
      }),
    ),
  })
  .openapi('NetworkComparison');

export type NetworkComparison = z.infer<typeof NetworkComparisonSchema>;
export type ComparisonGroup = NetworkComparison['groups'][number];
