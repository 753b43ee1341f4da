// Invitations sent by e-mail, defined once: the routes validate and document them, the campaign page reads them.
import { z } from '@hono/zod-openapi';
import { MAX_RECIPIENTS } from './limits.ts';

export const MailingInput = z
  .object({
    recipients: z
      .array(z.object({
        email: z.email({ error: 'Adresse e-mail invalide.' }).max(254),
        college: z.string().max(64).nullable().optional(),
      }))
      .min(1, 'Indiquez au moins un destinataire.')
      .max(MAX_RECIPIENTS, `Au plus ${MAX_RECIPIENTS} destinataires par envoi.`),
    message: z.string().max(2000, 'Le message personnel est limité à 2 000 caractères.').optional(),
  })
  .openapi('MailingInput');

const FailedSchema = z.array(z.object({ email: z.string(), message: z.string() }));
const MailingKindSchema = z.enum(['invitation', 'reminder']).openapi({ description: '`invitation` : premier envoi du lien ; `reminder` : relance.' });
const mailingId = z.string().nullable().openapi({ description: 'L’envoi créé, suivi sur GET …/mailings ; null quand il n’y avait personne à qui écrire.' });
const queued = z.number().int().openapi({ description: 'Courriels mis en file : ils partent en arrière-plan, quelques-uns à la fois.' });
// Kept from when mail left during the request: the answer now comes before any mail leaves.
const sentSoFar = z.number().int().openapi({ description: 'Toujours 0 : l’envoi se fait en arrière-plan (progression sur GET …/mailings).' });
const failedSoFar = FailedSchema.openapi({ description: 'Toujours vide : les échecs se lisent sur GET …/mailings (`failures`).' });

export const MailingResult = z
  .object({
    mailingId,
    queued,
    sent: sentSoFar,
    failed: failedSoFar,
    alreadyInvited: z.array(z.string()).openapi({ description: 'Adresses déjà invitées pour cette campagne : rien n’est créé ni envoyé.' }),
  })
  .openapi('MailingResult');
export const ReminderResult = z
  .object({ mailingId, queued, sent: sentSoFar, skippedOptedOut: z.number().int(), skippedSubmitted: z.number().int(), failed: failedSoFar })
  .openapi('ReminderResult');
export const RecipientSchema = z
  .object({
    invitationId: z.string(),
    email: z.string(),
    college: z.string().nullable(),
    status: z.enum(['new', 'draft', 'submitted']),
    optedOut: z.boolean(),
    lastSentAt: z.string().nullable(),
    sentCount: z.number().int(),
  })
  .openapi('MailRecipient');


export const MailingSummarySchema = z
  .object({
    id: z.string(),
    kind: MailingKindSchema,
    createdAt: z.string(),
    queued: z.number().int().openapi({ description: 'Courriels qui attendent encore de partir (nouvel essai compris).' }),
    sent: z.number().int().openapi({ description: 'Courriels acceptés par le serveur SMTP.' }),
    failed: z.number().int().openapi({ description: 'Courriels abandonnés : refus définitif, ou trois essais sans succès.' }),
  })
  .openapi('MailingSummary');
export const MailDeliveryFailureSchema = z
  .object({
    email: z.string(),
    kind: MailingKindSchema,
    message: z.string().openapi({ description: 'La réponse du serveur SMTP, ou la raison de l’abandon.' }),
    attempts: z.number().int(),
    failedAt: z.string(),
  })
  .openapi('MailDeliveryFailure');
export const MailingsOverviewSchema = z
  .object({
    recipients: z.array(RecipientSchema),
    mailings: z.array(MailingSummarySchema).openapi({ description: 'Les envois de la campagne, du plus récent au plus ancien.' }),
    failures: z.array(MailDeliveryFailureSchema).openapi({ description: 'Courriels qui ne sont pas partis, du plus récent au plus ancien.' }),
  })
  .openapi('MailingsOverview');

export type MailRecipient = z.infer<typeof RecipientSchema>;
export type MailingSummary = z.infer<typeof MailingSummarySchema>;
export type MailDeliveryFailure = z.infer<typeof MailDeliveryFailureSchema>;
export type MailingsOverview = z.infer<typeof MailingsOverviewSchema>;
export type MailingResultBody = z.infer<typeof MailingResult>;
export type ReminderResultBody = z.infer<typeof ReminderResult>;
export type MailFailure = MailingResultBody['failed'][number];
