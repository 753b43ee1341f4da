// The JSON of GET /api/campaigns/:campaignId/results, as reports/contract/network.ts defines it once.
import type { NetworkResults } from '../../../reports/contract/network';

export type { NetworkEvolution, NetworkResultsView } from '../../../reports/contract/network';

export type NetworkTheme = NetworkResults['themes'][number];
export type NetworkPole = NetworkResults['poles'][number];
