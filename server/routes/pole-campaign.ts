// Everything a coordinator does for their pole in one campaign: profile form, invitation links, participation.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { publicOrigin, type AppDeps, type AppEnv } from '../context.ts';
import { poleAccess, requirePoleCampaign } from '../auth.ts';
import { ApiError } from '../errors.ts';
import { hashToken, newId, newToken, type Sealer } from '../security/tokens.ts';
import type { InvitationRecord, NewInvitation } from '../db/index.ts';
import { toCsv } from '../../reports/csv.ts';
import { AnswersSchema, InvitationSchema, ParticipationSchema, PoleCampaignParams, SurveyJsonSchema, errors, json, jsonBody } from '../schemas.ts';

const InvitationInput = z
  .object({
    count: z.number().int().min(1).max(500).default(1),
    college: z.string().max(64).nullable().optional(),
    shared: z.boolean().optional().default(false),
  })
  .openapi('InvitationInput');

const STATUS_LABEL = { new: 'non ouvert', draft: 'commencé', submitted: 'envoyé' } as const;

export function poleCampaignRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { repos } = deps;

  const present = (inv: InvitationRecord, base: string, sealer: Sealer) => {
    const token = sealer.open(inv.tokenSealed);
    return {
      id: inv.id,
      url: `${base}/r/${token}`,
      token,
      shared: inv.shared,
      college: inv.college,
      status: inv.shared ? null : inv.status,
      opened: inv.opened,
      submitted: inv.submitted,
      createdAt: inv.createdAt,
    };
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/profile', middleware: [poleAccess(deps)] as const, tags: ['Profil du pôle'],
      request: { params: PoleCampaignParams },
      responses: { 200: json(z.object({ definition: SurveyJsonSchema, data: AnswersSchema.nullable(), updatedAt: z.string().nullable() }), 'Formulaire et réponses'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      const profile = repos.profiles.get(pole.id, campaign.id);
      return c.json({ definition: questionnaire.profileDefinition, data: profile?.data ?? null, updatedAt: profile?.updatedAt ?? null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/poles/{poleId}/campaigns/{campaignId}/profile', middleware: [poleAccess(deps)] as const, tags: ['Profil du pôle'],
      request: { params: PoleCampaignParams, ...jsonBody(z.object({ data: AnswersSchema })) },
      responses: { 200: json(z.object({ data: AnswersSchema, updatedAt: z.string() }), 'Enregistré'), ...errors(401, 403, 404, 422) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { user, pole, campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      const { data } = c.req.valid('json');
      const issues = questionnaire.profileValidator.validate(data, 'submit');
      if (issues.length) throw new ApiError(422, 'validation', 'Le profil contient des erreurs.', issues);
      const updatedAt = deps.now().toISOString();
      repos.profiles.save(pole.id, campaign.id, data, updatedAt, user.id);
      return c.json({ data, updatedAt }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/invitations', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Créer des liens individuels (éventuellement pour un collège) ou un lien partagé',
      request: { params: PoleCampaignParams, ...jsonBody(InvitationInput) },
      responses: { 201: json(z.object({ invitations: z.array(InvitationSchema) }), 'Liens créés'), ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      const input = c.req.valid('json');
      const college = input.college ?? null;
      if (college && !questionnaire.colleges.some((k) => k.id === college)) {
        throw new ApiError(422, 'validation', 'Collège inconnu.', [{ question: 'college', message: `Collège inconnu : « ${college} ».` }]);
      }
      const createdAt = deps.now().toISOString();
      const count = input.shared ? 1 : input.count;
      const created: { row: NewInvitation; token: string }[] = Array.from({ length: count }, () => {
        const token = newToken();
        return {
          token,
          row: {
            id: newId(), poleId: pole.id, campaignId: campaign.id, tokenHash: hashToken(token), tokenSealed: deps.sealer.seal(token),
            shared: input.shared, college, createdAt, responseId: input.shared ? null : newId(),
          },
        };
      });
      repos.invitations.createMany(created.map((x) => x.row));
      const base = publicOrigin(c, deps);
      return c.json({
        invitations: created.map(({ row, token }) => ({
          id: row.id, url: `${base}/r/${token}`, token, shared: row.shared, college, status: row.shared ? null : ('new' as const), opened: 0, submitted: 0, createdAt,
        })),
      }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/invitations', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      request: { params: PoleCampaignParams },
      responses: { 200: json(z.object({ invitations: z.array(InvitationSchema) }), 'Liens du pôle pour la campagne'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign } = requirePoleCampaign(c, deps, poleId, campaignId);
      const base = publicOrigin(c, deps);
      return c.json({ invitations: repos.invitations.list(pole.id, campaign.id).map((inv) => present(inv, base, deps.sealer)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/invitations.csv', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Liens en CSV (UTF-8 avec BOM, séparateur ;)',
      request: { params: PoleCampaignParams },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      const base = publicOrigin(c, deps);
      const label = new Map(questionnaire.colleges.map((k) => [k.id, k.label]));
      const rows = repos.invitations.list(pole.id, campaign.id).map((inv) => {
        const p = present(inv, base, deps.sealer);
        return [p.url, p.shared ? 'partagé' : 'individuel', p.college ? label.get(p.college) ?? p.college : '', p.shared ? `${p.opened} ouvert(s), ${p.submitted} envoyé(s)` : STATUS_LABEL[p.status ?? 'new']];
      });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="liens-${campaign.year}.csv"`);
      return c.body(toCsv(['lien', 'type', 'college', 'statut'], rows), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/participation', middleware: [poleAccess(deps)] as const, tags: ['Participation'],
      summary: 'Participation par collège (invités, commencés, envoyés)',
      request: { params: PoleCampaignParams },
      responses: { 200: json(ParticipationSchema, 'Participation'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { pole, campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      const rows = new Map(repos.responses.participation(pole.id, campaign.id).map((r) => [r.college, r]));
      const zero = { invited: 0, started: 0, submitted: 0 };
      const counts = (r = zero) => ({ invited: r.invited, started: r.started, submitted: r.submitted });
      const colleges = questionnaire.colleges.map((k) => ({ id: k.id as string | null, label: k.label, ...counts(rows.get(k.id)) }));
      const unknown = rows.get(null);
      if (unknown) colleges.push({ id: null, label: 'Collège non renseigné', ...counts(unknown) });
      const totals = colleges.reduce((t, k) => ({ invited: t.invited + k.invited, started: t.started + k.started, submitted: t.submitted + k.submitted }), zero);
      return c.json({ colleges, totals, updatedAt: deps.now().toISOString() }, 200);
    },
  );
  return app;
}
