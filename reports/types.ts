// The shape of a pole's results, named by part: produced by reports/analysis, served by the API, drawn by the
// dashboard and the PDF. Defined once as zod schemas in reports/contract/results.ts; these are their types.
import type { z } from '@hono/zod-openapi';
import type {
  AggregateSchema, BenchmarkPositionSchema, BenchmarkSchema, CollegeScoreSchema, DimensionResultSchema, EvolutionSchema, IntervalSchema,
  ItemResultSchema, ParticipationSchema, PoleResultsSchema, QuadrantSchema, ResultGroupSchema, ResultsSnapshotSchema,
  StrategicOptionResultSchema, SwotCategorySchema, SwotThresholdsSchema, ThemeEvolutionSchema, ThemeResultSchema, VerbatimsSchema,
} from './contract/results.ts';
import type { FollowUp } from './contract/review.ts';
import type { KeyFigures } from './contract/key-figures.ts';

/** What became of the plan adopted at the pole's previous review: reports/contract/review.ts. */
export type { FollowUp, FollowUpAction, FollowUpTheme } from './contract/review.ts';
/** The key figures of the pole's profile, with last campaign's: reports/contract/key-figures.ts. */
export type { KeyFact, KeyFigure, KeyFigures } from './contract/key-figures.ts';

export type Quadrant = z.infer<typeof QuadrantSchema>;
export type SwotCategory = z.infer<typeof SwotCategorySchema>;
export type SwotThresholds = z.infer<typeof SwotThresholdsSchema>;
/** One collège group's figure: a collège shown on its own, or « Autres collèges » (id `autres`). */
export type CollegeScore = z.infer<typeof CollegeScoreSchema>;
/** A pole's figures for one item (from its respondents) or one theme (from its items). */
export type Aggregate = z.infer<typeof AggregateSchema>;
/** A 90 % interval around a score: reports/analysis/uncertainty.ts. */
export type Interval = z.infer<typeof IntervalSchema>;
export type ThemeResult = z.infer<typeof ThemeResultSchema>;
export type ItemResult = z.infer<typeof ItemResultSchema>;
export type DimensionResult = z.infer<typeof DimensionResultSchema>;
export type Participation = z.infer<typeof ParticipationSchema>;
export type CollegeParticipation = Participation['colleges'][number];
/** The groups byCollege refers to, merged group last. */
export type ResultGroup = z.infer<typeof ResultGroupSchema>;
export type StrategicOptionResult = z.infer<typeof StrategicOptionResultSchema>;
export type ThemeEvolution = z.infer<typeof ThemeEvolutionSchema>;
export type Evolution = z.infer<typeof EvolutionSchema>;
export type Verbatims = z.infer<typeof VerbatimsSchema>;
export type BenchmarkPosition = z.infer<typeof BenchmarkPositionSchema>;
/** The pole's theme scores against the network's quartiles: counts and quartiles only, no other pole named. */
export type Benchmark = z.infer<typeof BenchmarkSchema>;
/**
 * Results move by snapshots: they rest on `responses` submitted responses and take in the `pending` ones only in
 * batches of at least k, so that the figures never change by one person's answers.
 */
export type ResultsSnapshot = z.infer<typeof ResultsSnapshotSchema>;

/** The results as the API serves them. */
export type ServedPoleResults = z.infer<typeof PoleResultsSchema>;
/**
 * The results as reports/analysis computes them from plain data: the network comparison (`benchmark`), what the
 * figures rest on (`snapshot`), the follow-up of the previous plan (`followUp`, from the stored reviews) and the key
 * figures of the profile (`keyFigures`) are added by the server, and always in the API's JSON.
 */
export type PoleResults = Omit<ServedPoleResults, 'benchmark' | 'snapshot' | 'followUp' | 'keyFigures'> & {
  benchmark?: Benchmark | null; snapshot?: ResultsSnapshot; followUp?: FollowUp | null; keyFigures?: KeyFigures | null;
};
