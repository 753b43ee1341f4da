import type { Campaign } from './db/index.ts';
import { formatDateFr, formatDateTimeFr } from '../reports/format.ts';

export type CampaignStatus = 'upcoming' | 'open' | 'closed';

export function campaignStatus(campaign: Campaign, now: Date): CampaignStatus {
  if (campaign.opensAt && now < new Date(campaign.opensAt)) return 'upcoming';
  if (campaign.closesAt && now > new Date(campaign.closesAt)) return 'closed';
  return 'open';
}

export const presentCampaign = (campaign: Campaign, now: Date) => ({ ...campaign, status: campaignStatus(campaign, now) });

/** A campaign date in French: whole days stored as UTC boundaries (see routes/campaigns.ts), so shown in UTC. */
export const campaignDay = (iso: string) => formatDateFr(new Date(iso), { timeZone: 'UTC' });

/** A moment (quota, cooldown) as coordinators in France read it: « 2 mars 2026 à 11 h 00 ». */
export const momentFr = (iso: string) => formatDateTimeFr(new Date(iso));
