// A pole's theme scores against the network's quartiles (« Comparaison avec le réseau »).
// Pure. Only the count of poles and the quartiles leave this module: never another pole's name, id or score,
// nor the network's minimum or maximum (with few poles, either would be one identifiable pole's score).
import type { Benchmark, BenchmarkPosition } from '../types.ts';

/** The comparison appears from this many poles with results (the pole itself included). */
export const BENCHMARK_MIN_POLES = 5;

/** Scores are recomputed on each side (pole report, network view): equal figures may differ in the last bits. */
const EPSILON = 1e-9;

export interface BenchmarkNetwork {
  /** Poles with results (at least k responses) in the campaign. */
  polesWithResults: number;
  /** Per theme, the distribution of the poles' scores (only n and the quartiles are read). */
  themes: readonly { id: string; distribution: { n: number; q1: number | null; median: number | null; q3: number | null } }[];
}

export interface BenchmarkPole {
  /** false when the pole has fewer than k responses. */
  available: boolean;
  themes: readonly { id: string; score: number | null }[];
}

/** ≥ Q3: top quarter; ≥ median: upper middle; ≥ Q1: lower middle; else bottom quarter. */
export function benchmarkPosition(score: number | null, q1: number | null, median: number | null, q3: number | null): BenchmarkPosition | null {
  if (score === null || !Number.isFinite(score) || q1 === null || median === null || q3 === null) return null;
  if (score >= q3 - EPSILON) return 'top';
  if (score >= median - EPSILON) return 'upper';
  if (score >= q1 - EPSILON) return 'lower';
  return 'bottom';
}

/**
 * The pole's benchmark, or null when the pole has no results or fewer than BENCHMARK_MIN_POLES poles have results.
 * A theme scored by fewer than BENCHMARK_MIN_POLES poles shows no quartiles (null), for the same reason.
 */
export function computeBenchmark(pole: BenchmarkPole, network: BenchmarkNetwork): Benchmark | null {
  if (!pole.available || pole.themes.length === 0 || network.polesWithResults < BENCHMARK_MIN_POLES) return null;
  const byId = new Map(network.themes.map((t) => [t.id, t.distribution]));
  return {
    poles: network.polesWithResults,
    themes: pole.themes.map((theme) => {
      const d = byId.get(theme.id);
      if (!d || d.n < BENCHMARK_MIN_POLES) return { id: theme.id, q1: null, median: null, q3: null, position: null };
      return { id: theme.id, q1: d.q1, median: d.median, q3: d.q3, position: benchmarkPosition(theme.score, d.q1, d.median, d.q3) };
    }),
  };
}

/** « dans le quart supérieur », …: the position in words, for the dashboard and the PDF. */
export const BENCHMARK_POSITION_LABEL: Record<BenchmarkPosition, string> = {
  top: 'dans le quart supérieur',
  upper: 'au-dessus de la médiane',
  lower: 'sous la médiane',
  bottom: 'dans le quart inférieur',
};
