// The small French pages behind the opt-out link of a mail: plain HTML, no script (a strict CSP stays possible).
import { escapeHtml } from './messages.ts';

const page = (title: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.5; color: #222;">
<h1 style="font-size: 1.3em;">${escapeHtml(title)}</h1>
${body}
</body></html>`;

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

interface OptOutTarget {
  poleName: string;
  year: number;
}

const titleOf = ({ poleName, year }: OptOutTarget) => `Auto-évaluation PTCE ${year} – ${poleName}`;

/**
 * What the link shows: a question and a button. Only the button's POST opts out, so a mail scanner that opens
 * every link of a message does not unsubscribe anyone.
 */
export const optOutQuestionPage = (target: OptOutTarget) =>
  page(
    titleOf(target),
    [
      paragraph('Vous ne souhaitez plus recevoir de relance par courriel pour cette campagne ?'),
      // No action: the form posts to the page's own address, whatever prefix a proxy puts before it.
      '<form method="post">',
      '<button type="submit" style="font-size: 1em; padding: 0.6em 1.2em; background: #1d5e8c; color: #fff; border: 0; border-radius: 4px; cursor: pointer;">Ne plus recevoir de relance</button>',
      '</form>',
      paragraph('Votre lien personnel vers le questionnaire reste valable.'),
    ].join('\n'),
  );

export const optedOutPage = (target: OptOutTarget) => page(titleOf(target), paragraph('Vous ne recevrez plus de relance pour cette campagne.'));

export const alreadyOptedOutPage = (target: OptOutTarget) =>
  page(titleOf(target), paragraph('Vous êtes déjà désinscrit·e : vous ne recevrez plus de relance pour cette campagne.'));

export const unknownOptOutPage = () => page('Lien inconnu', paragraph('Ce lien de désinscription est inconnu ou a expiré.'));
