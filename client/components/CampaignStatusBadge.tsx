import { campaignStatusLabel } from '../format';
import type { CampaignStatus } from '../../reports/contract/resources';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {campaignStatusLabel[status] ?? status}
    </span>
  );
}
