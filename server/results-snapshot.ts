// Results move by batches of responses (server/db/tickets.ts); this settles the last one when a campaign closes.
import type { AppDeps } from './context.ts';
import type { Campaign } from './db/index.ts';
import { campaignStatus } from './campaign-status.ts';

/** A closed campaign's last waiting responses (k or more per pole) enter the results: see responses.closeBatches. */
export function settleIfClosed(deps: AppDeps, campaign: Campaign): void {
  if (campaignStatus(campaign, deps.now()) === 'closed') deps.repos.responses.closeBatches(campaign.id, deps.analysis.minGroupSize);
}
