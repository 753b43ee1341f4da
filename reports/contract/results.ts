// A pole's results, defined once: the route validates and documents them (OpenAPI), reports/analysis produces them,
// the dashboard and the PDF read them (reports/types.ts names the parts). Scores are 0..100, unrounded; null where
// nobody answered or where anonymity hides the figure.
import { z } from '@hono/zod-openapi';
import { FollowUpSchema } from './review.ts';
import { KeyFiguresSchema } from './key-figures.ts';

const score = z.number().nullable();
const factor = z.enum(['internal', 'external']);

export const QuadrantSchema = z.enum(['SO', 'ST', 'WO', 'WT']);
export const SwotCategorySchema = z.enum(['strength', 'weakness', 'opportunity', 'threat', 'vigilance']);
export const SwotThresholdsSchema = z.object({ high: z.number(), low: z.number() });

/** One collège group's figure: a collège shown on its own, or « Autres collèges ». */
export const CollegeScoreSchema = z.object({
  college: z.string().openapi({ description: 'Groupe : identifiant d’un collège, ou « autres » pour « Autres collèges »' }),
  label: z.string(),
  n: z.number().int().openapi({ description: 'Répondants du groupe ayant un score ici' }),
  score: score.openapi({ description: 'null sous k répondants (« effectif insuffisant ») : le groupe est alors écarté des totaux aussi' }),
  suppressed: z.boolean(),
});

/** A pole's figures for one item (from its respondents) or one theme (from its items): reports/analysis/aggregate.ts. */
export const AggregateSchema = z.object({
  score: score.openapi({ description: 'Moyenne des groupes présentés (chacun pèse autant)' }),
  rawScore: score.openapi({ description: 'Moyenne simple des répondants des groupes présentés (pour un thème : moyenne de ses items)' }),
  n: z.number().int(),
  byCollege: z.array(CollegeScoreSchema),
  spread: score.openapi({ description: 'Écart entre le groupe le plus haut et le plus bas ; null sous deux groupes' }),
  sd: score,
  dissensus: z.boolean(),
});

/** How sure a score is: reports/analysis/uncertainty.ts. Inline wherever used: OpenAPI 3.0 cannot make a reference nullable. */
export const IntervalSchema = z.object({
  low: z.number(), high: z.number(),
  level: z.number().openapi({ description: 'Niveau de confiance (0,9)' }),
});
const interval = IntervalSchema.nullable().openapi({
  description: 'Intervalle à 90 % autour de `score`, des seules valeurs comptées (cellules d’au moins k) : intervalle t sur la moyenne des groupes (ddl de Welch–Satterthwaite) ; pour un thème, majoré à partir de ceux de ses items. null quand il ne peut être calculé',
});

export const ThemeResultSchema = AggregateSchema.extend({
  id: z.string(), label: z.string(), dimension: z.string(), factor, seedRefs: z.array(z.string()),
  swot: SwotCategorySchema.nullable(),
  interval,
});

export const ItemResultSchema = AggregateSchema.extend({
  name: z.string().openapi({ description: 'Nom de la question, ou « question.ligne » pour une ligne de matrice' }),
  label: z.string(), theme: z.string(), polarity: z.enum(['positive', 'negative']),
  interval,
  nspRate: z.number().min(0).max(1).nullable().openapi({ description: 'Part de « je ne sais pas / non concerné » parmi les personnes à qui la ligne a été présentée, dans les cellules (paquet, groupe) d’au moins k d’entre elles ; null sinon' }),
});

export const DimensionResultSchema = z.object({ id: z.string(), label: z.string(), factor, score });

export const ParticipationSchema = z.object({
  invited: z.number().int(),
  submitted: z.number().int(),
  colleges: z.array(z.object({
    college: z.string(), label: z.string(), invited: z.number().int(), submitted: z.number().int(),
    members: z.number().nullable().openapi({ description: 'Structures membres déclarées dans le profil du pôle pour ce collège' }),
  })),
  missingColleges: z.array(z.object({ college: z.string(), label: z.string() })),
  warnings: z.array(z.string()),
});

export const ResultGroupSchema = z.object({ id: z.string(), label: z.string(), colleges: z.array(z.string()), n: z.number().int() });

export const StrategicOptionResultSchema = z.object({
  id: z.string(), quadrant: QuadrantSchema, title: z.string(), description: z.string(),
  themes: z.array(z.string()).openapi({ description: 'Thèmes qui la fondent : thèmes internes, puis le thème de contexte (`context`)' }),
  seedRef: z.string(),
  strength: z.number().openapi({ description: 'Écart moyen (en points) de ces thèmes au-delà de leurs seuils (0 pour un thème de contexte en zone de vigilance) ; départage les options d’un même thème, l’ordre à montrer est celui de la liste' }),
  needsConsensus: z.boolean(),
  because: z
    .object({ theme: z.string(), item: z.string(), label: z.string(), polarity: z.enum(['positive', 'negative']), score: z.number() })
    .nullable()
    .openapi({ description: 'La ligne qui a placé son thème interne dans sa zone : la plus basse d’une faiblesse (options WO, WT), la plus haute d’une force (SO, ST)' }),
  context: z
    .object({ theme: z.string(), score: z.number(), category: SwotCategorySchema.extract(['opportunity', 'threat', 'vigilance']) })
    .nullable()
    .openapi({ description: 'Le thème de contexte sur lequel elle s’appuie (WO, SO) ou qu’elle affronte (WT, ST). Pour un remède, choisi pour ce pôle : le plus éloigné du milieu de la zone de vigilance, qui peut y être lui-même (« vigilance »), au-dessus du milieu pour WO, en dessous pour WT ; null sans aucun chiffre de contexte' }),
  reason: z.string().openapi({ description: 'Une ou deux phrases écrites pour ce pôle : le point le plus faible (ou le plus fort) du thème et le contexte' }),
});

export const ThemeEvolutionSchema = z.object({
  id: z.string(), label: z.string(), previous: score, current: score, delta: score,
  sharedItems: z.number().int().openapi({ description: 'Items communs aux deux versions du questionnaire, sur lesquels la comparaison porte' }),
});
export const EvolutionSchema = z.object({ previousCampaign: z.object({ id: z.string(), year: z.number().int() }), themes: z.array(ThemeEvolutionSchema) });

export const VerbatimsSchema = z.object({
  question: z.string(), label: z.string(),
  answers: z.array(z.object({ text: z.string(), count: z.number().int() })).openapi({ description: 'Réponses distinctes, par ordre alphabétique, avec leur nombre' }),
});

export const BenchmarkPositionSchema = z.enum(['top', 'upper', 'lower', 'bottom']);
export const BenchmarkSchema = z.object({
  poles: z.number().int().openapi({ description: 'Pôles ayant des résultats dans la campagne, celui-ci compris' }),
  themes: z.array(z.object({ id: z.string(), q1: score, median: score, q3: score, position: BenchmarkPositionSchema.nullable() })),
});

export const ResultsSnapshotSchema = z.object({
  responses: z.number().int().openapi({ description: 'Réponses envoyées sur lesquelles reposent les résultats' }),
  pending: z.number().int().openapi({ description: 'Réponses envoyées depuis, en attente de la prochaine mise à jour' }),
  nextUpdateAt: z.number().int().openapi({ description: 'Nombre de réponses envoyées à partir duquel les résultats pourront bouger (plus tard si un collège devait perdre ses chiffres)' }),
  provisional: z.boolean().openapi({ description: 'true tant que la campagne n’est pas clôturée' }),
});

export const PoleResultsSchema = z
  .object({
    pole: z.object({ id: z.string(), name: z.string() }),
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    minGroupSize: z.number().int().openapi({ description: 'Seuil d’anonymat k' }),
    thresholds: SwotThresholdsSchema,
    available: z.boolean().openapi({ description: 'false sous k réponses envoyées : aucun résultat' }),
    message: z.string().nullable(),
    participation: ParticipationSchema,
    groups: z.array(ResultGroupSchema).openapi({ description: 'Groupes de collèges des résultats : collèges d’au moins k réponses, puis « Autres collèges » ; vide sans résultats' }),
    themes: z.array(ThemeResultSchema),
    items: z.array(ItemResultSchema),
    dimensions: z.array(DimensionResultSchema),
    overall: score,
    swot: z.object({
      strengths: z.array(z.string()), weaknesses: z.array(z.string()), opportunities: z.array(z.string()), threats: z.array(z.string()), vigilance: z.array(z.string()),
      uncertain: z.array(z.string()).openapi({ description: 'Thèmes classés (force, faiblesse, opportunité, menace) dont l’intervalle franchit le seuil qui les a classés (ou qui n’en ont pas) : « à confirmer »' }),
    }),
    options: z.array(StrategicOptionResultSchema).openapi({ description: 'Dans l’ordre à montrer : les options qui répondent aux faiblesses (WO, WT), du thème le plus faible au moins faible, puis celles qui s’appuient sur les forces (SO, ST)' }),
    evolution: EvolutionSchema.nullable(),
    followUp: FollowUpSchema.nullable().openapi({ description: 'Suivi du plan d’action adopté lors de la dernière campagne antérieure ayant une revue collective ; null sans revue antérieure' }),
    verbatims: z.array(VerbatimsSchema),
    benchmark: BenchmarkSchema.nullable().openapi({ description: 'Comparaison avec les quartiles du réseau (aucun pôle nommé) ; null sous 5 pôles ayant des résultats' }),
    snapshot: ResultsSnapshotSchema.openapi({ description: 'Les résultats avancent par paquets d’au moins k réponses, jamais d’une seule' }),
    keyFigures: KeyFiguresSchema.nullable().openapi({ description: 'Chiffres clés déclarés par la coordination dans le profil du pôle (pas des réponses), avec ceux de la campagne précédente et l’écart ; null tant que le profil de la campagne n’est pas rempli' }),
  })
  .openapi('PoleResults');
