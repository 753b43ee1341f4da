// Everything a coordinator does for their pole in one campaign: profile form, invitation links, participation.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { publicOrigin, type AppDeps, type AppEnv } from '../context.ts';
import { poleAccess, poleCampaign } from '../auth.ts';
import { invalid } from '../errors.ts';
import type { InvitationRecord } from '../db/index.ts';
import { createInvitations, reissueInvitation, revokeInvitation } from '../commands/invitations.ts';
import { profilePrefill } from '../profile-prefill.ts';
import { toCsv } from '../../reports/csv.ts';
import { AnswersSchema, InvitationSchema, ParticipationSchema, PoleCampaignParams, errors, json, jsonBody } from '../schemas.ts';
import { InvitationInputSchema, PoleProfileSchema, QuestionnairePreviewSchema } from '../../reports/contract/resources.ts';

const InvitationParams = PoleCampaignParams.extend({ invitationId: z.string().min(1).max(64) });

/** Links made without a collège: the respondent's own choice is an answer, never counted here. */
const UNKNOWN_COLLEGE = 'Lien sans collège';
const STATUS_LABEL = { new: 'non ouvert', draft: 'commencé', submitted: 'envoyé' } as const;

export function poleCampaignRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { repos } = deps;

  /** An invitation as the API shows it; `token` when just issued, else opened from its sealed copy. */
  const present = (inv: InvitationRecord, base: string, token = deps.sealer.open(inv.tokenSealed)) => {
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

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/profile', middleware: [poleAccess(deps)] as const, tags: ['Profil du pôle'],
      request: { params: PoleCampaignParams },
      responses: { 200: json(PoleProfileSchema, 'Formulaire et réponses'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { pole, campaign, questionnaire } = poleCampaign(c);
      const profile = repos.profiles.get(pole.id, campaign.id);
      const prefill = profile ? null : profilePrefill(deps, pole, campaign, questionnaire);
      return c.json({ definition: questionnaire.profileDefinition, data: profile?.data ?? null, updatedAt: profile?.updatedAt ?? null, prefill }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/poles/{poleId}/campaigns/{campaignId}/profile', middleware: [poleAccess(deps)] as const, tags: ['Profil du pôle'],
      request: { params: PoleCampaignParams, ...jsonBody(z.object({ data: AnswersSchema })) },
      responses: { 200: json(z.object({ data: AnswersSchema, updatedAt: z.string() }), 'Enregistré'), ...errors(401, 403, 404, 422) },
    }),
    (c) => {
      const { user, pole, campaign, questionnaire } = poleCampaign(c);
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
      request: { params: PoleCampaignParams, ...jsonBody(InvitationInputSchema) },
      responses: { 201: json(z.object({ invitations: z.array(InvitationSchema) }), 'Liens créés'), ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const created = createInvitations(deps, poleCampaign(c), c.req.valid('json'));
      const base = publicOrigin(c, deps);
      return c.json({ invitations: created.map(({ invitation, token }) => present(invitation, base, token)) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/invitations', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      request: { params: PoleCampaignParams },
      responses: { 200: json(z.object({ invitations: z.array(InvitationSchema) }), 'Liens du pôle pour la campagne'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { pole, campaign } = poleCampaign(c);
      const base = publicOrigin(c, deps);
      return c.json({ invitations: repos.invitations.list(pole.id, campaign.id).map((inv) => present(inv, base)) }, 200);
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
      const { pole, campaign, questionnaire } = poleCampaign(c);
      const base = publicOrigin(c, deps);
      const label = new Map(questionnaire.colleges.map((k) => [k.id, k.label]));
      const rows = repos.invitations.list(pole.id, campaign.id).map((inv) => {
        const p = present(inv, base);
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
      const { invitationId } = c.req.valid('param');
      revokeInvitation(deps, poleCampaign(c), invitationId);
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
      const { invitationId } = c.req.valid('param');
      const { invitation, token } = reissueInvitation(deps, poleCampaign(c), invitationId);
      return c.json({ invitation: present(invitation, publicOrigin(c, deps), token) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/questionnaire', middleware: [poleAccess(deps)] as const, tags: ['Invitations'],
      summary: 'Le questionnaire de la campagne, pour un aperçu en lecture seule (sans lien, sans réponse)',
      request: { params: PoleCampaignParams },
      responses: { 200: json(QuestionnairePreviewSchema, 'Définition SurveyJS'), ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { campaign, questionnaire } = poleCampaign(c);
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
      const { pole, campaign, questionnaire } = poleCampaign(c);
      const rows = new Map(repos.tickets.participation(pole.id, campaign.id).map((r) => [r.college, r]));
      const zero = { invited: 0, started: 0, submitted: 0 };
      const counts = (r = zero) => ({ invited: r.invited, started: r.started, submitted: r.submitted });
      const colleges = questionnaire.colleges.map((k) => ({ id: k.id as string | null, label: k.label, ...counts(rows.get(k.id)) }));
      const unknown = rows.get(null);
      if (unknown) colleges.push({ id: null, label: UNKNOWN_COLLEGE, ...counts(unknown) });
      const totals = colleges.reduce((t, k) => ({ invited: t.invited + k.invited, started: t.started + k.started, submitted: t.submitted + k.submitted }), zero);
      return c.json({ colleges, totals: { ...totals, pending: repos.responses.snapshotInfo(pole.id, campaign.id).pending }, updatedAt: deps.now().toISOString() }, 200);
    },
  );
  return app;
}
