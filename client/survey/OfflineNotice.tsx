// What the respondent is told while the server cannot be reached: plainly, without alarm, where their answers are
// (on this device, or only in this page when the browser refuses storage) and that they will be sent.
import { forwardRef, useEffect, useState } from 'react';

/** navigator.onLine, kept up to date: « connexion coupée » rather than « serveur » when the device knows it is offline. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export interface OfflineState {
  /** A draft save failed for a network reason or a server error, and is retried. */
  draftWaiting: boolean;
  /** « Terminer » was pressed but the submission could not reach the server: it is retried. */
  submitWaiting: boolean;
  /** The browser accepts storage: the answers survive closing the page. */
  keptOnDevice: boolean;
}

export function offlineMessage({ draftWaiting, submitWaiting, keptOnDevice }: OfflineState, online: boolean): string | null {
  if (!draftWaiting && !submitWaiting) return null;
  const cause = online ? 'Le serveur ne répond pas' : 'La connexion est coupée';
  if (submitWaiting) {
    return keptOnDevice
      ? `${cause} : l’envoi de vos réponses est en attente. Elles sont gardées sur cet appareil et seront envoyées automatiquement dès que possible, même si vous fermez cette page puis la rouvrez.`
      : `${cause} : l’envoi de vos réponses est en attente. Ce navigateur ne permet pas de les garder sur l’appareil : elles ne sont gardées que tant que cette page reste ouverte. Ne la fermez pas, elles seront envoyées automatiquement dès que possible.`;
  }
  return keptOnDevice
    ? `${cause} : vos réponses sont gardées sur cet appareil et seront envoyées dès que possible. Vous pouvez continuer à répondre.`
    : `${cause} : ce navigateur ne permet pas de garder vos réponses sur l’appareil, elles ne sont gardées que tant que cette page reste ouverte. Ne la fermez pas : elles seront envoyées dès que possible. Vous pouvez continuer à répondre.`;
}

interface Props extends OfflineState {
  sending: boolean;
  onRetry: () => void;
}

/**
 * Always in the page (a live region must exist before its text changes to be read out); sticks to the bottom of the
 * screen while shown, near the navigation buttons, so that the respondent sees it whichever question they are on.
 */
export const OfflineNotice = forwardRef<HTMLDivElement, Props>(function OfflineNotice({ sending, onRetry, ...state }, ref) {
  const online = useOnline();
  const message = offlineMessage(state, online);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className={message ? 'alert alert-warning draft-error' : undefined}
      data-testid="hors-ligne"
    >
      {message && (
        <>
          <p>{message}</p>
          <button type="button" className="button-secondary" onClick={onRetry} disabled={sending}>
            {state.submitWaiting ? 'Réessayer l’envoi maintenant' : 'Réessayer maintenant'}
          </button>
        </>
      )}
    </div>
  );
});
