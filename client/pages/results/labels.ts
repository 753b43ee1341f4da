// French labels of the analysis categories.
import type { Quadrant, SwotCategory } from '../../../reports/types';

export const QUADRANT_LABEL: Record<Quadrant, string> = {
  SO: 'Forces × Opportunités',
  ST: 'Forces × Menaces',
  WO: 'Faiblesses × Opportunités',
  WT: 'Faiblesses × Menaces',
};

export const SWOT_LABEL: Record<SwotCategory, string> = {
  strength: 'Force',
  weakness: 'Faiblesse',
  opportunity: 'Opportunité',
  threat: 'Menace',
  vigilance: 'Point de vigilance',
};

export const FACTOR_LABEL = { internal: 'facteurs internes', external: 'facteurs de contexte' } as const;
