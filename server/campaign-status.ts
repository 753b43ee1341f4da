import type { Campaign } from './db/index.ts';

export type CampaignStatus = 'upcoming' | 'open' | 'closed';

export function campaignStatus(campaign: Campaign, now: Date): CampaignStatus {
  if (campaign.opensAt && now < new Date(campaign.opensAt)) return 'upcoming';
  if (campaign.closesAt && now > new Date(campaign.closesAt)) return 'closed';
  return 'open';
}

export const presentCampaign = (campaign: Campaign, now: Date) => ({ ...campaign, status: campaignStatus(campaign, now) });
