// The words and score bands the dashboards and the PDF reports share, so that a page and its printout say the same.
// The body of a pole's dashboard and report speaks to the people who present it at a general assembly: plain words
// here (« réponses », « les collèges ne voient pas ce thème de la même façon »); the technical terms (score brut, n,
// écart-type, quartiles, k, TOWS) stay in the method annex, which defines them.
import { ACTION_STATUS_LABEL, type ActionStatus } from './contract/review-labels.ts';
import type { Aggregate, BenchmarkPosition, CollegeScore, Quadrant, SwotCategory, SwotThresholds } from './types.ts';
import { formatScore, NBSP } from './format.ts';

export const SWOT_LABEL: Record<SwotCategory, string> = {
  strength: 'Force',
  weakness: 'Faiblesse',
  opportunity: 'Opportunité',
  threat: 'Menace',
  vigilance: 'Point de vigilance',
};

/**
 * TOWS quadrants: the name shown with an option, what the quadrant's options aim at, and the code the method annex
 * uses (the body says the name only).
 */
export const QUADRANT: Record<Quadrant, { name: string; aim: string; code: Quadrant }> = {
  SO: { name: 'Forces et opportunités', aim: 's’appuyer sur les forces du pôle pour saisir les opportunités du territoire', code: 'SO' },
  ST: { name: 'Forces face aux menaces', aim: 'mobiliser les forces du pôle pour parer les menaces', code: 'ST' },
  WO: { name: 'Faiblesses à corriger avec les opportunités', aim: 'profiter des opportunités pour corriger les faiblesses', code: 'WO' },
  WT: { name: 'Faiblesses face aux menaces', aim: 'réduire les faiblesses et se protéger des menaces', code: 'WT' },
};

export const FACTOR_LABEL = { internal: 'facteurs internes', external: 'facteurs de contexte' } as const;

export interface ScoreBand {
  /** b1 (lowest) to b5 (highest). */
  id: 'b1' | 'b2' | 'b3' | 'b4' | 'b5';
  label: string;
  /** Scores (rounded to one decimal, as printed) from `min` included to `max` excluded. */
  min: number;
  max: number;
}

/** Five score bands around the SWOT thresholds: two below the low one, the vigilance zone, two above the high one. */
export function scoreBands({ low, high }: SwotThresholds): ScoreBand[] {
  const veryLow = Math.max(0, low - 15);
  const veryHigh = Math.min(100, high + 15);
  return [
    { id: 'b1', label: `moins de ${veryLow}`, min: -Infinity, max: veryLow },
    { id: 'b2', label: `${veryLow} à moins de ${low}`, min: veryLow, max: low },
    { id: 'b3', label: `${low} à moins de ${high}`, min: low, max: high },
    { id: 'b4', label: `${high} à moins de ${veryHigh}`, min: high, max: veryHigh },
    { id: 'b5', label: `${veryHigh} et plus`, min: veryHigh, max: Infinity },
  ];
}

/** The band of a score as printed (one decimal): a cell reads « 44,96 » as 45,0 and is coloured as 45. */
export function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand {
  const shown = Math.round(score * 10) / 10;
  return bands.find((b) => shown < b.max) ?? bands[bands.length - 1];
}

// ---------------------------------------------------------------------------------------------------------------
// A pole's dashboard and report, in plain words.

/** Column headers of the theme tables: what the figures mean, not their statistical names. */
export const THEME_COLUMNS = {
  score: 'Score sur 100',
  responses: 'Réponses',
  category: 'Lecture',
  colleges: 'Les collèges',
} as const;

/** Where the pole stands on a theme among the network's poles, said without quartiles. */
export const BENCHMARK_POSITION: Record<BenchmarkPosition, string> = {
  top: 'parmi les 25 % de pôles les plus hauts du réseau',
  upper: 'dans la moitié haute du réseau',
  lower: 'dans la moitié basse du réseau',
  bottom: 'parmi les 25 % de pôles les plus bas du réseau',
};

/** The network's figures of the benchmark table, said as what they are. */
export const BENCHMARK_COLUMNS = {
  pole: 'Score du pôle',
  middle: 'La moitié des pôles du réseau entre',
  median: 'Pôle du milieu du réseau',
  position: 'Le pôle se situe',
} as const;

/** « (× 8) »: how many people gave the same free answer, printed once. */
export const answerCount = (count: number) => (count > 1 ? ` (×${NBSP}${count})` : '');

/** Plural of a French noun phrase by count: « 1 réponse », « 3 réponses ». */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;

/** The two collège groups furthest apart on a theme or an item (groups with a figure only), or null under two. */
export function divergence(aggregate: Pick<Aggregate, 'byCollege'>): { high: CollegeScore; low: CollegeScore; gap: number } | null {
  const shown = aggregate.byCollege.filter((b) => !b.suppressed && b.score !== null).sort((a, b) => b.score! - a.score!);
  if (shown.length < 2) return null;
  const high = shown[0];
  const low = shown[shown.length - 1];
  return { high, low, gap: high.score! - low.score! };
}

/** What « dissensus » means, said where it is flagged. */
export const DISAGREE = 'les collèges ne voient pas ce thème de la même façon';

/**
 * Which collèges disagree, and by how much: « Salariés 23,1 – Entreprises de l’ESS 49,9 (27 points d’écart) ».
 * Lowest first: the view that most needs hearing.
 */
export function divergenceText(aggregate: Pick<Aggregate, 'byCollege'>): string | null {
  const d = divergence(aggregate);
  if (!d) return null;
  return `${d.low.label} ${formatScore(d.low.score)} – ${d.high.label} ${formatScore(d.high.score)} (${formatScore(d.gap)} points d’écart)`;
}

/** A threshold as people write it: « 65 », « 62,5 ». */
export const formatThreshold = (v: number) => (Number.isInteger(v) ? String(v) : formatScore(v));

/** The SWOT category of a theme, as a reader understands it: « Force (65 et plus) ». */
export function swotLegend(category: SwotCategory, thresholds: SwotThresholds): string {
  const [low, high] = [formatThreshold(thresholds.low), formatThreshold(thresholds.high)];
  const range = category === 'vigilance' ? `entre ${low} et ${high}` : category === 'strength' || category === 'opportunity' ? `${high} et plus` : `${low} ou moins`;
  return `${SWOT_LABEL[category]} (${range})`;
}

/** The heading of the follow-up of last year's plan, on the dashboard and in the PDF. */
export const followUpTitle = (year: number) => `Suivi du plan d’action ${year}`;

/** The last section of the full PDF once the pole has met on its results. */
export const REVIEW_TITLE = 'Conclusions de la réunion et plan d’action';

/** « 5 actions : 2 réalisées, 1 en cours, 1 prévue, 1 abandonnée » (statuses with no action left out). */
export function actionTally(statuses: readonly ActionStatus[]): string {
  const order: ActionStatus[] = ['done', 'in_progress', 'planned', 'dropped'];
  const parts = order
    .map((s) => ({ s, n: statuses.filter((x) => x === s).length }))
    .filter(({ n }) => n > 0)
    .map(({ s, n }) => `${n} ${ACTION_STATUS_LABEL[s].toLowerCase()}${n > 1 && s !== 'in_progress' ? 's' : ''}`);
  return `${plural(statuses.length, 'action')}${parts.length ? ` : ${parts.join(', ')}` : ''}`;
}
