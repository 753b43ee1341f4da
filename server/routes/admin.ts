// The Labo's operations: the audit trail, and erasure (one response named by a row of an export, or a whole pole).
// Admin only: a coordinator can neither read the trail nor erase anything, their own pole included.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, requireAdmin } from '../auth.ts';
import { deletePole, eraseResponse } from '../commands/erasure.ts';
import { CODE_PATTERN, SALT_PATTERN } from '../export-codes.ts';
import { PoleParams, errors, json } from '../schemas.ts';
import { AuditPageSchema, AuditQuerySchema } from '../../reports/contract/audit.ts';

const ResponseParams = z.object({
  campaignId: z.string().min(1).max(64),
  exportId: z.string().regex(CODE_PATTERN, 'Code invalide : la partie après le tiret dans la colonne « reponse » de l’export (12 caractères).').openapi({ example: 'k7mq2xw4ab3d' }),
});
const SaltQuery = z.object({
  salt: z.string().regex(SALT_PATTERN, 'Sel invalide : la partie avant le tiret dans la colonne « reponse » de l’export (8 caractères).').openapi({ example: 'q4zp7ram' }),
});

export function adminRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/audit', middleware: [adminOnly] as const, tags: ['Administration'],
      summary: 'Journal d’audit : qui a fait quoi et quand, les plus récentes d’abord (admin)',
      request: { query: AuditQuerySchema },
      responses: { 200: json(AuditPageSchema, 'Une page du journal'), ...errors(401, 403, 422) },
    }),
    (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json(deps.repos.audit.page(limit, before), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/campaigns/{campaignId}/responses/{exportId}', middleware: [adminOnly] as const, tags: ['Administration'],
      summary: 'Effacer une réponse désignée par une ligne d’un export (admin)',
      description:
        'La colonne « reponse » d’un export vaut `<sel>-<code>` : le sel est propre à l’export, le code à la réponse dans cet export. ' +
        'Deux exports ne partagent aucun code ; une ligne d’un export suffit à effacer sa réponse. L’effacement est définitif et inscrit au journal d’audit.',
      request: { params: ResponseParams, query: SaltQuery },
      responses: { 204: { description: 'Réponse effacée' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const { campaignId, exportId } = c.req.valid('param');
      await eraseResponse(deps, requireAdmin(c), { campaignId, exportId, salt: c.req.valid('query').salt });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/poles/{poleId}', middleware: [adminOnly] as const, tags: ['Administration'],
      summary: 'Supprimer un pôle et toutes ses données (admin)',
      description:
        'Supprime le pôle, ses profils, liens, brouillons, réponses, destinataires et courriels en file, ainsi que les comptes de sa coordination et leurs sessions. ' +
        'Définitif ; inscrit au journal d’audit.',
      request: { params: PoleParams },
      responses: { 204: { description: 'Pôle supprimé' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deletePole(deps, requireAdmin(c), c.req.valid('param').poleId);
      return c.body(null, 204);
    },
  );
  return app;
}
