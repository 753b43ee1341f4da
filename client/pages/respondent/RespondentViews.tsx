// Static views of the respondent page: not open yet, closed, unknown, opened elsewhere, revoked or full link, thanks.
import type { ReactNode } from 'react';
import { formatDateTime } from '../../format';

function Notice({ title, children, testId, tone }: { title: string; children?: ReactNode; testId?: string; tone?: 'thanks' }) {
  return (
    <div className={tone === 'thanks' ? 'notice card thanks' : 'notice card'} data-testid={testId}>
      {/* Focusable so that the page can move focus here when the view changes (screen readers read it). */}
      <h1 tabIndex={-1}>{title}</h1>
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
      <p>Vérifiez l’adresse du lien ou demandez un nouveau lien à la coordination de votre pôle.</p>
    </Notice>
  );
}

/** 403 opened_elsewhere: the draft belongs to another browser; nothing of it is shown here. */
export function OpenedElsewhereView({ message, restartPath }: { message: string; restartPath?: string | null }) {
  return (
    <Notice title="Ce lien a déjà été ouvert sur un autre appareil" testId="ouvert-ailleurs">
      <p>{message}</p>
      {restartPath && (
        <p>
          <a href={restartPath} className="tap-target">Commencer un nouveau questionnaire avec le lien partagé</a>
        </p>
      )}
    </Notice>
  );
}

/** 410 link_revoked. */
export function RevokedView({ message }: { message: string }) {
  return (
    <Notice title="Ce lien a été retiré" testId="lien-retire">
      <p>{message || 'Ce lien a été retiré par la coordination de votre pôle. Demandez-lui un nouveau lien si besoin.'}</p>
    </Notice>
  );
}

/** 409 link_full on a shared link's claim. */
export function LinkFullView({ message }: { message: string }) {
  return (
    <Notice title="Ce lien partagé est complet" testId="lien-complet">
      <p>{message || 'Ce lien partagé a atteint le nombre de réponses prévu. Demandez un lien à la coordination de votre pôle.'}</p>
    </Notice>
  );
}

/** 429 too_many_claims on a shared link's claim. */
export function TooManyClaimsView({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Notice title="Trop de questionnaires ouverts depuis cette connexion" testId="trop-de-demandes">
      <p>{message || 'Trop de questionnaires ont été ouverts depuis cette connexion en une heure. Réessayez plus tard.'}</p>
      <button type="button" className="button-secondary" onClick={onRetry}>
        Réessayer
      </button>
    </Notice>
  );
}

/** After submission: no date, no answers, nothing tied to the person. */
export function ThanksView({ restartPath }: { restartPath?: string | null }) {
  return (
    <Notice title="Merci ! Vos réponses ont été enregistrées." testId="merci" tone="thanks">
      <p>Vos réponses ne peuvent plus être modifiées. Vous pouvez fermer cette page.</p>
      {restartPath && (
        <p>
          <a href={restartPath} className="tap-target">Permettre à une autre personne de répondre sur cet appareil</a>
        </p>
      )}
    </Notice>
  );
}
