// Labels for the state of an invitation link.
import type { Invitation } from '../../../reports/contract/resources';

const individualLabels = { new: 'non ouvert', draft: 'en cours', submitted: 'réponse envoyée' } as const;

export function invitationStatusLabel(invitation: Invitation): string {
  if (invitation.shared) {
    const { opened, submitted } = invitation;
    return `${opened} ouverture${opened > 1 ? 's' : ''}, ${submitted} réponse${submitted > 1 ? 's' : ''} envoyée${submitted > 1 ? 's' : ''}`;
  }
  return individualLabels[invitation.status ?? 'new'];
}

export function invitationKindLabel(invitation: Invitation): string {
  return invitation.shared ? 'partagé' : 'individuel';
}
