// French formatting of dates and labels.
import type { CampaignStatus } from '../reports/contract/resources';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** « lundi 3 mars 2025 à 09:00 » */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? dateTime.format(d) : '';
}

/** « 3 mars 2025 » */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? date.format(d) : '';
}

/** « 14:32 » */
export function formatTime(value: Date | string): string {
  const d = typeof value === 'string' ? parse(value) : value;
  return d ? time.format(d) : '';
}

export const campaignStatusLabel: Record<CampaignStatus, string> = {
  open: 'ouverte',
  upcoming: 'à venir',
  closed: 'clôturée',
};
