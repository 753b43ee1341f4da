// The respondent's journey. A link is a ticket, not a key: its first use binds the draft to that browser (an HttpOnly
// cookie), so whoever else holds the link (the coordination that made it) can no longer read or change it. Resuming
// elsewhere goes through a resume link that only the bound browser is shown. Once submitted, a link tells its status
// and nothing else: the answers were moved apart with no tie to it (server/db/tickets.ts).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { hashToken, looksLikeToken, newId, newToken } from '../security/tokens.ts';
import { clientAddress } from '../security/client.ts';
import { respondentBrowser, type RespondentBrowser } from '../security/respondent-cookie.ts';
import { browserSealer, openDraft, sealDraft } from '../security/draft-crypto.ts';
import { campaignStatus } from '../campaign-status.ts';
import type { Campaign, TicketRecord } from '../db/index.ts';
import { ALREADY_SUBMITTED, OPENED_ELSEWHERE, assertAnswering, saveDraft, submitResponse } from '../commands/responses.ts';
import { AnswersSchema, IssueListSchema, TokenParams, errors, json, jsonBody } from '../schemas.ts';
import { ResponseView } from '../../reports/contract/respondent.ts';
import { surveyDocument } from '../survey-document.ts';


/** The respondent routes also carry the ticket their middleware opened (writes only). */
type ResponseEnv = { Variables: AppEnv['Variables'] & { ticket?: OpenedTicket } };

type OpenedTicket = TicketRecord & {
  /** Once the ticket is this browser's: the resume secret, which keys the draft, and the draft itself. */
  resumeSecret?: string;
  data?: Record<string, unknown>;
  moved?: true;
  /** A write's first use of its link: bind it in the write's own transaction (one commit, not two). */
  bindWith?: { browser: RespondentBrowser; bound: { browserHash: string; resumeHash: string; resumeSealed: string; data: string } };
};

export function responseRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<ResponseEnv>();
  const { repos } = deps;

  const revoked = () => new ApiError(410, 'link_revoked', 'Ce lien a été retiré par la coordination de votre pôle. Demandez-lui un nouveau lien si besoin.');

  const contextOf = (poleId: string, campaignId: string) => {
    const campaign = repos.campaigns.get(campaignId)!;
    const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
    if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Ce questionnaire n’est plus disponible.');
    return { campaign, questionnaire, pole: repos.poles.get(poleId)! };
  };

  /** A fresh resume secret, sealed for this browser only (draft-crypto.ts): the server cannot open it alone. */
  const newResume = (browser: RespondentBrowser) => {
    const secret = newToken();
    return { secret, resumeHash: hashToken(secret), resumeSealed: browserSealer(browser.secret).seal(secret) };
  };
  const readDraft = (stored: string, resumeSecret: string, ticketId: string) => {
    try {
      return openDraft(stored, resumeSecret, ticketId);
    } catch {
      throw new ApiError(409, 'draft_unreadable', 'Ce brouillon ne peut plus être lu. Demandez à la coordination de votre pôle de remplacer votre lien.');
    }
  };

  /**
   * The ticket behind a link, opened for this browser: bound on first use (or when the resume link is used), refused
   * with 403 when another browser holds it. A submitted ticket is returned as is: callers reveal only its status.
   */
  const openTicket = async (c: Context<ResponseEnv>, token: string, mode: 'read' | 'write' = 'read'): Promise<OpenedTicket | undefined> => {
    if (!looksLikeToken(token)) return undefined;
    const hash = hashToken(token);
    const byLink = repos.tickets.findByTokenHash(hash);
    const ticket = byLink ?? repos.tickets.findByResumeHash(hash);
    if (!ticket) {
      if (repos.invitations.findByToken(hash)?.revoked) throw revoked();
      return undefined;
    }
    if (ticket.revoked) throw revoked();
    if (ticket.status === 'submitted') return ticket;
    const browser = respondentBrowser(c, deps.trustProxy);
    if (ticket.browserHash === browser.hash && ticket.resumeSealed) {
      let resumeSecret: string;
      try {
        resumeSecret = browserSealer(browser.secret).open(ticket.resumeSealed);
      } catch {
        throw new ApiError(403, 'opened_elsewhere', OPENED_ELSEWHERE);
      }
      return { ...ticket, resumeSecret, data: readDraft(ticket.storedData, resumeSecret, ticket.id) };
    }
    // The link itself binds only a ticket nobody opened yet; the resume link moves the draft to this browser, and is
    // replaced as it is used, so that whoever saw it once cannot take the draft back later.
    if (byLink && ticket.browserHash !== null) throw new ApiError(403, 'opened_elsewhere', OPENED_ELSEWHERE);
    // The draft so far: empty (or saved before drafts were sealed) for an unopened link; the resume link's own for a move.
    const draft = readDraft(ticket.storedData, byLink ? '' : token, ticket.id);
    const resume = newResume(browser);
    const bound = { browserHash: browser.hash, resumeHash: resume.resumeHash, resumeSealed: resume.resumeSealed, data: sealDraft(draft, resume.secret, ticket.id) };
    const opened = { ...ticket, ...bound, storedData: bound.data, resumeSecret: resume.secret, data: draft };
    if (byLink && mode === 'write') return { ...opened, bindWith: { browser, bound } };
    const done = await repos.groupCommit.run(() => (byLink ? repos.tickets.bind(ticket.id, bound) : repos.tickets.moveTo(ticket.id, hash, bound)));
    if (!done) {
      // A resume link used twice at once: the other use won, and this one no longer exists.
      if (!byLink) return undefined;
      // Sent, or opened by another request meanwhile (two tabs at once): this browser's if it holds the same cookie.
      const again = repos.tickets.findByTokenHash(hash);
      if (!again || again.status === 'submitted') return again ?? { ...ticket, status: 'submitted' };
      if (again.browserHash === browser.hash) return openTicket(c, token, mode);
      throw new ApiError(403, 'opened_elsewhere', OPENED_ELSEWHERE);
    }
    browser.keep();
    return byLink ? opened : { ...opened, moved: true };
  };

  /**
   * Route middleware for PUT and submit: the ticket that may still be written to, opened (and its browser checked)
   * before the body is validated, so that whoever else holds the link is refused (403) whatever they send.
   */
  const writableTicket: MiddlewareHandler<ResponseEnv> = async (c, next) => {
    const ticket = await openTicket(c, c.req.param('token') ?? '', 'write');
    if (!ticket) throw notFound('Lien inconnu ou expiré.');
    if (ticket.status === 'submitted') throw new ApiError(409, 'already_submitted', ALREADY_SUBMITTED);
    c.set('ticket', ticket);
    await next();
  };

  /** Validates answers for this ticket: the questionnaire's own rules, plus the collège fixed by the invitation. */

  const campaignView = (campaign: Campaign) => ({
    id: campaign.id, year: campaign.year, status: campaignStatus(campaign, deps.now()), opensAt: campaign.opensAt, closesAt: campaign.closesAt,
  });

  app.openapi(
    createRoute({
      method: 'get', path: '/responses/{token}', tags: ['Réponses'], summary: 'Adresse du questionnaire et brouillon (au navigateur lié au lien), ou état seul une fois envoyé',
      request: { params: TokenParams },
      responses: { 200: json(ResponseView, 'À remplir, ou déjà envoyé (état seul)'), ...errors(403, 404, 409, 410) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const { token } = c.req.valid('param');
      const ticket = await openTicket(c, token);
      if (ticket?.status === 'submitted') return c.json({ kind: ticket.shared ? ('shared' as const) : ('individual' as const), status: 'submitted' as const }, 200);
      if (ticket) {
        const { campaign, questionnaire, pole } = contextOf(ticket.poleId, ticket.campaignId);
        assertAnswering(deps, campaign);
        return c.json({
          kind: 'individual' as const,
          status: ticket.status,
          pole: { name: pole.name },
          campaign: campaignView(campaign),
          questionnaireUrl: surveyDocument(questionnaire).url,
          data: ticket.data ?? {},
          pageNo: ticket.pageNo,
          presetCollege: ticket.presetCollege,
          resumeUrl: ticket.resumeSecret ? `/r/${ticket.resumeSecret}` : null,
          ...(ticket.moved ? { moved: true } : {}),
          minGroupSize: deps.analysis.minGroupSize,
        }, 200);
      }
      const shared = looksLikeToken(token) ? repos.invitations.findByToken(hashToken(token)) : undefined;
      if (!shared?.shared) throw notFound('Lien inconnu ou expiré.');
      const { campaign, pole } = contextOf(shared.poleId, shared.campaignId);
      assertAnswering(deps, campaign);
      // A shared link is only a door: the page claims a ticket of its own before showing any question.
      return c.json({ kind: 'shared' as const, status: 'new' as const, pole: { name: pole.name }, campaign: campaignView(campaign), presetCollege: shared.college, minGroupSize: deps.analysis.minGroupSize }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/responses/{token}/claim', tags: ['Réponses'], summary: 'Lien partagé : obtenir son propre lien de réponse, lié à ce navigateur',
      request: { params: TokenParams },
      responses: { 201: json(z.object({ token: z.string() }), 'Lien personnel créé'), ...errors(403, 404, 409, 410, 429) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const { token } = c.req.valid('param');
      const shared = looksLikeToken(token) ? repos.invitations.findByToken(hashToken(token)) : undefined;
      if (!shared?.shared) throw notFound('Lien partagé inconnu.');
      if (shared.revoked) throw revoked();
      assertAnswering(deps, contextOf(shared.poleId, shared.campaignId).campaign);
      const key = `claim:${clientAddress(c, deps.trustProxy)}`;
      const nowMs = deps.now().getTime();
      if (deps.claimLimiter.isBlocked(key, nowMs)) {
        throw new ApiError(429, 'too_many_claims', 'Trop de questionnaires ouverts depuis cette connexion en une heure. Réessayez plus tard.');
      }
      deps.claimLimiter.fail(key, nowMs);
      const personal = newToken();
      const browser = respondentBrowser(c, deps.trustProxy);
      const resume = newResume(browser);
      const claimed = await repos.groupCommit.run(() => {
        // Counted inside the write, so that two claims at once cannot both take the last place.
        // A claim that saved nothing in an hour gives its place back: empty claims cannot use a link up.
        const current = repos.invitations.findByToken(hashToken(token), new Date(nowMs - 3_600_000).toISOString());
        if (!current || current.revoked) return 'revoked' as const;
        if (current.maxResponses !== null && current.claims >= current.maxResponses) return 'full' as const;
        repos.tickets.create({
          id: newId(), invitationId: shared.id, poleId: shared.poleId, campaignId: shared.campaignId, tokenHash: hashToken(personal),
          createdAt: deps.now().toISOString(), browserHash: browser.hash, resumeHash: resume.resumeHash, resumeSealed: resume.resumeSealed,
        });
        return 'ok' as const;
      });
      if (claimed === 'revoked') throw revoked();
      if (claimed === 'ok') browser.keep();
      if (claimed === 'full') {
        throw new ApiError(409, 'link_full', `Ce lien partagé a atteint le nombre de réponses prévu (${shared.maxResponses}). Demandez un lien à la coordination de votre pôle.`);
      }
      return c.json({ token: personal }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/responses/{token}', middleware: [writableTicket] as const, tags: ['Réponses'], summary: 'Enregistrer le brouillon',
      request: { params: TokenParams, ...jsonBody(z.object({ data: AnswersSchema, pageNo: z.number().int().min(0).max(100).optional() })) },
      responses: { 200: json(z.object({ status: z.literal('draft'), savedAt: z.string() }), 'Brouillon enregistré'), ...errors(403, 404, 409, 410, 422) },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const ticket = c.get('ticket')!;
      const { data, pageNo } = c.req.valid('json');
      const { campaign, questionnaire } = contextOf(ticket.poleId, ticket.campaignId);
      const { bindWith } = ticket;
      const { savedAt } = await saveDraft(deps, { ...ticket, resumeSecret: ticket.resumeSecret! }, campaign, questionnaire, { data, pageNo, firstUse: bindWith?.bound });
      bindWith?.browser.keep();
      return c.json({ status: 'draft' as const, savedAt }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/responses/{token}/submit', middleware: [writableTicket] as const, tags: ['Réponses'], summary: 'Envoyer les réponses (définitif)',
      request: { params: TokenParams, ...jsonBody(z.object({ data: AnswersSchema })) },
      responses: {
        201: json(z.object({ status: z.literal('submitted'), submittedAt: z.string().openapi({ description: 'Jour d’envoi (AAAA-MM-JJ) : rien de plus fin n’est gardé' }) }), 'Envoyé et enregistré'),
        422: json(z.object({ error: z.object({ code: z.string(), message: z.string(), details: IssueListSchema }) }), 'Réponses à compléter ou corriger'),
        ...errors(403, 404, 409, 410),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const ticket = c.get('ticket')!;
      const { data } = c.req.valid('json');
      const { campaign, questionnaire } = contextOf(ticket.poleId, ticket.campaignId);
      const { day } = await submitResponse(deps, ticket, campaign, questionnaire, data);
      return c.json({ status: 'submitted' as const, submittedAt: day }, 201);
    },
  );
  return app;
}
