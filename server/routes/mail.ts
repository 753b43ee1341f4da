// Campaign mail (only when SMTP is configured): personal invitations by e-mail, reminders to those who have not
// submitted, and the recipients' opt-out link. Without SMTP, links stay available as CSV and QR sheet.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { publicOrigin, type AppDeps, type AppEnv } from '../context.ts';
import { poleAccess, requirePoleCampaign } from '../auth.ts';
import { ApiError, invalid } from '../errors.ts';
import { hashToken, issueToken, looksLikeToken, newId } from '../security/tokens.ts';
import { campaignStatus } from '../campaign-status.ts';
import type { NewInvitation } from '../db/index.ts';
import type { MailRecipientRecord, NewMailRecipient } from '../db/mailings.ts';
import { forEachLimited, type Mailer, type OutgoingMail } from '../mail/mailer.ts';
import { dateFr, escapeHtml, invitationMessage, reminderMessage } from '../mail/messages.ts';
import { PoleCampaignParams, errors, json, jsonBody } from '../schemas.ts';
import { MailingInput, MailingResult, RecipientSchema, ReminderResult } from '../../reports/contract/mail.ts';

/** Mails sent at the same time: enough to be quick, few enough for a small provider's limits. */
const CONCURRENCY = 5;

const page = (title: string, text: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.5; color: #222;">
<h1 style="font-size: 1.3em;">${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
</body></html>`;

/** What the coordinator sees of a refused mail: the SMTP server's answer when there is one. */
const failure = (err: unknown) => {
  const e = err as { response?: string; message?: string };
  const detail = (e?.response ?? e?.message ?? '').toString().slice(0, 300);
  return detail ? `Envoi impossible : ${detail}` : 'Envoi impossible.';
};

export function mailRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { repos } = deps;
  /** Sending needs SMTP and a campaign still open to answers. */
  const sendingScope = (c: Context<AppEnv>, poleId: string, campaignId: string): ReturnType<typeof requirePoleCampaign> & { mailer: Mailer } => {
    const found = requirePoleCampaign(c, deps, poleId, campaignId);
    if (!deps.mailer) {
      throw new ApiError(409, 'mail_not_configured', 'L’envoi de courriels n’est pas configuré sur ce serveur (SMTP_URL) : diffusez les liens par le fichier CSV ou la planche de QR codes.');
    }
    if (campaignStatus(found.campaign, deps.now()) === 'closed') {
      throw new ApiError(409, 'campaign_closed', `La campagne ${found.campaign.year} est clôturée depuis le ${dateFr(found.campaign.closesAt!)} : plus aucun envoi n’est possible.`, { closesAt: found.campaign.closesAt });
    }
    return { ...found, mailer: deps.mailer };
  };

  /** Sends every mail (a few at a time); a refused one is reported and does not stop the others. */
  const sendAll = async (mailer: Mailer, mails: { recipientId: string; mail: OutgoingMail }[]) => {
    let sent = 0;
    const failed: { email: string; message: string }[] = [];
    await forEachLimited(mails, CONCURRENCY, async ({ recipientId, mail }) => {
      try {
        await mailer.send(mail);
        repos.mailings.markSent(recipientId, deps.now().toISOString());
        sent++;
      } catch (err) {
        failed.push({ email: mail.to, message: failure(err) });
      }
    });
    return { sent, failed };
  };

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/mailings', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Inviter par courriel : un lien individuel par adresse (SMTP requis)',
      request: { params: PoleCampaignParams, ...jsonBody(MailingInput) },
      responses: { 201: json(MailingResult, 'Invitations créées et envoyées'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { user, pole, campaign, questionnaire, mailer } = sendingScope(c, poleId, campaignId);
      const input = c.req.valid('json');

      const colleges = new Set(questionnaire.colleges.map((k) => k.id));
      const issues = input.recipients.flatMap((r, i) =>
        r.college && !colleges.has(r.college) ? [{ question: `recipients.${i}.college`, message: `Collège inconnu : « ${r.college} ».` }] : [],
      );
      if (issues.length) throw invalid('Collège inconnu.', issues);

      // One invitation per address: duplicates in the list and addresses already invited are left out.
      const invited = repos.mailings.invitedEmails(pole.id, campaign.id);
      const seen = new Set<string>();
      const alreadyInvited: string[] = [];
      const recipients = input.recipients.filter((r) => {
        const key = r.email.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        if (invited.has(key)) alreadyInvited.push(r.email);
        return !invited.has(key);
      });

      const createdAt = deps.now().toISOString();
      const base = publicOrigin(c, deps);
      const rows = recipients.map((r) => {
        const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
        const optOut = issueToken(deps.sealer);
        const invitation: NewInvitation = {
          id: newId(), poleId: pole.id, campaignId: campaign.id, tokenHash, tokenSealed,
          shared: false, college: r.college ?? null, createdAt, ticketId: newId(),
        };
        const recipient: NewMailRecipient = {
          id: newId(), invitationId: invitation.id, poleId: pole.id, campaignId: campaign.id, email: r.email,
          optOutTokenHash: optOut.tokenHash, optOutTokenSealed: optOut.tokenSealed, createdAt,
        };
        const mail: OutgoingMail = {
          to: r.email,
          ...invitationMessage({
            poleName: pole.name, year: campaign.year, link: `${base}/r/${token}`, optOutLink: `${base}/api/mail/opt-out/${optOut.token}`,
            opensAt: campaign.opensAt, closesAt: campaign.closesAt, note: input.message, replyTo: user.email, now: deps.now(),
          }),
        };
        return { invitation, recipient, mail };
      });
      // Invitations exist before any mail leaves: a failed mail leaves a usable link (CSV, QR sheet, later reminder).
      repos.mailings.createMany(rows);
      const result = await sendAll(mailer, rows.map((r) => ({ recipientId: r.recipient.id, mail: r.mail })));
      return c.json({ ...result, alreadyInvited }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/reminders', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Relancer par courriel les personnes invitées qui n’ont pas envoyé leurs réponses (hors désinscrites)',
      request: { params: PoleCampaignParams },
      responses: { 200: json(ReminderResult, 'Relances envoyées'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { user, pole, campaign, mailer } = sendingScope(c, poleId, campaignId);
      const base = publicOrigin(c, deps);
      let skippedSubmitted = 0;
      let skippedOptedOut = 0;
      const due: MailRecipientRecord[] = [];
      for (const r of repos.mailings.list(pole.id, campaign.id)) {
        if (r.status === 'submitted') skippedSubmitted++;
        else if (r.optedOutAt) skippedOptedOut++;
        else due.push(r);
      }
      const mails = due.map((r) => ({
        recipientId: r.id,
        mail: {
          to: r.email,
          ...reminderMessage({
            poleName: pole.name, year: campaign.year,
            link: `${base}/r/${deps.sealer.open(r.tokenSealed)}`, optOutLink: `${base}/api/mail/opt-out/${deps.sealer.open(r.optOutTokenSealed)}`,
            opensAt: campaign.opensAt, closesAt: campaign.closesAt, replyTo: user.email, now: deps.now(), started: r.status === 'draft',
          }),
        },
      }));
      const { sent, failed } = await sendAll(mailer, mails);
      return c.json({ sent, skippedOptedOut, skippedSubmitted, failed }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/mailings', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Personnes invitées par courriel : état de leur réponse, désinscription, envois',
      request: { params: PoleCampaignParams },
      responses: { 200: json(z.object({ recipients: z.array(RecipientSchema) }), 'Destinataires du pôle pour la campagne'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign } = requirePoleCampaign(c, deps, poleId, campaignId);
      const recipients = repos.mailings.list(pole.id, campaign.id).map((r) => ({
        invitationId: r.invitationId, email: r.email, college: r.college, status: r.status, optedOut: r.optedOutAt !== null, lastSentAt: r.lastSentAt, sentCount: r.sentCount,
      }));
      return c.json({ recipients }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/mail/opt-out/{token}', tags: ['Courriels'],
      summary: 'Lien de désinscription des relances (sans connexion, idempotent)',
      request: { params: z.object({ token: z.string() }) },
      responses: {
        200: { content: { 'text/html': { schema: z.string() } }, description: 'Désinscription enregistrée' },
        404: { content: { 'text/html': { schema: z.string() } }, description: 'Lien inconnu' },
      },
    }),
    (c) => {
      const { token } = c.req.valid('param');
      const found = looksLikeToken(token) ? repos.mailings.optOut(hashToken(token), deps.now().toISOString()) : undefined;
      c.header('Cache-Control', 'no-store');
      if (!found) return c.html(page('Lien inconnu', 'Ce lien de désinscription est inconnu ou a expiré.'), 404);
      return c.html(page(
        `Auto-évaluation PTCE ${found.year} – ${found.poleName}`,
        'Vous ne recevrez plus de relance pour cette campagne.',
      ), 200);
    },
  );

  return app;
}
