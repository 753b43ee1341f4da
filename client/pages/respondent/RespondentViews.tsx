// Static views of the respondent page: not open yet, closed, unknown link, thanks.
import type { ReactNode } from 'react';
import { formatDateTime } from '../../format';

function Notice({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="notice card" data-testid={testId}>
      <h1>{title}</h1>
      {children}
    </div>
  );
}

export function NotOpenView({ opensAt }: { opensAt: string | null }) {
  const when = formatDateTime(opensAt);
  return (
    <Notice title="Le questionnaire n'est pas encore ouvert" testId="pas-ouvert">
      {when ? (
        <p>
          Il sera ouvert à partir du <strong data-testid="date-ouverture">{when}</strong>. Revenez avec ce même lien à
          partir de cette date.
        </p>
      ) : (
        <p>Revenez plus tard avec ce même lien.</p>
      )}
    </Notice>
  );
}

export function ClosedView({ closesAt }: { closesAt: string | null }) {
  const when = formatDateTime(closesAt);
  return (
    <Notice title="La campagne est clôturée" testId="cloturee">
      <p>
        {when ? `La campagne d’auto-évaluation s’est terminée le ${when}. ` : ''}
        Il n’est plus possible de répondre au questionnaire.
      </p>
    </Notice>
  );
}

export function NotFoundView() {
  return (
    <Notice title="Lien inconnu ou expiré" testId="lien-inconnu">
      <p>Vérifiez l’adresse du lien ou demandez un nouveau lien au coordinateur de votre pôle.</p>
    </Notice>
  );
}

export function ThanksView({ submittedAt }: { submittedAt: string | null }) {
  const when = formatDateTime(submittedAt);
  return (
    <div className="notice card thanks" data-testid="merci">
      <h1>Merci ! Vos réponses ont été enregistrées.</h1>
      {when && <p>Questionnaire envoyé le {when}.</p>}
      <p>Vos réponses ne peuvent plus être modifiées. Vous pouvez fermer cette page.</p>
    </div>
  );
}
