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
export const MailingResult = z
  .object({
    sent: z.number().int(),
    failed: FailedSchema.openapi({ description: 'Envois refusés : l’invitation est créée et reste utilisable (CSV, relance).' }),
    alreadyInvited: z.array(z.string()).openapi({ description: 'Adresses déjà invitées pour cette campagne : rien n’est créé ni envoyé.' }),
  })
  .openapi('MailingResult');
export const ReminderResult = z
  .object({ sent: z.number().int(), skippedOptedOut: z.number().int(), skippedSubmitted: z.number().int(), failed: FailedSchema })
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

export type MailRecipient = z.infer<typeof RecipientSchema>;
export type MailingResultBody = z.infer<typeof MailingResult>;
export type ReminderResultBody = z.infer<typeof ReminderResult>;
export type MailFailure = MailingResultBody['failed'][number];
