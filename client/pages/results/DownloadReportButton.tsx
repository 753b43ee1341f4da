// « Télécharger le rapport PDF » of a pole's dashboard.
import { DownloadFileButton } from '../../components/DownloadFileButton';

/** A file name safe for any system: letters, digits and dashes (the server's own name is preferred). */
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

export function DownloadReportButton({ url, poleName, year }: { url: string; poleName: string; year: number }) {
  return (
    <DownloadFileButton
      url={url}
      fileName={`rapport-${slug(poleName)}-${year}.pdf`}
      accept="application/pdf"
      label="Télécharger le rapport PDF"
      busyLabel="Préparation du rapport…"
      doneLabel="Rapport téléchargé."
      testId="download-pdf"
      progressTestId="download-progress"
      forbiddenMessage="Vous n’avez pas accès au rapport de ce pôle."
      failureLabel="Le rapport n’a pas pu être téléchargé."
    />
  );
}
