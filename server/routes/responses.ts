// The respondent's journey. The link's token is the only credential: no account, no cookie.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { hashToken, looksLikeToken, newId, newToken } from '../security/tokens.ts';
import { campaignStatus } from '../campaign-status.ts';
import type { Campaign, ResponseRecord } from '../db/index.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { scoreRespondent, scoringModel } from '../../reports/analysis/scoring.ts';
import type { ValidationIssue } from '../../surveys/validator.ts';
import { AnswersSchema, IssueListSchema, SurveyJsonSchema, TokenParams, errors, json, jsonBody } from '../schemas.ts';

const ResponseView = z
  .object({
    kind: z.enum(['individual', 'shared']),
    status: z.enum(['new', 'draft', 'submitted']),
    pole: z.object({ name: z.string() }),
    campaign: z.object({ id: z.string(), year: z.number(), status: z.enum(['upcoming', 'open', 'closed']), opensAt: z.string().nullable(), closesAt: z.string().nullable() }),
    questionnaire: SurveyJsonSchema,
    data: AnswersSchema,
    pageNo: z.number().int(),
    presetCollege: z.string().nullable(),
    submittedAt: z.string().nullable(),
  })
  .openapi('ResponseView');

// Campaign dates are whole days stored as UTC boundaries (see campaigns.ts), so they are shown in UTC too.
const dateFr = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function responseRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { repos } = deps;

  /** Refuses answers outside the campaign's dates: 403 before it opens, 409 once it is closed. */
  const assertOpen = (campaign: Campaign) => {
    const status = campaignStatus(campaign, deps.now());
    if (status === 'upcoming') {
      throw new ApiError(403, 'campaign_not_open', `Le questionnaire ouvrira le ${dateFr(campaign.opensAt!)}.`, { opensAt: campaign.opensAt });
    }
    if (status === 'closed') {
      throw new ApiError(409, 'campaign_closed', `La campagne ${campaign.year} est clôturée depuis le ${dateFr(campaign.closesAt!)}.`, { closesAt: campaign.closesAt });
    }
  };

  const contextOf = (poleId: string, campaignId: string) => {
    const campaign = repos.campaigns.get(campaignId)!;
    const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
    if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Ce questionnaire n’est plus disponible.');
    return { campaign, questionnaire, pole: repos.poles.get(poleId)! };
  };

  const findResponse = (token: string): ResponseRecord => {
    const response = looksLikeToken(token) ? repos.responses.findByTokenHash(hashToken(token)) : undefined;
    if (!response) throw notFound('Lien inconnu ou expiré.');
    return response;
  };

  /** Validates answers for this response: the questionnaire's own rules, plus the collège fixed by the invitation. */
  const check = (q: Questionnaire, response: ResponseRecord, data: Record<string, unknown>, mode: 'draft' | 'submit') => {
    const issues: ValidationIssue[] = q.validator.validate(data, mode);
    if (response.presetCollege && data.college !== undefined && data.college !== response.presetCollege) {
      issues.push({ question: 'college', message: 'Ce lien a été créé pour un autre collège.' });
    }
    if (issues.length) throw new ApiError(422, 'validation', mode === 'submit' ? 'Certaines réponses sont à compléter ou à corriger.' : 'Certaines réponses sont invalides.', issues);
  };
  const collegeOf = (response: ResponseRecord, data: Record<string, unknown>) =>
    typeof data.college === 'string' ? data.college : response.presetCollege;

  app.openapi(
    createRoute({
      method: 'get', path: '/responses/{token}', tags: ['Réponses'], summary: 'Questionnaire, brouillon enregistré et état, pour un lien',
      request: { params: TokenParams },
      responses: { 200: json(ResponseView, 'À remplir, ou déjà envoyé'), ...errors(403, 404, 409) },
    }),
    (c) => {
      const { token } = c.req.valid('param');
      const response = looksLikeToken(token) ? repos.responses.findByTokenHash(hashToken(token)) : undefined;
      const shared = !response && looksLikeToken(token) ? repos.invitations.findShared(hashToken(token)) : undefined;
      const owner = response ?? shared;
      if (!owner) throw notFound('Lien inconnu ou expiré.');
      const { campaign, questionnaire, pole } = contextOf(owner.poleId, owner.campaignId);
      if (response?.status !== 'submitted') assertOpen(campaign);
      const now = deps.now();
      return c.json({
        kind: response ? ('individual' as const) : ('shared' as const),
        status: response?.status ?? ('new' as const),
        pole: { name: pole.name },
        campaign: { id: campaign.id, year: campaign.year, status: campaignStatus(campaign, now), opensAt: campaign.opensAt, closesAt: campaign.closesAt },
        questionnaire: questionnaire.definition,
        data: response?.data ?? {},
        pageNo: response?.pageNo ?? 0,
        presetCollege: response?.presetCollege ?? shared?.college ?? null,
        submittedAt: response?.submittedAt ?? null,
      }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/responses/{token}/claim', tags: ['Réponses'], summary: 'Lien partagé : obtenir son propre lien de réponse',
      request: { params: TokenParams },
      responses: { 201: json(z.object({ token: z.string() }), 'Lien personnel créé'), ...errors(403, 404, 409) },
    }),
    async (c) => {
      const { token } = c.req.valid('param');
      const shared = looksLikeToken(token) ? repos.invitations.findShared(hashToken(token)) : undefined;
      if (!shared) throw notFound('Lien partagé inconnu.');
      assertOpen(contextOf(shared.poleId, shared.campaignId).campaign);
      const personal = newToken();
      await repos.groupCommit.run(() => repos.responses.create({ id: newId(), invitationId: shared.id, poleId: shared.poleId, campaignId: shared.campaignId, tokenHash: hashToken(personal), college: shared.college, createdAt: deps.now().toISOString() }));
      return c.json({ token: personal }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/responses/{token}', tags: ['Réponses'], summary: 'Enregistrer le brouillon',
      request: { params: TokenParams, ...jsonBody(z.object({ data: AnswersSchema, pageNo: z.number().int().min(0).max(100).optional() })) },
      responses: { 200: json(z.object({ status: z.literal('draft'), savedAt: z.string() }), 'Brouillon enregistré'), ...errors(403, 404, 409, 422) },
    }),
    async (c) => {
      const response = findResponse(c.req.valid('param').token);
      const { data, pageNo } = c.req.valid('json');
      if (response.status === 'submitted') throw new ApiError(409, 'already_submitted', 'Vos réponses ont déjà été envoyées ; elles ne peuvent plus être modifiées.');
      const { campaign, questionnaire } = contextOf(response.poleId, response.campaignId);
      assertOpen(campaign);
      check(questionnaire, response, data, 'draft');
      const savedAt = deps.now().toISOString();
      const saved = await repos.groupCommit.run(() => repos.responses.saveDraft(response.id, data, collegeOf(response, data), pageNo ?? response.pageNo, savedAt));
      if (!saved) {
        throw new ApiError(409, 'already_submitted', 'Vos réponses ont déjà été envoyées ; elles ne peuvent plus être modifiées.');
      }
      return c.json({ status: 'draft' as const, savedAt }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/responses/{token}/submit', tags: ['Réponses'], summary: 'Envoyer les réponses (définitif)',
      request: { params: TokenParams, ...jsonBody(z.object({ data: AnswersSchema })) },
      responses: {
        201: json(z.object({ status: z.literal('submitted'), submittedAt: z.string() }), 'Envoyé et enregistré'),
        422: json(z.object({ error: z.object({ code: z.string(), message: z.string(), details: IssueListSchema }) }), 'Réponses à compléter ou corriger'),
        ...errors(403, 404, 409),
      },
    }),
    async (c) => {
      const response = findResponse(c.req.valid('param').token);
      const { data } = c.req.valid('json');
      if (response.status === 'submitted') throw new ApiError(409, 'already_submitted', 'Vos réponses ont déjà été envoyées.');
      const { campaign, questionnaire } = contextOf(response.poleId, response.campaignId);
      assertOpen(campaign);
      check(questionnaire, response, data, 'submit');
      const submittedAt = deps.now().toISOString();
      // Resolves once the transaction holding this submission is committed (synchronous=FULL): durable before the 201.
      const themeScores = scoreRespondent(scoringModel(questionnaire.definition), data).themes;
      const stored = await repos.groupCommit.run(() => repos.responses.submit(response.id, data, collegeOf(response, data), submittedAt, themeScores));
      if (!stored) {
        throw new ApiError(409, 'already_submitted', 'Vos réponses ont déjà été envoyées.');
      }
      return c.json({ status: 'submitted' as const, submittedAt }, 201);
    },
  );
  return app;
}
