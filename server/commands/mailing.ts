// Mail workflows as functions (deps, scope, input) → result: inviting by e-mail and reminding put mails in the queue
// that the background sender drains (server/mail/sender.ts); opting out is the recipient's. The routes validate,
// check access, call one of these and present what it returns. Tests: test/unit/commands-mailing.test.ts.
import type { AppDeps } from '../context.ts';
import type { NewInvitation, Pole } from '../db/index.ts';
import type { MailingKind, NewMailRecipient } from '../db/mailings.ts';
import { ApiError, invalid } from '../errors.ts';
import { campaignDay, campaignStatus, momentFr } from '../campaign-status.ts';
import { hashToken, issueToken, looksLikeToken, newId } from '../security/tokens.ts';
import { MAIL_DAILY_QUOTA_PER_POLE, REMINDER_COOLDOWN_HOURS } from '../../reports/contract/limits.ts';
import type { InvitationScope } from './invitations.ts';

/** The origin the links are written with, besides who sends (replies go to them) and the checked pole and campaign. */
export interface MailingScope extends InvitationScope {
  origin: string;
}

export interface SendMailingInput {
  recipients: { email: string; college?: string | null }[];
  message?: string;
}

const QUOTA_WINDOW_MS = 24 * 3_600_000;
const number = (n: number) => n.toLocaleString('fr-FR');
/** A moment announced to the minute is reached at that minute, not a few seconds after it. */
const nextMinute = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000).toISOString();

/** Sending needs SMTP and a campaign still open to answers. */
function requireSending(deps: AppDeps, { campaign }: MailingScope): void {
  if (!deps.mailer) {
    throw new ApiError(409, 'mail_not_configured', 'L’envoi de courriels n’est pas configuré sur ce serveur (SMTP_URL) : diffusez les liens par le fichier CSV ou la planche de QR codes.');
  }
  if (campaignStatus(campaign, deps.now()) === 'closed') {
    throw new ApiError(409, 'campaign_closed', `La campagne ${campaign.year} est clôturée depuis le ${campaignDay(campaign.closesAt!)} : plus aucun envoi n’est possible.`, { closesAt: campaign.closesAt });
  }
}

/**
 * At most MAIL_DAILY_QUOTA_PER_POLE mails in any 24 hours for a pole: a 429 saying when this mailing would fit, which
 * is when enough of the window's oldest mailings turn 24 hours old.
 */
function checkQuota(deps: AppDeps, pole: Pole, requested: number): void {
  const now = deps.now().getTime();
  const recent = deps.repos.mailings.queuedSince(pole.id, new Date(now - QUOTA_WINDOW_MS).toISOString());
  const used = recent.reduce((sum, m) => sum + m.count, 0);
  if (used + requested <= MAIL_DAILY_QUOTA_PER_POLE) return;
  const quota = `${number(MAIL_DAILY_QUOTA_PER_POLE)} courriels par période de 24 heures`;
  if (requested > MAIL_DAILY_QUOTA_PER_POLE) {
    throw new ApiError(429, 'mail_quota', `Cet envoi compte ${number(requested)} courriels : un pôle peut en envoyer au plus ${quota}.`, { quota: MAIL_DAILY_QUOTA_PER_POLE, used, requested });
  }
  let excess = used + requested - MAIL_DAILY_QUOTA_PER_POLE;
  let freeing = recent[0];
  for (const m of recent) {
    freeing = m;
    excess -= m.count;
    if (excess <= 0) break;
  }
  const retryAt = nextMinute(new Date(freeing.createdAt).getTime() + QUOTA_WINDOW_MS);
  throw new ApiError(
    429,
    'mail_quota',
    `Limite de ${quota} atteinte pour ce pôle : ${number(used)} déjà mis en file, ${number(requested)} ${requested > 1 ? 'demandés' : 'demandé'}. ` +
      `Cet envoi sera possible à partir du ${momentFr(retryAt)} (heure de Paris).`,
    { quota: MAIL_DAILY_QUOTA_PER_POLE, used, requested, retryAt },
  );
}

function queueMailing(deps: AppDeps, { pole, campaign, user, origin }: MailingScope, kind: MailingKind, recipientIds: string[], note: string | null): string {
  const mailing = {
    id: newId(), poleId: pole.id, campaignId: campaign.id, kind, note, linkOrigin: origin, createdBy: user.id, createdAt: deps.now().toISOString(),
  };
  deps.repos.mailings.queue(mailing, recipientIds.map((recipientId) => ({ id: newId(), recipientId })));
  return mailing.id;
}

/**
 * One personal link per new address (duplicates in the list and addresses already invited are left out), each with
 * its opt-out token, and one invitation mail each in the queue, all in one transaction.
 */
export function sendMailing(deps: AppDeps, scope: MailingScope, input: SendMailingInput): { mailingId: string | null; queued: number; alreadyInvited: string[] } {
  requireSending(deps, scope);
  const { pole, campaign, questionnaire } = scope;
  const colleges = new Set(questionnaire.colleges.map((k) => k.id));
  const issues = input.recipients.flatMap((r, i) =>
    r.college && !colleges.has(r.college) ? [{ question: `recipients.${i}.college`, message: `Collège inconnu : « ${r.college} ».` }] : [],
  );
  if (issues.length) throw invalid('Collège inconnu.', issues);

  const invited = deps.repos.mailings.invitedEmails(pole.id, campaign.id);
  const seen = new Set<string>();
  const alreadyInvited: string[] = [];
  const recipients = input.recipients.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    if (invited.has(key)) alreadyInvited.push(r.email);
    return !invited.has(key);
  });
  if (recipients.length === 0) return { mailingId: null, queued: 0, alreadyInvited };
  checkQuota(deps, pole, recipients.length);

  const createdAt = deps.now().toISOString();
  const rows = recipients.map((r) => {
    // Only the hashes and sealed copies are stored; the mail is written from them when it leaves.
    const { tokenHash, tokenSealed } = issueToken(deps.sealer);
    const optOut = issueToken(deps.sealer);
    const invitation: NewInvitation = {
      id: newId(), poleId: pole.id, campaignId: campaign.id, tokenHash, tokenSealed, shared: false, college: r.college ?? null, createdAt, ticketId: newId(),
    };
    const recipient: NewMailRecipient = {
      id: newId(), invitationId: invitation.id, poleId: pole.id, campaignId: campaign.id, email: r.email,
      optOutTokenHash: optOut.tokenHash, optOutTokenSealed: optOut.tokenSealed, createdAt,
    };
    return { invitation, recipient };
  });
  // Invitations exist whatever becomes of the mail: a failed one leaves a usable link (CSV, QR sheet, later reminder).
  const mailingId = deps.repos.transaction(() => {
    deps.repos.mailings.createMany(rows);
    // The addresses stay out of the audit trail: they are the respondents', not the staff's.
    deps.repos.audit.record({
      at: deps.now(), actor: scope.user, action: 'invitations.created', target: { type: 'campaign', id: campaign.id }, poleId: pole.id,
      detail: `${rows.length} ${rows.length > 1 ? 'liens individuels envoyés' : 'lien individuel envoyé'} par courriel`,
    });
    return queueMailing(deps, scope, 'invitation', rows.map((r) => r.recipient.id), input.message?.trim() || null);
  });
  return { mailingId, queued: rows.length, alreadyInvited };
}

/**
 * A reminder for each person invited by e-mail who has not submitted nor opted out, with their same link. At most
 * one reminder per REMINDER_COOLDOWN_HOURS for a pole's campaign: those not reminded then have just been invited.
 */
export function sendReminders(deps: AppDeps, scope: MailingScope): { mailingId: string | null; queued: number; skippedOptedOut: number; skippedSubmitted: number } {
  requireSending(deps, scope);
  const { pole, campaign } = scope;
  const last = deps.repos.mailings.lastReminderAt(pole.id, campaign.id);
  if (last) {
    const retryAt = nextMinute(new Date(last).getTime() + REMINDER_COOLDOWN_HOURS * 3_600_000);
    if (deps.now().toISOString() < retryAt) {
      throw new ApiError(
        409,
        'reminder_cooldown',
        `Une relance est déjà partie le ${momentFr(last)} ; la suivante sera possible à partir du ${momentFr(retryAt)} (heure de Paris), ` +
          `${REMINDER_COOLDOWN_HOURS} heures au moins entre deux relances.`,
        { lastReminderAt: last, retryAt },
      );
    }
  }
  let skippedSubmitted = 0;
  let skippedOptedOut = 0;
  const due: string[] = [];
  for (const r of deps.repos.mailings.list(pole.id, campaign.id)) {
    if (r.status === 'submitted') skippedSubmitted++;
    else if (r.optedOutAt) skippedOptedOut++;
    else due.push(r.id);
  }
  if (due.length === 0) return { mailingId: null, queued: 0, skippedOptedOut, skippedSubmitted };
  checkQuota(deps, pole, due.length);
  const mailingId = queueMailing(deps, scope, 'reminder', due, null);
  return { mailingId, queued: due.length, skippedOptedOut, skippedSubmitted };
}

/** The opt-out link's campaign and state, read only; undefined for an unknown link. */
export function findOptOut(deps: AppDeps, token: string) {
  return looksLikeToken(token) ? deps.repos.mailings.findOptOut(hashToken(token)) : undefined;
}

/** No more reminders for this campaign (idempotent: the first date is kept); undefined for an unknown link. */
export function optOut(deps: AppDeps, token: string) {
  return looksLikeToken(token) ? deps.repos.mailings.optOut(hashToken(token), deps.now().toISOString()) : undefined;
}
