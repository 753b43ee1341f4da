// Everything a coordinator does for their pole in one campaign: profile form, invitation links, participation.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { publicOrigin, type AppDeps, type AppEnv } from '../context.ts';
import { poleAccess, requirePoleCampaign } from '../auth.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { issueToken, newId, type Sealer } from '../security/tokens.ts';
import type { InvitationRecord, NewInvitation } from '../db/index.ts';
import { toCsv } from '../../reports/csv.ts';
import { AnswersSchema, InvitationSchema, ParticipationSchema, PoleCampaignParams, SurveyJsonSchema, errors, json, jsonBody } from '../schemas.ts';

const InvitationInput = z
  .object({
    count: z.number().int().min(1).max(500).default(1),
    college: z.string().max(64).nullable().optional(),
    shared: z.boolean().optional().default(false),
    maxResponses: z.number().int().min(1).max(10_000).nullable().optional().openapi({ description: 'Lien partagé : nombre maximal de réponses (au-delà : 409)' }),
  })
  .refine((input) => input.shared || input.maxResponses == null, { path: ['maxResponses'], message: 'Le nombre maximal de réponses ne vaut que pour un lien partagé.' })
  .openapi('InvitationInput');
const InvitationParams = PoleCampaignParams.extend({ invitationId: z.string().min(1).max(64) });

/** Links made without a collège: the respondent's own choice is an answer, never counted here. */
const UNKNOWN_COLLEGE = 'Lien sans collège';
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
      maxResponses: inv.maxResponses,
      createdAt: inv.createdAt,
    };
  };
  /** The invitation, checked against the pole and campaign it is stored under (never the URL alone). */
  const requireInvitation = (poleId: string, campaignId: string, invitationId: string) => {
    const invitation = repos.invitations.get(invitationId);
    if (!invitation || invitation.poleId !== poleId || invitation.campaignId !== campaignId) throw notFound('Lien introuvable (déjà retiré ?).');
    return invitation;
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
      if (issues.length) throw invalid('Le profil contient des erreurs.', issues);
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
        throw invalid('Collège inconnu.', [{ question: 'college', message: `Collège inconnu : « ${college} ».` }]);
      }
      const createdAt = deps.now().toISOString();
      const count = input.shared ? 1 : input.count;
      const created: { row: NewInvitation; token: string }[] = Array.from({ length: count }, () => {
        const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
        return {
          token,
          row: {
            id: newId(), poleId: pole.id, campaignId: campaign.id, tokenHash, tokenSealed,
            shared: input.shared, college, createdAt, maxResponses: input.shared ? input.maxResponses ?? null : null, ticketId: input.shared ? null : newId(),
          },
        };
      });
      repos.invitations.createMany(created.map((x) => x.row));
      const base = publicOrigin(c, deps);
      return c.json({
        invitations: created.map(({ row, token }) => ({
          id: row.id, url: `${base}/r/${token}`, token, shared: row.shared, college, status: row.shared ? null : ('new' as const), opened: 0, submitted: 0, maxResponses: row.maxResponses ?? null, createdAt,
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
      method: 'delete', path: '/poles/{poleId}/campaigns/{campaignId}/invitations/{invitationId}', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Retirer un lien : il ne fonctionne plus (410) ; un brouillon en cours est supprimé sans être lu',
      request: { params: InvitationParams },
      responses: { 204: { description: 'Lien retiré' }, ...errors(401, 403, 404) },
    }),
    (c) => {
      const { poleId, campaignId, invitationId } = c.req.valid('param');
      const { pole, campaign } = requirePoleCampaign(c, deps, poleId, campaignId);
      const invitation = requireInvitation(pole.id, campaign.id, invitationId);
      repos.invitations.revoke(invitation.id, deps.now().toISOString());
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/poles/{poleId}/campaigns/{campaignId}/invitations/{invitationId}/reissue', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Remplacer un lien individuel pas encore envoyé : l’ancien ne fonctionne plus, son brouillon est supprimé sans être lu',
      request: { params: InvitationParams },
      responses: { 201: json(z.object({ invitation: InvitationSchema }), 'Nouveau lien'), ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { poleId, campaignId, invitationId } = c.req.valid('param');
      const { pole, campaign } = requirePoleCampaign(c, deps, poleId, campaignId);
      const invitation = requireInvitation(pole.id, campaign.id, invitationId);
      if (invitation.shared) throw new ApiError(409, 'shared_link', 'Un lien partagé ne se remplace pas : retirez-le et créez-en un autre.');
      const { tokenHash, tokenSealed } = issueToken(deps.sealer);
      const reissued = repos.invitations.reissue({
        id: invitation.id, poleId: pole.id, campaignId: campaign.id, college: invitation.college, tokenHash, tokenSealed,
        ticketId: newId(), createdAt: deps.now().toISOString(),
      });
      if (!reissued) throw new ApiError(409, 'already_submitted', 'La réponse de ce lien est déjà envoyée : il n’y a rien à remplacer.');
      return c.json({ invitation: present(repos.invitations.get(invitation.id)!, publicOrigin(c, deps), deps.sealer) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/questionnaire', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Le questionnaire de la campagne, pour un aperçu en lecture seule (sans lien, sans réponse)',
      request: { params: PoleCampaignParams },
      responses: { 200: json(z.object({ definition: SurveyJsonSchema, questionnaireId: z.string() }), 'Définition SurveyJS'), ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { poleId, campaignId } = c.req.valid('param');
      const { campaign, questionnaire } = requirePoleCampaign(c, deps, poleId, campaignId);
      return c.json({ definition: questionnaire.definition, questionnaireId: campaign.questionnaireId }, 200);
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
      const rows = new Map(repos.tickets.participation(pole.id, campaign.id).map((r) => [r.college, r]));
      const zero = { invited: 0, started: 0, submitted: 0 };
      const counts = (r = zero) => ({ invited: r.invited, started: r.started, submitted: r.submitted });
      const colleges = questionnaire.colleges.map((k) => ({ id: k.id as string | null, label: k.label, ...counts(rows.get(k.id)) }));
      const unknown = rows.get(null);
      if (unknown) colleges.push({ id: null, label: UNKNOWN_COLLEGE, ...counts(unknown) });
      const totals = colleges.reduce((t, k) => ({ invited: t.invited + k.invited, started: t.started + k.started, submitted: t.submitted + k.submitted }), zero);
      return c.json({ colleges, totals: { ...totals, pending: repos.tickets.pending(pole.id, campaign.id) }, updatedAt: deps.now().toISOString() }, 200);
    },
  );
  return app;
}
