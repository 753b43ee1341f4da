// The campaign mails, as pure functions: plain text and a simple HTML version, in French, with the opt-out link.
import type { OutgoingMail } from './mailer.ts';
import { campaignDay } from '../campaign-status.ts';

export interface CampaignMailInput {
  poleName: string;
  year: number;
  /** The respondent's personal link, `${origin}/r/<token>`. */
  link: string;
  /** `${origin}/api/mail/opt-out/<token>`. */
  optOutLink: string;
  opensAt: string | null;
  closesAt: string | null;
  /** The coordinator's personal note, if any (plain text). */
  note?: string | null;
  /** Reply address (the coordinator who sends), if any. */
  replyTo?: string;
  /** Used to say "the questionnaire will open on…" only when it is not open yet. */
  now: Date;
}

export interface ReminderMailInput extends CampaignMailInput {
  /** The respondent has started answering (draft saved). */
  started: boolean;
}

type Message = Omit<OutgoingMail, 'to'>;

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A header must stay on one line, whatever the pole's name contains. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

const datesLine = (input: CampaignMailInput): string | null => {
  const parts: string[] = [];
  if (input.opensAt && input.now < new Date(input.opensAt)) parts.push(`Le questionnaire ouvrira le ${campaignDay(input.opensAt)}.`);
  if (input.closesAt) parts.push(`Vous pouvez répondre jusqu’au ${campaignDay(input.closesAt)} inclus.`);
  return parts.length ? parts.join(' ') : null;
};

interface Blocks {
  subject: string;
  intro: string[];
  input: CampaignMailInput;
}

/** Builds both bodies from the same paragraphs, so the text and HTML versions say the same thing. */
function compose({ subject, intro, input }: Blocks): Message {
  const note = input.note?.trim() || null;
  const dates = datesLine(input);
  const linkIntro = 'Votre lien personnel (ne le transférez pas : il donne accès à vos réponses) :';
  const resume = 'Vous pouvez interrompre la saisie et la reprendre plus tard avec ce même lien.';
  const optOut = 'Pour ne plus recevoir de relance pour cette campagne :';

  const text = [
    'Bonjour,',
    '',
    ...intro.flatMap((p) => [p, '']),
    ...(note ? ['Message de la coordination du pôle :', note, ''] : []),
    linkIntro,
    input.link,
    '',
    resume,
    ...(dates ? [dates] : []),
    '',
    'Merci de votre participation !',
    '',
    '-- ',
    `${optOut} ${input.optOutLink}`,
    '',
  ].join('\n');

  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const link = escapeHtml(input.link);
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #222;">',
    p('Bonjour,'),
    ...intro.map(p),
    ...(note ? [`<p><strong>Message de la coordination du pôle :</strong></p><blockquote style="border-left: 3px solid #ccc; margin: 0 0 1em; padding-left: 1em; white-space: pre-line;">${escapeHtml(note)}</blockquote>`] : []),
    p(linkIntro),
    `<p><a href="${link}" style="display: inline-block; padding: 0.6em 1.2em; background: #1d5e8c; color: #fff; text-decoration: none; border-radius: 4px;">Répondre au questionnaire</a></p>`,
    `<p style="font-size: 0.9em;">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${link}">${link}</a></p>`,
    p(resume),
    ...(dates ? [p(dates)] : []),
    p('Merci de votre participation !'),
    `<hr><p style="font-size: 0.8em; color: #666;">${escapeHtml(optOut)} <a href="${escapeHtml(input.optOutLink)}">se désinscrire</a>.</p>`,
    '</body></html>',
  ].join('\n');

  return {
    subject: oneLine(subject),
    text,
    html,
    replyTo: input.replyTo,
    // One-click unsubscribe (RFC 8058): the mail client POSTs to the link itself; the RFC allows it over HTTPS only.
    headers: {
      'List-Unsubscribe': `<${input.optOutLink}>`,
      ...(input.optOutLink.startsWith('https://') ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
  };
}

export function invitationMessage(input: CampaignMailInput): Message {
  return compose({
    subject: `Auto-évaluation PTCE ${input.year} : votre lien personnel pour ${input.poleName}`,
    intro: [
      `« ${input.poleName} » mène l’auto-évaluation annuelle de son Pôle Territorial de Coopération Économique (campagne ${input.year}) et vous invite à y participer.`,
    ],
    input,
  });
}

export function reminderMessage(input: ReminderMailInput): Message {
  return compose({
    subject: `Rappel – Auto-évaluation PTCE ${input.year} : votre lien personnel pour ${input.poleName}`,
    intro: [
      input.started
        ? `Vous avez commencé à répondre à l’auto-évaluation ${input.year} de « ${input.poleName} », mais vos réponses n’ont pas encore été envoyées. Elles sont conservées : il vous reste à les compléter puis à les envoyer.`
        : `Nous n’avons pas encore reçu vos réponses à l’auto-évaluation ${input.year} de « ${input.poleName} ». Votre avis compte pour le pôle.`,
    ],
    input,
  });
}
