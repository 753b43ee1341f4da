// « Télécharger le rapport PDF »: fetches the PDF as a blob (the server takes a second or two to draw it),
// shows progress meanwhile, then hands the file to the browser through a temporary <a download>.
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/Messages';

const NETWORK_MESSAGE = 'Connexion au serveur impossible. Vérifiez votre connexion et réessayez.';

/** A file name safe for any system: letters, digits and dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'pole'
  );
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (!match) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

async function failureMessage(response: Response): Promise<string> {
  try {
    const payload = (await response.json()) as { error?: { message?: string } };
    if (payload?.error?.message) return payload.error.message;
  } catch {
    // not JSON
  }
  if (response.status === 401) return 'Votre session a expiré : reconnectez-vous puis réessayez.';
  if (response.status === 403) return 'Vous n’avez pas accès au rapport de ce pôle.';
  return `Erreur du serveur (${response.status}).`;
}

interface Props {
  url: string;
  poleName: string;
  year: number;
}

export function DownloadReportButton({ url, poleName, year }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const controller = useRef<AbortController | null>(null);

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
        response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/pdf' }, signal: current.signal });
      } catch (e) {
        if (current.signal.aborted) return;
        throw new Error(NETWORK_MESSAGE, { cause: e });
      }
      if (!response.ok) throw new Error(await failureMessage(response));
      const blob = await response.blob();
      if (current.signal.aborted) return;
      const objectUrl = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = objectUrl;
      link.download = fileNameFrom(response.headers.get('Content-Disposition'), `rapport-${slug(poleName)}-${year}.pdf`);
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Give the browser time to start the download before releasing the file.
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
    <div className="download-report">
      <button type="button" onClick={() => void download()} disabled={busy} aria-describedby="report-progress" data-testid="download-pdf">
        Télécharger le rapport PDF
      </button>
      <div id="report-progress" className="report-progress" aria-live="polite" data-testid="download-progress">
        {busy && (
          <span className="progress-busy">
            <span className="spinner" aria-hidden="true" /> Préparation du rapport…
          </span>
        )}
        {done && !busy && <span className="progress-done">Rapport téléchargé.</span>}
      </div>
      {error && (
        <ErrorAlert>
          <p>Le rapport n’a pas pu être téléchargé. {error}</p>
        </ErrorAlert>
      )}
    </div>
  );
}
