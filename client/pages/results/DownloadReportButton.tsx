// « Télécharger la synthèse » and « Télécharger le rapport PDF » of a pole's dashboard.
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

/** The two PDFs of a pole's campaign: the two-page summary for the meeting, and the full report. */
const DOCUMENTS = {
  summary: {
    file: 'synthese',
    label: 'Télécharger la synthèse (2 pages, PDF)',
    busyLabel: 'Préparation de la synthèse…',
    doneLabel: 'Synthèse téléchargée.',
    failureLabel: 'La synthèse n’a pas pu être téléchargée.',
    testId: 'download-summary',
  },
  report: {
    file: 'rapport',
    label: 'Télécharger le rapport complet (PDF)',
    busyLabel: 'Préparation du rapport…',
    doneLabel: 'Rapport téléchargé.',
    failureLabel: 'Le rapport n’a pas pu être téléchargé.',
    testId: 'download-pdf',
  },
} as const;

export function DownloadReportButton({ url, document, poleName, year }: { url: string; document: keyof typeof DOCUMENTS; poleName: string; year: number }) {
  const d = DOCUMENTS[document];
  return (
    <DownloadFileButton
      url={url}
      fileName={`${d.file}-${slug(poleName)}-${year}.pdf`}
      accept="application/pdf"
      label={d.label}
      busyLabel={d.busyLabel}
      doneLabel={d.doneLabel}
      testId={d.testId}
      progressTestId={`${d.testId}-progress`}
      forbiddenMessage="Vous n’avez pas accès aux résultats de ce pôle."
      failureLabel={d.failureLabel}
    />
  );
}

/** The chart files of a pole's dashboard are named like its PDFs: « resultats-<pôle>-<année>-<graphique> ». */
export const chartFileName = (poleName: string, year: number, chart: string) => `resultats-${slug(poleName)}-${year}-${chart}`;
