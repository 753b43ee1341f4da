// Theme scores to SWOT categories: internal factors are strengths or weaknesses, context factors opportunities or threats.
import type { SwotCategory, SwotThresholds } from '../types.ts';

export const DEFAULT_THRESHOLDS: SwotThresholds = { high: 65, low: 45 };

export function swotCategory(score: number | null, factor: 'internal' | 'external', t: SwotThresholds): SwotCategory | null {
  if (score === null) return null;
  if (score >= t.high) return factor === 'internal' ? 'strength' : 'opportunity';
  if (score <= t.low) return factor === 'internal' ? 'weakness' : 'threat';
  return 'vigilance';
}

/** How far a score lies beyond the threshold of its category, in points (0 at the threshold). */
export function distanceBeyond(score: number, category: SwotCategory, t: SwotThresholds): number {
  if (category === 'strength' || category === 'opportunity') return score - t.high;
  if (category === 'weakness' || category === 'threat') return t.low - score;
  return 0;
}
