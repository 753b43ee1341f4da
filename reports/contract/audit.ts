// The audit trail as the API shows it (GET /api/audit): who did what and when on the staff side. An entry never holds
// an answer, a token nor a respondent's address; respondents' own actions (opening a link, sending) are not recorded.
import { z } from '@hono/zod-openapi';

export const AuditActionSchema = z
  .enum([
    'login.succeeded',
    'login.failed',
    'export.downloaded',
    'response.erased',
    'pole.deleted',
    'campaign.created',
    'campaign.purged',
    'questionnaire.imported',
    'user.created',
    'user.disabled',
    'user.enabled',
    'user.password_changed',
    'invitations.created',
    'invitation.revoked',
    'invitation.reissued',
    'review.saved',
  ])
  .openapi('AuditAction');
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditTargetTypeSchema = z.enum(['campaign', 'pole', 'user', 'invitation', 'questionnaire']);
export type AuditTargetType = z.infer<typeof AuditTargetTypeSchema>;

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: 'Date et heure (ISO 8601, UTC)' }),
    actor: z
      .object({ id: z.string(), email: z.string() })
      .nullable()
      .openapi({ description: 'Le compte qui a agi (pour une connexion refusée : le compte visé) ; null pour le service lui-même (purge) ou une adresse inconnue' }),
    action: AuditActionSchema,
    target: z.object({ type: AuditTargetTypeSchema, id: z.string() }).nullable(),
    poleId: z.string().nullable(),
    detail: z.string().nullable().openapi({ description: 'Précision en français (format d’un export, nombre de liens…)' }),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const AUDIT_PAGE_SIZE = 50;
const AUDIT_PAGE_MAX = 200;

export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_SIZE).openapi({ description: `Entrées par page (${AUDIT_PAGE_SIZE} par défaut, ${AUDIT_PAGE_MAX} au plus)` }),
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Curseur : la valeur `next` de la page précédente' }),
});

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema).openapi({ description: 'Les plus récentes d’abord' }),
    next: z.number().int().nullable().openapi({ description: 'À passer en `before` pour la page suivante (plus ancienne) ; null : c’était la dernière' }),
  })
  .openapi('AuditPage');
export type AuditPage = z.infer<typeof AuditPageSchema>;
