// Campaign mail (only when SMTP is configured): personal invitations by e-mail and reminders, queued and sent in the
// background (server/commands/mailing.ts, server/mail/sender.ts), their progress, and the recipients' opt-out link.
// Without SMTP, links stay available as CSV and QR sheet.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { publicOrigin, type AppDeps, type AppEnv } from '../context.ts';
import { poleAccess, poleCampaign } from '../auth.ts';
import { findOptOut, optOut, sendMailing, sendReminders, type MailingScope } from '../commands/mailing.ts';
import type { MailSender } from '../mail/sender.ts';
import { alreadyOptedOutPage, optOutQuestionPage, optedOutPage, unknownOptOutPage } from '../mail/pages.ts';
import { ErrorSchema, PoleCampaignParams, errors, json, jsonBody } from '../schemas.ts';
import { MailingInput, MailingResult, MailingsOverviewSchema, ReminderResult } from '../../reports/contract/mail.ts';

const html = (description: string) => ({ content: { 'text/html': { schema: z.string() } }, description });
const quotaReached = json(ErrorSchema, 'Limite de courriels du pôle sur 24 heures atteinte (le message dit quand l’envoi sera possible)');

/** `mailSender` is woken when mails were queued, so that they leave at once rather than at its next round. */
export function mailRoutes(deps: AppDeps, mailSender?: Pick<MailSender, 'wake'>) {
  const app = new OpenAPIHono<AppEnv>();
  const scopeOf = (c: Context<AppEnv>): MailingScope => ({ ...poleCampaign(c), origin: publicOrigin(c, deps) });
  const queued = (mailingId: string | null) => {
    if (mailingId) mailSender?.wake();
  };

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/mailings', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Inviter par courriel : un lien individuel par adresse, courriels mis en file d’envoi (SMTP requis)',
      request: { params: PoleCampaignParams, ...jsonBody(MailingInput) },
      responses: {
        202: json(MailingResult, 'Invitations créées, courriels mis en file (progression : GET …/mailings)'),
        ...errors(401, 403, 404, 409, 422),
        429: quotaReached,
      },
    }),
    (c) => {
      const result = sendMailing(deps, scopeOf(c), c.req.valid('json'));
      queued(result.mailingId);
      return c.json({ ...result, sent: 0, failed: [] }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/reminders', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Relancer par courriel les personnes invitées qui n’ont pas envoyé leurs réponses (hors désinscrites), une fois par 72 heures au plus',
      request: { params: PoleCampaignParams },
      responses: {
        202: json(ReminderResult, 'Relances mises en file (progression : GET …/mailings)'),
        ...errors(401, 403, 404),
        409: json(ErrorSchema, 'Pas de SMTP, campagne clôturée, ou relance trop proche de la précédente (le message dit quand la suivante sera possible)'),
        429: quotaReached,
      },
    }),
    (c) => {
      const result = sendReminders(deps, scopeOf(c));
      queued(result.mailingId);
      return c.json({ ...result, sent: 0, failed: [] }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/mailings', middleware: [poleAccess(deps)] as const, tags: ['Courriels'],
      summary: 'Personnes invitées par courriel (état de leur réponse, désinscription), envois et leur progression, courriels non partis',
      request: { params: PoleCampaignParams },
      responses: { 200: json(MailingsOverviewSchema, 'Destinataires et envois du pôle pour la campagne'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { pole, campaign } = poleCampaign(c);
      const { mailings } = deps.repos;
      const recipients = mailings.list(pole.id, campaign.id).map((r) => ({
        invitationId: r.invitationId, email: r.email, college: r.college, status: r.status, optedOut: r.optedOutAt !== null, lastSentAt: r.lastSentAt, sentCount: r.sentCount,
      }));
      return c.json({ recipients, mailings: mailings.summaries(pole.id, campaign.id), failures: mailings.failures(pole.id, campaign.id) }, 200);
    },
  );

  const optOutRoute = (method: 'get' | 'post', summary: string, done: string) =>
    createRoute({
      method, path: '/mail/opt-out/{token}', tags: ['Courriels'], summary,
      request: { params: z.object({ token: z.string() }) },
      responses: { 200: html(done), 404: html('Lien inconnu') },
    });

  app.openapi(
    optOutRoute('get', 'Lien de désinscription des relances : une page qui demande confirmation (ne change rien)', 'Page avec le bouton de désinscription, ou qui dit qu’elle est déjà faite'),
    (c) => {
      const found = findOptOut(deps, c.req.valid('param').token);
      if (!found) return c.html(unknownOptOutPage(), 404);
      return c.html(found.optedOutAt ? alreadyOptedOutPage(found) : optOutQuestionPage(found), 200);
    },
  );

  app.openapi(
    optOutRoute(
      'post',
      'Désinscription des relances (sans connexion ni en-tête CSRF : le jeton du lien suffit ; « List-Unsubscribe=One-Click », RFC 8058 ; idempotent)',
      'Désinscription enregistrée',
    ),
    (c) => {
      const found = optOut(deps, c.req.valid('param').token);
      return found ? c.html(optedOutPage(found), 200) : c.html(unknownOptOutPage(), 404);
    },
  );

  return app;
}
