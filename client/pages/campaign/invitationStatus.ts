// Labels for the state of an invitation link.
import type { Invitation, SharedCounts } from '../../types';

export function sharedCounts(invitation: Invitation): SharedCounts {
  if (invitation.counts) return invitation.counts;
  if (invitation.status && typeof invitation.status === 'object') return invitation.status;
  return { opened: invitation.opened ?? 0, submitted: invitation.submitted ?? 0 };
}

const individualLabels = { new: 'non ouvert', draft: 'en cours', submitted: 'réponse envoyée' } as const;

export function invitationStatusLabel(invitation: Invitation): string {
  if (invitation.shared) {
    const { opened, submitted } = sharedCounts(invitation);
    return `${opened} ouverture${opened > 1 ? 's' : ''}, ${submitted} réponse${submitted > 1 ? 's' : ''} envoyée${submitted > 1 ? 's' : ''}`;
  }
  const status = typeof invitation.status === 'string' ? invitation.status : 'new';
  return individualLabels[status] ?? status;
}

export function invitationKindLabel(invitation: Invitation): string {
  return invitation.shared ? 'partagé' : 'individuel';
}
