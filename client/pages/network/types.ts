// The JSON of GET /api/campaigns/:campaignId/results (server/routes/network.ts, NetworkResultsSchema).
import type { NetworkResults } from '../../../reports/analysis/network';

export interface NetworkEvolution {
  campaigns: { id: string; year: number; polesWithResults: number; medians: Record<string, number | null> }[];
}

export type NetworkResultsView = NetworkResults & {
  filters: { region?: string; legalForm?: string; minAge?: number; maxAge?: number };
  evolution: NetworkEvolution;
};

export type NetworkTheme = NetworkResults['themes'][number];
export type NetworkPole = NetworkResults['poles'][number];
