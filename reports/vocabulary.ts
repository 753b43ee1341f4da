// The words and score bands the dashboards and the PDF reports share, so that a page and its printout say the same.
import type { Quadrant, SwotCategory, SwotThresholds } from './types.ts';

export const SWOT_LABEL: Record<SwotCategory, string> = {
  strength: 'Force',
  weakness: 'Faiblesse',
  opportunity: 'Opportunité',
  threat: 'Menace',
  vigilance: 'Point de vigilance',
};

/** TOWS quadrants: the name shown with an option, and what the quadrant's options aim at. */
export const QUADRANT: Record<Quadrant, { name: string; aim: string }> = {
  SO: { name: 'Forces et opportunités (SO)', aim: 's’appuyer sur les forces du pôle pour saisir les opportunités du territoire' },
  ST: { name: 'Forces et menaces (ST)', aim: 'mobiliser les forces du pôle pour parer les menaces' },
  WO: { name: 'Faiblesses et opportunités (WO)', aim: 'profiter des opportunités pour corriger les faiblesses' },
  WT: { name: 'Faiblesses et menaces (WT)', aim: 'réduire les faiblesses et se protéger des menaces (stratégie défensive)' },
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
