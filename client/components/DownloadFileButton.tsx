// A file the server takes a while to produce (a PDF report): fetched as a blob with progress shown meanwhile,
// then handed to the browser through a temporary <a download>. Used by the pole and the network dashboards.
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from './Messages';

const NETWORK_MESSAGE = 'Connexion au serveur impossible. Vérifiez votre connexion et réessayez.';

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (!match) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

async function failureMessage(response: Response, forbidden: string): Promise<string> {
  try {
    const payload = (await response.json()) as { error?: { message?: string } };
    if (payload?.error?.message) return payload.error.message;
  } catch {
    // not JSON
  }
  if (response.status === 401) return 'Votre session a expiré : reconnectez-vous puis réessayez.';
  if (response.status === 403) return forbidden;
  if (response.status === 404) return 'Ce document n’est pas encore disponible.';
  return `Erreur du serveur (${response.status}).`;
}

interface Props {
  url: string;
  /** Used when the server gives no file name. */
  fileName: string;
  label: string;
  busyLabel: string;
  doneLabel: string;
  accept: string;
  testId?: string;
  progressTestId?: string;
  /** Shown on 403. */
  forbiddenMessage: string;
  /** First words of the error shown when the download fails. */
  failureLabel?: string;
  className?: string;
}

export function DownloadFileButton({ url, fileName, label, busyLabel, doneLabel, accept, testId, progressTestId, forbiddenMessage, failureLabel = 'Le téléchargement a échoué.', className }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const progressId = useId();

  useEffect(() => () => controller.current?.abort(), []);

  async function download() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      let response: Response;
      try {
        response = await fetch(url, { credentials: 'same-origin', headers: { Accept: accept }, signal: current.signal });
      } catch (e) {
        if (current.signal.aborted) return;
        throw new Error(NETWORK_MESSAGE, { cause: e });
      }
      if (!response.ok) throw new Error(await failureMessage(response, forbiddenMessage));
      const blob = await response.blob();
      if (current.signal.aborted) return;
      const objectUrl = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: accept }));
      const link = document.createElement('a');
      link.href = objectUrl;
      link.download = fileNameFrom(response.headers.get('Content-Disposition'), fileName);
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
      setDone(true);
    } catch (e) {
      if (current.signal.aborted) return;
      setError(e instanceof Error && e.message ? e.message : 'Une erreur inattendue est survenue.');
    } finally {
      if (controller.current === current) {
        controller.current = null;
        setBusy(false);
      }
    }
  }

  return (
    <div className={`download-report ${className ?? ''}`}>
      <button type="button" onClick={() => void download()} disabled={busy} aria-describedby={progressId} data-testid={testId}>
        {label}
      </button>
      <div id={progressId} className="report-progress" aria-live="polite" data-testid={progressTestId ?? (testId ? `${testId}-progress` : undefined)}>
        {busy && (
          <span className="progress-busy">
            <span className="spinner" aria-hidden="true" /> {busyLabel}
          </span>
        )}
        {done && !busy && <span className="progress-done">{doneLabel}</span>}
      </div>
      {error && (
        <ErrorAlert>
          <p>
            {failureLabel} {error}
          </p>
        </ErrorAlert>
      )}
    </div>
  );
}
