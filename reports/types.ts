// The shape of a pole's results: produced by reports/analysis, served by the API, drawn by the dashboard and the PDF.
// Scores are 0..100, unrounded; null where nobody answered or where anonymity hides the figure.

export type Quadrant = 'SO' | 'ST' | 'WO' | 'WT';
export type SwotCategory = 'strength' | 'weakness' | 'opportunity' | 'threat' | 'vigilance';

/** One collège group's figure (PoleResults.groups): a collège shown on its own, or « Autres collèges ». */
export interface CollegeScore {
  /** Group id: a collège id, or "autres" for the merged group. */
  college: string;
  label: string;
  /** Respondents of this group with a score here. */
  n: number;
  /** null when n < k ("effectif insuffisant"): the group is then left out of the totals too. */
  score: number | null;
  suppressed: boolean;
}

/** A pole's figures for one theme or one item, from its respondents' scores (reports/analysis/aggregate.ts). */
export interface Aggregate {
  /** Mean of the shown groups' scores (each weighs the same). */
  score: number | null;
  /** Plain mean over the respondents of the shown groups. */
  rawScore: number | null;
  /** Respondents of the shown groups with a score here. */
  n: number;
  byCollege: CollegeScore[];
  /** Max minus min over shown groups; null with fewer than two. */
  spread: number | null;
  /** Standard deviation of the shown groups' respondents' scores. */
  sd: number | null;
  dissensus: boolean;
}

export interface ThemeResult extends Aggregate {
  id: string;
  label: string;
  dimension: string;
  factor: 'internal' | 'external';
  seedRefs: string[];
  swot: SwotCategory | null;
}

export interface ItemResult extends Aggregate {
  /** Question name, or `question.row` for a matrix row. */
  name: string;
  label: string;
  theme: string;
  polarity: 'positive' | 'negative';
}

export interface DimensionResult {
  id: string;
  label: string;
  factor: 'internal' | 'external';
  score: number | null;
}

export interface CollegeParticipation {
  college: string;
  label: string;
  invited: number;
  submitted: number;
  /** Member structures declared in the pole profile for this collège, if any. */
  members: number | null;
}

export interface Participation {
  invited: number;
  submitted: number;
  colleges: CollegeParticipation[];
  /** Collèges present in the pole profile but absent from the answers. */
  missingColleges: { college: string; label: string }[];
  warnings: string[];
}

export interface StrategicOptionResult {
  id: string;
  quadrant: Quadrant;
  title: string;
  description: string;
  themes: string[];
  seedRef: string;
  /** Mean distance (points) of the triggering themes beyond their thresholds: larger is more pressing. */
  strength: number;
  needsConsensus: boolean;
}

export interface ThemeEvolution {
  id: string;
  label: string;
  previous: number | null;
  current: number | null;
  delta: number | null;
  /** Items (question names) compared, common to both questionnaire versions. */
  sharedItems: number;
}

export interface Evolution {
  previousCampaign: { id: string; year: number };
  themes: ThemeEvolution[];
}

export interface Verbatims {
  question: string;
  label: string;
  /** Distinct trimmed answers, alphabetical, each with how many gave it (a repeat is not shown twice). */
  answers: { text: string; count: number }[];
}

/** A collège group the figures are broken down by (reports/analysis/groups.ts). */
export interface ResultGroup {
  /** A collège id, or "autres" for « Autres collèges ». */
  id: string;
  label: string;
  /** Collège ids in the group, questionnaire order. */
  colleges: string[];
  /** Submitted responses in the group. */
  n: number;
}

export interface SwotThresholds {
  high: number;
  low: number;
}

export type BenchmarkPosition = 'top' | 'upper' | 'lower' | 'bottom';

/** The pole's theme scores against the network's quartiles: counts and quartiles only, no other pole named. */
export interface Benchmark {
  /** Poles with results in the campaign, the pole itself included. */
  poles: number;
  themes: {
    id: string;
    /** null when fewer than 5 poles have a score on the theme. */
    q1: number | null;
    median: number | null;
    q3: number | null;
    /** score ≥ Q3: 'top'; ≥ median: 'upper'; ≥ Q1: 'lower'; else 'bottom'; null without a score or quartiles. */
    position: BenchmarkPosition | null;
  }[];
}

export interface PoleResults {
  pole: { id: string; name: string };
  campaign: { id: string; year: number; questionnaireId: string };
  /** The anonymity threshold k used. */
  minGroupSize: number;
  thresholds: SwotThresholds;
  /** false when the pole has fewer than k submitted responses: then every result array is empty. */
  available: boolean;
  message: string | null;
  participation: Participation;
  /** The groups byCollege refers to, merged group last; empty when results are unavailable. */
  groups: ResultGroup[];
  themes: ThemeResult[];
  items: ItemResult[];
  dimensions: DimensionResult[];
  overall: number | null;
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[]; vigilance: string[] };
  options: StrategicOptionResult[];
  evolution: Evolution | null;
  verbatims: Verbatims[];
  /**
   * Comparison with the network: always in the API's JSON, null when fewer than 5 poles (this one included) have
   * results or when this pole has none. Absent only where results are computed without the network (pure analysis).
   */
  benchmark?: Benchmark | null;
  /** What the figures rest on: always in the API's JSON; absent where results are computed from plain data. */
  snapshot?: ResultsSnapshot;
}

/**
 * Results move by snapshots: they rest on `responses` submitted responses and take in the `pending` ones only once
 * there are at least k of them, so that the figures never change by one person's answers.
 */
export interface ResultsSnapshot {
  /** Submitted responses the figures rest on. */
  responses: number;
  /** Submitted since, waiting for the next update. */
  pending: number;
  /** Total of submitted responses from which the results may next move (later if a collège would lose its figures). */
  nextUpdateAt: number;
  /** true while the campaign is open (or not yet open): the figures may still move. */
  provisional: boolean;
}
